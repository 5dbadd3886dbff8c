-- rpt_top_gap: the worst gaps for the one-page summary. Findings of the same type about the
-- same policy, KPI or subject in the same department are one gap (sixteen breached weeks of one
-- policy are one sentence, not sixteen).
-- Ranking (gap_rank, 1 the worst), in this order:
--   1. rank_group: open policy breaches first (1), every other open gap after (2), gaps resolved
--      since the previous run last (3). A breach is what the report is about: each breached policy
--      has a headline, and the summary must not leave out the policy its headline is about. A
--      resolved gap is news, not a gap: it never takes an open one's place among the worst.
--   2. severity_weight: critical before high before medium before low, so no medium finding
--      (a missing submission, an accountability or triad gap) outranks a high or critical one.
--   3. rank_score (severity x (0.5 + materiality)), then how many findings the gap gathers.
-- Materiality alone cannot order gaps across types: it is gap / target, so a 1-point shortfall
-- of a 97% yield is about 0.01, while a finding without a target counts 0.5; within a group and
-- severity it still puts the larger shortfall first. status: new if any of its
-- findings is new, resolved if all are, else persisting (insight findings included: fct_finding
-- gives every finding its run-to-run status).
-- A breach inside an approved deviation is a concession, not a gap: the count, the first and
-- last periods, the worst figure, the rank and the status are over the uncovered findings only,
-- covered_count says how many covered ones were left out, and a gap whose findings are all
-- covered is not listed.
-- A finding resolved since the previous run is no longer a gap: the count, periods, worst
-- figure and rank are over the open findings, as the summary's tiles (status <> 'resolved')
-- and the headline count them; resolved_count says how many resolved ones were left out. Only
-- a gap whose findings are all resolved is listed by them, marked resolved, after the open gaps.
-- What was kept of a resolved finding (finding_history) has no figures and no sentence: such a
-- gap has no worst figure, target or evidence, and the summary says what it was in words.
-- finding_count is the "periods" of the summary's sentence ("differed ... in 6 periods"): one
-- finding is one period of the common grain (a week by default) for one department and
-- subject, so it counts the periods the way the breach tile counts findings and the headline
-- counts weeks for one department.
-- Grain: one row per gap with at least one uncovered finding; gap_rank 1 is the worst.
create or replace table rpt_top_gap as
with

uncovered as (
    select *,
           bool_or(status <> 'resolved') over (partition by finding_type, department_code, subject) as gap_is_open
    from rpt_finding
    where not is_covered_by_deviation
),

findings as (
    select * from uncovered where status <> 'resolved' or not gap_is_open
),

resolved as (
    select finding_type, department_code, subject, count(*) as resolved_count
    from uncovered
    where status = 'resolved' and gap_is_open
    group by finding_type, department_code, subject
),

covered as (
    select finding_type, department_code, subject, count(*) as covered_count
    from rpt_finding
    where is_covered_by_deviation
    group by finding_type, department_code, subject
),

gaps as (
    select finding_type,
           department_code,
           subject,
           any_value(department_name)                   as department_name,
           any_value(kpi_name)                          as kpi_name,
           any_value(subject_name)                      as subject_name,
           any_value(policy_id)                         as policy_id,
           any_value(unit)                              as unit,
           max(severity_weight)                         as severity_weight,
           arg_max(severity, severity_weight)           as severity,
           max(rank_score)                              as rank_score,
           count(*)                                     as finding_count,
           min(period_label)                            as first_period,
           max(period_label)                            as last_period,
           arg_max(measured_value, materiality)         as worst_measured,
           arg_max(target_value, materiality)           as target_value,
           -- the sentence of its highest-ranked finding that has one, with its key and figures
           -- taken from that same finding
           arg_max({'evidence': evidence, 'evidence_key': evidence_key, 'evidence_args': evidence_args},
                   rank_score) filter (where evidence is not null) as worst_evidence,
           arg_max(owner_title, rank_score)             as owner_title,
           case when bool_or(status = 'new') then 'new'
                when bool_and(status = 'resolved') then 'resolved'
                else 'persisting' end                   as status
    from findings
    group by finding_type, department_code, subject
),

ranked as (
    select *,
           case when status = 'resolved' then 3 when finding_type = 'policy_breach' then 1 else 2 end as rank_group
    from gaps
),

