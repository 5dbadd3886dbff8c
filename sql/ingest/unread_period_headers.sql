-- The headers of a periods_across table that are written like a period but are none the table
-- reads: "KW 43", "12.10.2026" under ISO dates, "2026-09-31", "Jan 2026" or "2026-01" in a table
-- whose grain is not month. Such a table reads only columns headed by a period and leaves the
-- others (a unit, a total) alone, so a period it cannot read would lose its whole column of
-- values without a quarantined row; the file is rejected instead (HeaderCheck). Written like a
-- period: numbers joined by . / or - (a date, or a month and its year), a month's name and a
-- year, an ISO week, or a calendar week (KW, CW, Woche, Week, W and a number). Run after
-- LoadSettings wrote incoming_table. One row per such header, in sheet order.
select s.sheet_name, s.table_name, g.position, s.column_names[g.position] as header, t.date_format, t.grain
from incoming_sheet as s
join incoming_table as t using (table_name)
cross join unnest(generate_series(1, len(s.column_names))) as g(position)
where t.shape = 'periods_across'
  and plumbline_period_at(s.column_names[g.position], t.date_format, t.grain) is null
  and (regexp_full_match(trim(s.column_names[g.position]), '\d{1,4}[./-]\d{1,2}[./-]\d{1,4}')
       or regexp_full_match(trim(s.column_names[g.position]), '\d{4}[./-]\d{1,2}|\d{1,2}[./-]\d{4}')
       or plumbline_month(s.column_names[g.position]) is not null
       or regexp_full_match(trim(s.column_names[g.position]), '\d{4}-?[Ww]\d{1,2}')
       or regexp_full_match(trim(s.column_names[g.position]),
                            '(?i)(kw|cw|woche|week|wk|w)\.?\s*\d{1,2}([\s/.-]+\d{2,4})?'))
order by s.sheet_name, s.table_name, g.position
