-- When the latest earlier load was received that the file being loaded would rank below, though
-- it came later (FileLoader.receivedAt): a load of the same source, received after this file's
-- last-modified time, holding a value for a metric and period this file has a value for, and,
-- for a system of record, of the same document (version_key). That is the ranking
-- int_observation_current.sql keeps the latest received of. Null when there is none, which is
-- nearly always: the test on received_at leaves no load to look into unless the file's time is
-- older than its source's newest. Parameter: whether the source is self-reported (its figures
-- replace each other whatever the file).
select max(a.received_at)
from load_audit as a
join incoming_load as l on a.source_id = l.source_id
where a.received_at > l.received_at
  and (? or a.version_key = l.version_key)
  and exists (select 1
              from raw_record_value as v
              join incoming_value as c on c.metric_name = v.metric_name and c.period_date = v.period_date
              where v.load_id = a.load_id
                and c.problem is null)
