-- The name erased from report e-mails' recipient addresses and failure reasons: the record of
-- what was sent, when and how it went stays. Parameter $1: as in count_raw_row.sql.
update report_delivery
set recipient = regexp_replace(recipient, $1, '[erased]', 'gi'),
    reason    = regexp_replace(reason, $1, '[erased]', 'gi')
where regexp_matches(recipient, $1, 'i') or regexp_matches(coalesce(reason, ''), $1, 'i')
