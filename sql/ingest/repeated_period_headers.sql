-- The headers of a periods_across table that name the same period at the table's grain ("Jan 2025"
-- twice, one column hidden; 01.01.2025 and 15.01.2025 in a monthly table): the values under them
-- would be added up as one figure, so the file is rejected instead (HeaderCheck, which names
-- the first period's headers). One row per such header, with the period it shares, by period.
select sheet_name, table_name, position, header,
       case grain when 'month' then strftime(period_date, '%Y-%m')
                  when 'week' then strftime(period_date, '%G-W%V')
                  else strftime(period_date, '%Y-%m-%d') end as period
from incoming_header_period
where period_date is not null
qualify count(*) over (partition by sheet_name, table_name, period) > 1
order by sheet_name, table_name, period, position
