-- dim_common_period: the periods of the common grain (calendar.yml common_grain: ISO week, month
-- or fiscal period), each once, as dim_date places days in them: the periods figures are compared
-- and policies judged at, for models that list periods rather than place days.
-- Grain: one row per period of the common grain within dim_date's days.
create or replace table dim_common_period as
select common_period_label      as period_label,
       common_period_start      as period_start,
       common_period_end        as period_end,
       common_period_week_count as week_count
from dim_date
where calendar_date = common_period_start
order by period_start;

comment on table dim_common_period is 'The periods of the common grain (calendar.yml common_grain: ISO week, month or fiscal period), one row each: what figures are compared and policies judged per.';
comment on column dim_common_period.period_label is 'The period as people say it: 2025-W31, 2025-07 or FY2025-P07.';
comment on column dim_common_period.period_start is 'First day of the period.';
comment on column dim_common_period.period_end is 'Last day of the period.';
comment on column dim_common_period.week_count is 'The ISO weeks the period holds, each counted in the period its Thursday is in: 1 for a week, 4 or 5 for a month; a weekly target (kpis.yml) times this is an amount''s target for the period.';
