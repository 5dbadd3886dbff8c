-- A reading's row in load_reading, written in the reading's transaction after its rows. The
-- counts come from what the reader produced (rows_read) and what the ledger now holds for the
-- reading (the others), so check_conservation.sql compares two independent counts, as for a load.
-- values_changed: the reading's values that the reading it replaces did not hold as they are
-- (same row, field, metric and period, same value, its row naming the same department); a value
-- moved to another metric, period or department (ledger V14: department_column), rescaled, or
-- new, counts.
-- Parameters: $1 reading_id, $2 load_id, $3 read_at, $4 config_version, $5 reason, $6 requested_by,
-- $7 the reading replaced (null: the one made when the file was loaded), $8 settings_fingerprint (ledger V15:
-- the settings the file was read under, ReadingSettings).
insert into load_reading (reading_id, load_id, read_at, config_version, reason, requested_by, rows_read,
                          rows_loaded, rows_skipped, rows_quarantined, first_period, last_period, value_count,
                          values_changed, settings_fingerprint)
with

new_values as (
    select v.*, r.department_code
    from raw_record_value as v
    join raw_record as r
      on r.load_id = v.load_id and r.sheet_name = v.sheet_name and r.row_number = v.row_number
     and r.reading_id = v.reading_id
    where v.load_id = $2 and v.reading_id = $1
),

old_values as (
    select v.*, r.department_code
    from raw_record_value as v
    join raw_record as r
      on r.load_id = v.load_id and r.sheet_name = v.sheet_name and r.row_number = v.row_number
     and r.reading_id is not distinct from v.reading_id
    where v.load_id = $2 and v.reading_id is not distinct from $7
),

unchanged as (
    select n.*
    from new_values as n
    semi join old_values as o
      on o.sheet_name = n.sheet_name and o.row_number = n.row_number
     and o.value_position is not distinct from n.value_position
     and o.metric_name = n.metric_name and o.period_date = n.period_date and o.value = n.value
     and o.department_code is not distinct from n.department_code
)

select $1, $2, $3, $4, $5, $6,
       (select count(*) from incoming_row),
       (select count(*) from raw_record where load_id = $2 and reading_id = $1 and not is_layout),
       (select count(*) from raw_record where load_id = $2 and reading_id = $1 and is_layout),
       (select count(*) from raw_quarantine where load_id = $2 and reading_id = $1),
       (select min(period_date) from new_values),
       (select max(period_date) from new_values),
       (select count(*) from new_values),
       (select count(*) from new_values) - (select count(*) from unchanged),
       $8
