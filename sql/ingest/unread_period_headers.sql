-- The headers of a periods_across table that are written like a period but are none the table
-- reads: "KW 43", "12.10.2026" under ISO dates, "2026-09-31", "Jan 2026" or "2026-01" in a table
-- whose grain is not month. Such a table reads only columns headed by a period and leaves the
-- others (a unit, a total) alone, so a period it cannot read would lose its whole column of
-- values without a quarantined row; the file is rejected instead (HeaderCheck). Written like a
-- period: numbers joined by . / or - (a date, or a month and its year), a month's name and a
-- year, an ISO week, or a calendar week (KW, CW, Woche, Week, W and a number). Run after
-- header_periods.sql. One row per such header, in sheet order.
select sheet_name, table_name, position, header, date_format, grain
from incoming_header_period
where period_date is null
  and (regexp_full_match(trim(header), '\d{1,4}[./-]\d{1,2}[./-]\d{1,4}')
       or regexp_full_match(trim(header), '\d{4}[./-]\d{1,2}|\d{1,2}[./-]\d{4}')
       or plumbline_month(header) is not null
       or regexp_full_match(trim(header), '\d{4}-?[Ww]\d{1,2}')
       or regexp_full_match(trim(header), '(?i)(kw|cw|woche|week|wk|w)\.?\s*\d{1,2}([\s/.-]+\d{2,4})?'))
order by sheet_name, table_name, position
