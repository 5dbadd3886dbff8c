-- int_spc_point: every week of a KPI series on a control chart, from the baseline's start on.
-- Phase I (the configured baseline) gives the centre line and sigma; phase II is every later
-- week, judged against them. What is plotted, and its sigma, depend on the chart type:
--   individuals  the value; sigma = mean moving range of phase I / d2(2) = MR-bar / 1.128
--   xbar_r       the subgroup mean; sigma = mean of phase-I range / d2(n), divided by sqrt(n)
--   p            numerator / denominator; sigma = sqrt(p-bar (1 - p-bar) / n), p-bar pooled
--   c            the count; sigma = sqrt(c-bar)
--   u            numerator / denominator; sigma = sqrt(u-bar / n), u-bar pooled
-- Limits are centre +/- 3 sigma; p, c and u cannot go below 0 (nor p above 1). z is the
-- distance from the centre in sigmas, which the run rules read.
-- The limits come from the baseline as phase I is done by hand (Montgomery, Introduction to
-- Statistical Quality Control, Examples 7.1 and 7.3): trial limits from every baseline week; a
-- week beyond them is out of control (an assignable cause: a bad week, or a correction that
-- made it one) and the limits are revised without it. Left in, one week at 90% among weeks at
-- 99% pulled the centre line down and every later ordinary week signalled "above" it (hunt 6a,
-- G12). The limits are revised once, not until no week is outside: a week inside the trial
-- limits but beyond the revised ones stays in the baseline, a phase-I signal, as Montgomery
-- keeps sample 21 in Example 7.1 (no assignable cause found). Repeating would narrow the limits
-- at every pass and so put the next ordinary week beyond them, peeling off the tails of ordinary
-- variation with no cause behind them (even one pass takes out a week by chance in about 7% of
-- 26-week baselines of a stable process: 1 - 0.9973^26).
-- A week can lie beyond the trial limits only because the weeks out of control pulled them:
-- three weeks at 90% lower a p chart's trial centre line so far that an ordinary week at 99.5%
-- lies above its upper limit. The revised limits take such a week back in, and it stays in the
-- baseline. So a baseline week is left out when it lies beyond the trial limits and beyond the
-- revised ones too (or the revision has none: the weeks inside the trial limits never varied),
-- and the centre line, sigma and limits the whole series is judged by are those of the other
-- weeks. Three passes compute this: 1 every baseline week (trial), 2 those inside the trial
-- limits (revised; their limits are computed however few they are), 3 those not left out
-- (final; the same weeks as 2 where none was taken back). Only a trial that can draw a chart
-- leaves weeks out; the final pass decides whether enough are left for one.
-- A week left out is still plotted, with excluded_from_baseline, and is still a signal
-- (fct_spc_signal); fct_spc_chart says which weeks were left out.
-- The individuals chart's moving ranges run between the weeks the pass takes, in order: a week
-- left out is skipped as a missing week is, so the limits are those of the baseline without it.
-- Not every baseline can carry limits. chart_status says which series are judged, and
-- fct_spc_chart says why the others are not, in a sentence; none is left out. The final pass
-- decides it:
--   drawn                    limits and z as above; the run rules judge it (fct_spc_signal)
--   too_few_baseline_points  fewer baseline points than the chart's min_baseline_points (a
--                            department that began reporting late, missing exports, or too
--                            many weeks left out as out of control): a centre and sigma from
--                            so few are noise, so neither is given, nor limits, z or signals
--   steady_baseline          the baseline never varied (100% every week, no complaint ever, or
--                            so apart from the weeks left out), so sigma is 0 and every other
--                            value would be infinitely far out and fire every rule. The centre
--                            line is that steady level; there are no limits, no z and no run
--                            rules; a later week off the level departs from it
--                            (departs_from_steady_baseline), which fct_early_warning reports
--                            once per series, as a departure, not as a limit breach
--   no_baseline_spread       an x-bar/R baseline whose weeks have no range (all values alike, or
--                            one value a week) while their means differ: no sigma, so no limits
-- The passes are temp tables and views of the rebuild's session (spc_*), not of the warehouse:
-- one statement of aggregates and limits serves every pass.
-- Grain: one row per charted KPI, department and ISO week from the baseline's start on.

-- Every week's plotted value and sample size, both phases.
create or replace temp table spc_plotted as
with

charts as (
    select * from dim_control_chart
),

series as (
    select s.*,
           c.chart_type,
           c.min_baseline_points,
           case when s.week_start <= c.baseline_to then 'I' else 'II' end as phase,
           case c.chart_type
               when 'individuals' then s.value
               when 'xbar_r'      then s.subgroup_mean
               when 'c'           then s.value
               else s.numerator_total / nullif(s.denominator_total, 0)
           end as plotted_value,
           case c.chart_type
               when 'xbar_r' then s.subgroup_size
               when 'p'      then s.denominator_total
               when 'u'      then s.denominator_total
           end as sample_size
    from int_kpi_series_weekly as s
    join charts as c using (kpi_id)
    where s.week_start >= c.baseline_from
)

