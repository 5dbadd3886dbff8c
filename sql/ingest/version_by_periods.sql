-- A source whose versions are told apart by the periods they cover (version_key: periods in
-- sources.yml) gets its key from the periods of the values it loads. Run only for such a
-- source: it reads every value of the file.
update incoming_load
set version_key = source_id || '/periods ' || strftime(p.first_period, '%Y-%m-%d') || '..'
                  || strftime(p.last_period, '%Y-%m-%d')
from (select min(v.period_date) as first_period, max(v.period_date) as last_period
      from incoming_value as v
      where not exists (select 1 from incoming_problem as q
                        where q.sheet_name = v.sheet_name and q.row_number = v.row_number)) as p
where version_by_periods and p.first_period is not null
