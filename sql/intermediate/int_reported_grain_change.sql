-- int_reported_grain_change: the deliveries that changed the grain a department's figure for a
-- KPI speaks at, and the values in force on either side of each change.
-- A department may state a KPI for one period of the common grain at two grains (weekly sheets
-- and a monthly overview at the month grain); int_kpi_observation (reported_grains) lets the grain
-- delivered latest speak for that period. So a delivery at another grain than the one speaking
-- takes the figure over (a monthly figure after the weekly sheets, weekly sheets after a monthly
-- figure) and the report's figure changes with it, though no value of the earlier grain was
-- changed at its own grain: fct_retroactive_revision compares the two sides as the report
-- combines them. This model replays that decision delivery by delivery, as int_observation_current
-- takes it at the end: at a moment, in force per period at its source's grain is the latest value
-- received by then of a document whose newer version had not arrived by then (a new version
-- replaces its document whole); the grain speaking is that of the latest delivery still in force.
-- A grain change is a delivery whose grain is not the one speaking just before it; a first
-- statement of the period, and deliveries at the grain already speaking (weekly sheets arriving
-- week by week), are none. Only statements and periods ever stated at two grains are replayed,
-- so everything else costs one pass over the self-reported values.
-- side: 'previous', the values of the grain that spoke just before the change, as in force then;
-- 'revised', the values of the delivery's grain in force just after it (its own, and the other
-- periods of that grain delivered before and still in force).
-- half_unit: half a unit of the last digit the value was written with, in the KPI's unit: "93"
-- 0.5, "93.1 %" 0.05, "0.931" in a fraction column 0.05, "1.234,5" 0.05. It is the value's size
-- over the written digits read as a whole number (93.1 / 931), so decimal marks, grouping,
-- percent signs, fraction columns and currency conversion need no rule of their own; 0 (exact)
-- where that cannot be read: no text (a configured constant), a value of 0, an exponent ("1E-5").
-- Grain: one row per grain change (statement, period of the common grain, delivery and its
-- grain) and value in force on either side of it.
create or replace table int_reported_grain_change as
with

-- Every value a department stated about a catalogue KPI, in force now or since replaced, in its
-- period of the common grain (as int_kpi_observation places it).
reported as (
    select o.statement_key, o.department_code, n.kpi_id, o.source_id, o.metric_name, o.load_id,
           o.sheet_name, o.row_number, o.period_grain, o.period_start, o.period_date, o.received_at,
           o.next_version_load_id, o.metric_value, o.is_missing_exchange_rate, d.common_period_start
    from int_observation_current as o
    join dim_kpi_local_name as n
      on n.department_code = o.department_code and n.local_name = o.metric_name
    left join dim_date as d on d.calendar_date = o.placement_date
    where o.source_kind = 'self_reported'
),

-- Those of statements and periods stated at more than one grain, with when a newer version of
-- their document arrived (null: none has).
at_two_grains as (
    select r.*, v.received_at as replaced_at
    from reported as r
    left join load_audit as v on v.load_id = r.next_version_load_id
    qualify min(r.period_grain) over (partition by r.statement_key, r.common_period_start)
         <> max(r.period_grain) over (partition by r.statement_key, r.common_period_start)
),

deliveries as (
    select statement_key, common_period_start, load_id, period_grain,
           min(received_at) as received_at, min(next_version_load_id) as replaced_by, min(replaced_at) as replaced_at
    from at_two_grains
    group by all
),

-- Each delivery with the one speaking just before it: the latest delivered before it whose
-- document no newer version had replaced by then (a delivery that is itself that newer version
-- comes after it). Where their grains differ, the delivery changed the grain.
changes as (
    select d.statement_key, d.common_period_start, d.load_id, d.period_grain, d.received_at,
           e.period_grain as previous_grain
    from deliveries as d
    join deliveries as e
      on e.statement_key = d.statement_key
     and e.common_period_start = d.common_period_start
     and (e.received_at, e.load_id) < (d.received_at, d.load_id)
     and (e.replaced_by is null or (e.replaced_at, e.replaced_by) >= (d.received_at, d.load_id))
    qualify row_number() over (partition by d.statement_key, d.common_period_start, d.load_id, d.period_grain
                               order by e.received_at desc, e.load_id desc) = 1
        and e.period_grain <> d.period_grain
),

-- The values that could be in force on either side: of the grain that spoke, delivered before the
-- change and not replaced by a newer version of their document by then; of the delivery's grain,
-- the same up to and with the delivery itself.
candidates as (
    select c.statement_key, c.common_period_start, c.load_id as revised_load_id, c.period_grain as revised_grain,
           c.previous_grain,
           case when v.period_grain = c.previous_grain then 'previous' else 'revised' end as side,
           v.* exclude (statement_key, common_period_start)
    from changes as c
    join at_two_grains as v
      on v.statement_key = c.statement_key
     and v.common_period_start = c.common_period_start
    where (v.period_grain = c.previous_grain
           and (v.received_at, v.load_id) < (c.received_at, c.load_id)
           and (v.next_version_load_id is null or (v.replaced_at, v.next_version_load_id) >= (c.received_at, c.load_id)))
       or (v.period_grain = c.period_grain
           and (v.received_at, v.load_id) <= (c.received_at, c.load_id)
           and (v.next_version_load_id is null or (v.replaced_at, v.next_version_load_id) > (c.received_at, c.load_id)))
),

-- Per period at the source's grain, the latest delivery's values (every one of its rows, as
-- int_observation_current keeps them all).
in_force as (
    select *
    from candidates
    qualify dense_rank() over (partition by statement_key, common_period_start, revised_load_id, revised_grain, side,
                                            period_start
                               order by received_at desc, load_id desc) = 1
),

-- The text each value was written as (stg_observation.value_text, null for a configured
-- constant), for the few values here: every one has its row there.
written as (
    select f.*, o.value_text
    from in_force as f
    join stg_observation as o
      on o.load_id = f.load_id and o.sheet_name = f.sheet_name and o.row_number = f.row_number
     and o.metric_name = f.metric_name and o.period_date = f.period_date
),

final as (
    select * exclude (value_text, replaced_at, next_version_load_id),
           case when value_text is null or regexp_matches(value_text, '\d[eE][+-]?\d') then 0.0
                else coalesce(0.5 * abs(metric_value)
                              / nullif(try_cast(regexp_replace(value_text, '[^0-9]', '', 'g') as double), 0), 0.0)
           end as half_unit
    from written
)

select * from final