final as (
    select row_number() over (order by g.rank_group, g.severity_weight desc, g.rank_score desc,
                                       g.finding_count desc, g.finding_type, g.department_code, g.subject) as gap_rank,
           g.* exclude (worst_evidence),
           g.worst_evidence.evidence                    as evidence,
           g.worst_evidence.evidence_key                as evidence_key,
           g.worst_evidence.evidence_args               as evidence_args,
           coalesce(c.covered_count, 0)                 as covered_count,
           coalesce(r.resolved_count, 0)                as resolved_count
    from ranked as g
    left join covered as c
      on c.finding_type = g.finding_type
     and c.department_code is not distinct from g.department_code
     and c.subject = g.subject
    left join resolved as r
      on r.finding_type = g.finding_type
     and r.department_code is not distinct from g.department_code
     and r.subject = g.subject
)

select * from final order by gap_rank;

comment on table rpt_top_gap is 'The worst gaps of the summary page: findings of one type about one policy, KPI or subject in one department, gathered; one row per gap, gap_rank 1 the worst (open policy breaches first, then by severity, then by rank_score; gaps resolved since the previous run last).';
comment on column rpt_top_gap.gap_rank is 'The gap''s place on the summary, 1 the worst: by rank_group, then severity_weight (critical first), then rank_score, then finding_count.';
comment on column rpt_top_gap.finding_type is 'The findings'' type (fct_finding.finding_type).';
comment on column rpt_top_gap.department_code is 'The department (departments.yml).';
comment on column rpt_top_gap.subject is 'What the gap is about: its policy, KPI, calendar entry or rogue metric (rpt_finding.subject).';
comment on column rpt_top_gap.department_name is 'The department''s name.';
comment on column rpt_top_gap.subject_name is 'What the summary prints for the subject: the policy, the KPI''s name, the submission''s name (submissions.yml), the rogue metric and its source; null for a gap about its department as a whole (a triad gap).';
comment on column rpt_top_gap.kpi_name is 'The KPI''s name (kpis.yml); null where the findings have no KPI.';
comment on column rpt_top_gap.policy_id is 'The policy (policies.yml), for breaches, accountability gaps and incentive conflicts.';
comment on column rpt_top_gap.unit is 'The KPI''s unit, of worst_measured and target_value.';
comment on column rpt_top_gap.severity_weight is 'The highest severity of its findings as a number: critical 4, high 3, medium 2, low 1; the second ranking key.';
comment on column rpt_top_gap.severity is 'That severity: critical, high, medium or low.';
comment on column rpt_top_gap.rank_score is 'The highest rpt_finding.rank_score of its findings: severity weight x (0.5 + materiality, the gap as a share of the target, 0.5 without a target); the third ranking key.';
comment on column rpt_top_gap.first_period is 'The first period its findings describe.';
comment on column rpt_top_gap.last_period is 'The last period its findings describe.';
comment on column rpt_top_gap.worst_measured is 'The measured value of its most material finding.';
comment on column rpt_top_gap.target_value is 'The threshold or target of that finding.';
comment on column rpt_top_gap.owner_title is 'Who answers for its highest-ranked finding (roles.yml).';
comment on column rpt_top_gap.status is 'Against the previous nightly run: new if any of its findings is new, resolved if all are, else persisting.';
comment on column rpt_top_gap.rank_group is '1 for an open policy breach, 2 for every other open gap, 3 for a gap resolved since the previous run: the first ranking key, so every breached policy (each has a headline) comes before any other finding, and a resolved gap never before an open one.';
comment on column rpt_top_gap.evidence is 'The English sentence of its highest-ranked finding that has one (an insight, a revision, a missing exchange rate).';
comment on column rpt_top_gap.evidence_key is 'That sentence''s message key (reports/i18n), which the summary prints in the report''s language.';
comment on column rpt_top_gap.evidence_args is 'That sentence''s figures and names, a JSON array.';
comment on column rpt_top_gap.finding_count is 'The gap''s open findings outside any approved deviation: the periods its sentence counts (all its findings, when every one is resolved).';
comment on column rpt_top_gap.resolved_count is 'The gap''s findings resolved since the previous run, left out of the count, periods, worst figure and rank while others are open.';
comment on column rpt_top_gap.covered_count is 'The gap''s findings inside an approved deviation: concessions, left out of the count, periods, worst figure and rank.';
