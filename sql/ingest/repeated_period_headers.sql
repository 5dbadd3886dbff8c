-- The headers of a periods_across table that name the same period at the table's grain ("Jan 2025"
-- twice, one column hidden; 01.01.2025 and 15.01.2025 in a monthly table): the values under them
-- would be added up as one figure, so the file is rejected instead (HeaderCheck, which names
-- the first period's headers). One row per such header, with the period it shares, by period.
with

periods as (
    select s.sheet_name, s.table_name, g.position, s.column_names[g.position] as header,
           plumbline_period_at(s.column_names[g.position], t.date_format, t.grain) as period_date, t.grain
    from incoming_sheet as s
    join incoming_table as t using (table_name)
    cross join unnest(generate_series(1, len(s.column_names))) as g(position)
    where t.shape = 'periods_across'
),

at_grain as (
    select *,
           case grain when 'month' then strftime(period_date, '%Y-%m')
                      when 'week' then strftime(period_date, '%G-W%V')
                      else strftime(period_date, '%Y-%m-%d') end as period
    from periods
    where period_date is not null
)

select sheet_name, table_name, position, header, period
from at_grain
qualify count(*) over (partition by sheet_name, table_name, period) > 1
order by sheet_name, table_name, period, position
