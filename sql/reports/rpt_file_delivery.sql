-- rpt_file_delivery: the data-quality appendix's list of files: every delivery up to the
-- as-of date with its outcome (loaded, duplicate, rejected) and reason, and the rows each
-- loaded file brought and had quarantined, so each number in the report traces to files.
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

final as (
    select f.delivery_id, f.file_name, f.source_id, f.received_at, f.outcome,
           coalesce(f.reason, '') as reason,  -- a loaded file has no reason; the PDF shows a blank
           f.load_id,
           coalesce(q.quarantined_row_count, 0) as quarantined_row_count
    from deliveries as f
    left join quarantined as q using (load_id)
)

select * from final order by received_at, delivery_id
