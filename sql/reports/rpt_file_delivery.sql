-- rpt_file_delivery: the data-quality appendix's list of files: every delivery up to the
-- as-of date with its outcome (loaded, duplicate, rejected) and reason, and the rows each
-- loaded file brought and had quarantined, so each number in the report traces to files.
-- received_at is UTC, as the ledger keeps it; received_at_plant is the same instant in the
-- plant's time zone (dim_calendar.timezone), in which lateness is judged
-- (int_submission_delivery), and which the PDF shows, naming the zone.
-- Grain: one row per file delivery.
create or replace table rpt_file_delivery as
with

deliveries as (
    select * from file_delivery
    where received_at < (select as_of_date from run_context) + interval 1 day
),

quarantined as (
    select load_id, count(*) as quarantined_row_count from raw_quarantine_latest group by load_id
),

plant as (
    select coalesce(max(timezone), 'UTC') as plant_time_zone from dim_calendar
),

final as (
    select f.delivery_id, f.file_name, f.source_id, f.received_at, f.outcome,
           coalesce(f.reason, '') as reason,  -- a loaded file has no reason; the PDF shows a blank
           f.load_id,
           coalesce(q.quarantined_row_count, 0) as quarantined_row_count,
           timezone(p.plant_time_zone, timezone('UTC', f.received_at)) as received_at_plant,
           p.plant_time_zone
    from deliveries as f
    cross join plant as p
    left join quarantined as q using (load_id)
)

select * from final order by received_at, delivery_id;

comment on table rpt_file_delivery is 'The data-quality appendix''s files: every delivery up to the as-of date with its outcome, reason and rows; one row per file delivery.';
comment on column rpt_file_delivery.delivery_id is 'The delivery (file_delivery.delivery_id).';
comment on column rpt_file_delivery.file_name is 'The file''s name as it arrived in the inbox.';
comment on column rpt_file_delivery.source_id is 'The source it was read as (sources.yml); null when no source''s pattern matched.';
comment on column rpt_file_delivery.received_at is 'When it arrived in the inbox, in UTC.';
comment on column rpt_file_delivery.outcome is 'loaded, duplicate or rejected.';
comment on column rpt_file_delivery.reason is 'Why it was not loaded (or a note on a loaded file); empty when there is none.';
comment on column rpt_file_delivery.load_id is 'The load it became (load_audit); null unless loaded.';
comment on column rpt_file_delivery.quarantined_row_count is 'How many of its rows were quarantined (in its latest reading).';
comment on column rpt_file_delivery.received_at_plant is 'received_at in the plant''s time zone (calendar.yml), in which lateness is judged and which the PDF shows.';
comment on column rpt_file_delivery.plant_time_zone is 'The plant''s time zone (dim_calendar.timezone), named in the PDF''s column heading.';
