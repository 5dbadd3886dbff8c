-- rpt_summary_headline: the summary page's one-sentence headline: the worst gap between policy
-- and execution, for the company's report and for each department's drill-down. It is the
-- first open policy breach of the worst gaps (rpt_top_gap's ranking: gap_rank within
-- rank_group 1), so the headline and the list under it never disagree, told with its
-- department's figures from rpt_headline (that department's periods only, the worst of them, the
-- threshold of the version that judged it, and the policy's owner).
-- report_department_code says which report a row heads: null the company's (the worst gap of
-- any department), a department's code its drill-down (its own worst gap). A report without a
-- row has no open breach outside an approved deviation, and its headline says so.
-- Grain: one row for the company's report when any policy is breached, and one for each
-- department that breached one.
create or replace table rpt_summary_headline as
with

-- each open breach gap twice: for its department's drill-down, and for the company's report (null)
breach_gaps as (
    select gap_rank, policy_id, department_code, unnest([department_code, null]) as report_department_code
    from rpt_top_gap
    where rank_group = 1
),

final as (
    select g.report_department_code,
           g.gap_rank,
           h.policy_id,
           h.policy_version,
           h.policy_statement,
           h.department_code,
           h.department_name,
           h.kpi_name,
           h.owner_title,
           h.threshold,
           h.breached_period_count,
           h.first_breached_period,
           h.last_breached_period,
           h.worst_period,
           h.worst_measured,
           h.reported_in_worst_period,
           h.unit,
           h.comparator
    from breach_gaps as g
    join rpt_headline as h
      on h.policy_id = g.policy_id and h.department_code = g.department_code
    qualify row_number() over (partition by g.report_department_code order by g.gap_rank) = 1
)

select * from final order by report_department_code nulls first;

comment on table rpt_summary_headline is 'The summary page''s one-sentence headline: the worst open policy breach of the worst gaps (rpt_top_gap), told with its department''s figures (rpt_headline); one row for the company''s report and one for each department''s drill-down that has a breach.';
comment on column rpt_summary_headline.report_department_code is 'Which report the row heads: null the company''s, else the department (departments.yml) whose drill-down it heads.';
comment on column rpt_summary_headline.gap_rank is 'The gap''s rank among the worst gaps (rpt_top_gap.gap_rank): the first open policy breach of the report''s gaps.';
comment on column rpt_summary_headline.policy_id is 'The breached policy (policies.yml).';
comment on column rpt_summary_headline.policy_version is 'The policy version that judged the department''s worst period.';
comment on column rpt_summary_headline.policy_statement is 'That version''s statement.';
comment on column rpt_summary_headline.department_code is 'The department that breached it (departments.yml).';
comment on column rpt_summary_headline.department_name is 'That department''s name.';
comment on column rpt_summary_headline.kpi_name is 'The policy''s KPI (kpis.yml).';
comment on column rpt_summary_headline.owner_title is 'Who owns that policy version (roles.yml).';
comment on column rpt_summary_headline.threshold is 'That version''s threshold, in the KPI''s unit.';
comment on column rpt_summary_headline.breached_period_count is 'The periods in which the department breached the policy outside any approved deviation.';
comment on column rpt_summary_headline.first_breached_period is 'The first of those periods.';
comment on column rpt_summary_headline.last_breached_period is 'The last of those periods.';
comment on column rpt_summary_headline.worst_period is 'The department''s period furthest from its threshold.';
comment on column rpt_summary_headline.worst_measured is 'What was measured in it.';
comment on column rpt_summary_headline.reported_in_worst_period is 'What the department reported for it; null when it reported nothing.';
comment on column rpt_summary_headline.unit is 'The KPI''s unit, of threshold and figures.';
comment on column rpt_summary_headline.comparator is 'The policy''s comparator (>=, <=, ...): whether the measurement fell short or rose above.';
