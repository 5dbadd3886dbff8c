-- When the latest earlier load was received that the file being loaded would rank below, though
-- it came later (FileLoader.receivedAt): a load of the same source, received after this file's
-- last-modified time, holding a value for a metric and period this file has a value for, and,
-- for a system of record, of the same document (version_key). A period is taken at its table's
-- grain, as int_observation_current.sql ranks (stg_observation.period_start): a week dated by
-- its Friday competes with the same week dated by its Monday. Null when there is none, which is
-- nearly always: the test on received_at leaves no load to look into unless the file's time is
-- older than its source's newest. Parameter: whether the source is self-reported (its figures
-- replace each other whatever the file).
with

-- this file's values, each with its period's first day at its table's grain
file_periods as (
    select distinct c.metric_name, p.grain, plumbline_period_start(c.period_date, p.grain) as period_start
    from incoming_value as c
    join incoming_position as p
      on p.sheet_name = c.sheet_name
     and c.row_number between coalesce(p.first_row, 0) and coalesce(p.last_row, 2147483647)
    where c.problem is null
)

select max(a.received_at)
from load_audit as a
join incoming_load as l on a.source_id = l.source_id
where a.received_at > l.received_at
  and (? or a.version_key = l.version_key)
  and exists (select 1
              from raw_record_value as v
              left join load_latest_reading as lr on lr.load_id = v.load_id
              join file_periods as f
                on f.metric_name = v.metric_name
               and f.period_start = plumbline_period_start(v.period_date, f.grain)
              where v.load_id = a.load_id
                and v.reading_id is not distinct from lr.reading_id)   -- its latest reading (ledger V13)
