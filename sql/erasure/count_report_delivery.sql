-- Report e-mails (ledger V8) whose recipient address or failure reason holds the name, e.g. a
-- department head's address. Parameter $1: as in count_raw_row.sql.
select count(*) as items,
       coalesce(sum(len(regexp_extract_all(recipient, '(?i)' || $1)) + len(regexp_extract_all(coalesce(reason, ''), '(?i)' || $1))), 0)
           as occurrences
from report_delivery
where regexp_matches(recipient, $1, 'i') or regexp_matches(coalesce(reason, ''), $1, 'i')