select * from series where plotted_value is not null;

-- The baseline weeks each pass takes: pass 1 every one, passes 2 and 3 inserted below.
-- previous_value is the week before it in the same pass (moving ranges).
create or replace temp table spc_baseline_point as
select 1 as pass,
       kpi_id,
       department_code,
       week_start,
       plotted_value,
       lag(plotted_value) over (partition by kpi_id, department_code order by week_start) as previous_value,
       numerator_total,
       sample_size,
       subgroup_size,
       subgroup_range
from spc_plotted
where phase = 'I';

-- Each pass's baseline statistics and what they allow (chart_status), for every series, with or
-- without baseline points.
create or replace temp view spc_baseline as
with

-- d2: the expected range of n standard normal values (ASTM / Montgomery, Appendix VI).
d2_constants as (
    select * from (values (2, 1.128), (3, 1.693), (4, 2.059), (5, 2.326), (6, 2.534),
                          (7, 2.704), (8, 2.847), (9, 2.970), (10, 3.078)) as t(subgroup_size, d2)
),

statistics as (
    select p.pass,
           p.kpi_id,
           p.department_code,
           count(*)                                                   as baseline_points,
           min(p.plotted_value)                                       as lowest_value,
           max(p.plotted_value)                                       as highest_value,
           plumbline_avg(p.plotted_value)                                       as mean_value,
           plumbline_avg(abs(p.plotted_value - p.previous_value))               as mean_moving_range,
           plumbline_sum(p.numerator_total) / nullif(plumbline_sum(p.sample_size), 0) as pooled_rate,
           plumbline_avg(p.subgroup_range / d.d2)                               as sigma_from_ranges
    from spc_baseline_point as p
    left join d2_constants as d on d.subgroup_size = p.subgroup_size
    group by p.pass, p.kpi_id, p.department_code
),

series as (
    select distinct kpi_id, department_code, chart_type, min_baseline_points from spc_plotted
),

