-- rpt_top_gap: the worst gaps for the one-page summary. Findings of the same type about the
-- same policy, KPI or subject in the same department are one gap (sixteen breached weeks of one
-- policy are one sentence, not sixteen), ranked by the highest rank_score of its findings
-- (severity x materiality), then by how many findings it gathers. status: new if any of its
-- findings is new, resolved if all are, else persisting (insight findings included: fct_finding
-- gives every finding its run-to-run status).
-- A breach inside an approved deviation is a concession, not a gap: the count, the first and
-- last periods, the worst figure, the rank and the status are over the uncovered findings only,
-- covered_count says how many covered ones were left out, and a gap whose findings are all
-- covered is not listed.
-- A finding resolved since the previous run is no longer a gap: the count, periods, worst
-- figure and rank are over the open findings, as the summary's tiles (status <> 'resolved')
-- and the headline count them; resolved_count says how many resolved ones were left out. Only
-- a gap whose findings are all resolved is listed by them, marked resolved.
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

final as (
    select row_number() over (order by g.rank_score desc, g.finding_count desc, g.finding_type,
                                       g.department_code, g.subject) as gap_rank,
           g.* exclude (worst_evidence),
           g.worst_evidence.evidence                    as evidence,
           g.worst_evidence.evidence_key                as evidence_key,
           g.worst_evidence.evidence_args               as evidence_args,
           coalesce(c.covered_count, 0)                 as covered_count,
           coalesce(r.resolved_count, 0)                as resolved_count
    from gaps as g
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

comment on column rpt_top_gap.finding_count is 'The gap''s open findings outside any approved deviation: the periods its sentence counts (all its findings, when every one is resolved).';
comment on column rpt_top_gap.resolved_count is 'The gap''s findings resolved since the previous run, left out of the count, periods, worst figure and rank while others are open.';
comment on column rpt_top_gap.covered_count is 'The gap''s findings inside an approved deviation: concessions, left out of the count, periods, worst figure and rank.';