-- spread is what the sigma grows with: 0 exactly when the sigma is 0 (a p chart's sigma also
-- depends on each week's n, but is 0 for every n when p-bar is 0 or 1).
judged as (
    select passes.pass,
           s.kpi_id,
           s.department_code,
           s.chart_type,
           coalesce(b.baseline_points, 0)                              as baseline_points,
           b.lowest_value,
           b.mean_value,
           b.mean_moving_range,
           b.pooled_rate,
           b.sigma_from_ranges,
           case s.chart_type
               when 'individuals' then b.mean_moving_range
               when 'xbar_r'      then b.sigma_from_ranges
               when 'c'           then b.mean_value
               when 'p'           then b.pooled_rate * (1 - b.pooled_rate)
               when 'u'           then b.pooled_rate
           end                                                         as spread,
           case
               when coalesce(b.baseline_points, 0) < s.min_baseline_points then 'too_few_baseline_points'
               when spread = 0 and b.lowest_value = b.highest_value        then 'steady_baseline'
               when coalesce(spread, 0) = 0                                then 'no_baseline_spread'
               else 'drawn'
           end                                                         as chart_status
    from series as s
    cross join (values (1), (2), (3)) as passes(pass)
    left join statistics as b on b.pass = passes.pass and b.kpi_id = s.kpi_id
                              and b.department_code = s.department_code
)

select * from judged;

-- Each week's centre line and sigma by each pass's baseline. limit_centre and limit_sigma are
-- there wherever the pass's weeks have a spread, however few they are: the revised limits judge
-- which weeks to take back even when too few weeks are left for a chart. centre_line and sigma
-- are the chart's: where its status allows limits (drawn), or a steady level.
create or replace temp view spc_limit as
with

limits as (
    select p.kpi_id,
           p.department_code,
           p.week_start,
           p.phase,
           p.plotted_value,
           b.pass,
           b.baseline_points,
           b.chart_status,
           b.lowest_value,
           case when b.spread > 0 then
               case when p.chart_type in ('p', 'u') then b.pooled_rate else b.mean_value end
           end as limit_centre,
           case when b.spread > 0 then
               case p.chart_type
                   when 'individuals' then b.mean_moving_range / 1.128
                   when 'xbar_r'      then b.sigma_from_ranges / sqrt(p.sample_size)
                   when 'c'           then sqrt(b.mean_value)
                   when 'p'           then sqrt(b.pooled_rate * (1 - b.pooled_rate) / p.sample_size)
                   when 'u'           then sqrt(b.pooled_rate / p.sample_size)
               end
           end as limit_sigma
    from spc_plotted as p
    join spc_baseline as b using (kpi_id, department_code)
)

select *,
       case chart_status
           when 'drawn' then limit_centre
           -- the level itself, not an average of it that rounding could set a hair apart
           when 'steady_baseline' then lowest_value
       end                                                                        as centre_line,
       case chart_status when 'drawn' then limit_sigma when 'steady_baseline' then 0 end as sigma,
       coalesce(abs(plotted_value - limit_centre) > 3 * limit_sigma, false)       as is_beyond_limits
from limits;

-- The baseline weeks left out: beyond the limits of a trial that drew a chart (pass 1), and not
-- taken back in by the revised limits (pass 2: the week inside them). Before pass 2 is in, that is
-- every week beyond the trial limits.
create or replace temp view spc_left_out as
select trial.kpi_id,
       trial.department_code,
       trial.week_start
from spc_limit as trial
join spc_limit as revised on revised.pass = 2 and revised.kpi_id = trial.kpi_id
                         and revised.department_code = trial.department_code
                         and revised.week_start = trial.week_start
where trial.pass = 1
  and trial.phase = 'I'
  and trial.chart_status = 'drawn'
  and trial.is_beyond_limits
  and not (revised.limit_sigma is not null and not revised.is_beyond_limits);

-- The next pass: the baseline weeks not left out so far.
create or replace temp view spc_next_pass as
select (select max(pass) + 1 from spc_baseline_point) as pass,
       p.kpi_id,
       p.department_code,
       p.week_start,
       p.plotted_value,
       lag(p.plotted_value) over (partition by p.kpi_id, p.department_code order by p.week_start) as previous_value,
       p.numerator_total,
       p.sample_size,
       p.subgroup_size,
       p.subgroup_range
from spc_baseline_point as p
anti join spc_left_out as o using (kpi_id, department_code, week_start)
where p.pass = 1;

-- Pass 2 (revised): the weeks inside the trial limits.
insert into spc_baseline_point select * from spc_next_pass;

-- Pass 3 (final): those and the weeks the revised limits take back in.
insert into spc_baseline_point select * from spc_next_pass;

create or replace table int_spc_point as
with

points as (
    select * from spc_plotted
),

trial as (
    select * from spc_baseline where pass = 1
),

final_pass as (
    select * from spc_limit where pass = 3
),

left_out as (
    select *, true as excluded_from_baseline from spc_left_out
),

centred as (
    select p.*,
           -- every baseline week, those left out too; the limits rest on the final pass's
           t.baseline_points,
           t.baseline_points - f.baseline_points                      as excluded_baseline_points,
           coalesce(o.excluded_from_baseline, false)                  as excluded_from_baseline,
           f.chart_status,
           f.centre_line,
           f.sigma
    from points as p
    join trial as t using (kpi_id, department_code)
    join final_pass as f using (kpi_id, department_code, week_start)
    left join left_out as o using (kpi_id, department_code, week_start)
),

final as (
    select c.kpi_id,
           c.department_code,
           c.iso_week,
           c.week_start,
           row_number() over (partition by c.kpi_id, c.department_code order by c.week_start) as point_number,
           c.phase,
           c.chart_type,
           c.plotted_value,
           -- the unit of the plotted figures: a p chart plots a proportion, a c chart a count, a u
           -- chart a rate per unit, the others the KPI's value in its unit
           case c.chart_type when 'p' then 'proportion' when 'c' then 'count' when 'u' then null
                             else k.unit end as plotted_unit,
           c.sample_size,
           c.centre_line,
           c.sigma,
           case when c.sigma > 0 then
               case when c.chart_type = 'p' then least(1, c.centre_line + 3 * c.sigma)
                    else c.centre_line + 3 * c.sigma end
           end as upper_control_limit,
           case when c.sigma > 0 then
               case when c.chart_type in ('p', 'c', 'u') then greatest(0, c.centre_line - 3 * c.sigma)
                    else c.centre_line - 3 * c.sigma end
           end as lower_control_limit,
           case when c.sigma > 0 then (c.plotted_value - c.centre_line) / c.sigma end as z_score,
           c.baseline_points,
           c.excluded_baseline_points,
           c.excluded_from_baseline,
           c.min_baseline_points,
           c.chart_status,
           c.chart_status = 'steady_baseline' and c.phase = 'II' and c.plotted_value <> c.centre_line
               as departs_from_steady_baseline,
           c.load_ids
    from centred as c
    left join dim_kpi as k using (kpi_id)
    -- a week of a drawn chart without a sigma (an x-bar/R week without a subgroup) cannot be placed
    where c.chart_status <> 'drawn' or c.sigma is not null
)

select * from final
