package org.plumbline.report;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the rpt_* tables the report reads, in a real DuckDB file, the way the reconcile SQL
 * would leave them: 52 weeks of 2025, inspection coverage 100% until W30, 25–40% in W31–W46
 * (worst 24.8% in W38) and 100% after; the department reports 100% throughout.
 */
final class RptFixtures {

  static final String CONFIG_VERSION = "1a2b3c4d5e6f" + "0".repeat(52);

  /** The as-of date of the fixtures' run: the Monday the tests' reports are generated on. */
  static final String AS_OF = "2026-01-05";

  /** The report's other sections, empty: these fixtures are about the policy-breach pages. */
  static final String EMPTY_SECTIONS = """
      create or replace table rpt_finding (finding_key varchar, finding_type varchar, section varchar,
        severity varchar, severity_weight integer, department_code varchar, department_name varchar,
        kpi_id varchar, kpi_name varchar, unit varchar, policy_id varchar, period_start date, period_end date,
        period_label varchar, target_value double, measured_value double, self_reported_value double,
        gap double, owner_title varchar, evidence varchar, evidence_key varchar, evidence_args varchar, status varchar, materiality double, rank_score double,
        subject varchar, is_covered_by_deviation boolean default false, deviation_id varchar, display_status varchar,
        subject_name varchar);
      create or replace table rpt_top_gap as select 1::bigint as gap_rank, * exclude (finding_key, section,
        period_start, period_end, period_label, self_reported_value, gap, materiality, measured_value, subject),
        'x' as subject, 1::bigint as finding_count, 'x' as first_period, 'x' as last_period,
        1.0::double as worst_measured, 0::bigint as covered_count, 2 as rank_group from rpt_finding;
      create or replace table rpt_cost_of_poor_quality (department_code varchar, department_name varchar,
        category varchar, iso_week varchar, week_start date, cost_amount double, source_row_count bigint);
      create or replace table rpt_triad_scorecard (department_code varchar, department_name varchar,
        period_label varchar, period_start date, period_end date,
        quality_status varchar, quality_on_target_count bigint, quality_kpi_count bigint, quality_worst_kpi varchar,
        quality_worst_value double, quality_worst_target double,
        cost_status varchar, cost_on_target_count bigint, cost_kpi_count bigint, cost_worst_kpi varchar,
        cost_worst_value double, cost_worst_target double,
        speed_status varchar, speed_on_target_count bigint, speed_kpi_count bigint, speed_worst_kpi varchar,
        speed_worst_value double, speed_worst_target double,
        quality_worst_unit varchar, cost_worst_unit varchar, speed_worst_unit varchar);
      create or replace table rpt_policy_execution (policy_id varchar, statement varchar, severity varchar,
        department_code varchar, department_name varchar, owner_title varchar, kpi_name varchar, unit varchar,
        target_value double, latest_period varchar, measured_value double, reported_value double, gap double,
        breached_since varchar, breached_period_count bigint, covered_period_count bigint,
        latest_deviation_id varchar, latest_deviation_expires_on date, is_measured boolean default true);
      create or replace table rpt_file_delivery (delivery_id bigint, file_name varchar, source_id varchar,
        received_at timestamp, outcome varchar, reason varchar, load_id bigint, quarantined_row_count bigint,
        received_at_plant timestamp, plant_time_zone varchar);
      create or replace table rpt_control_point (kpi_id varchar, kpi_name varchar, department_code varchar,
        department_name varchar, chart_type varchar, chart_status varchar, iso_week varchar, week_start date,
        point_number bigint, phase varchar, plotted_value double, centre_line double, upper_control_limit double,
        lower_control_limit double, rule_ids varchar, signal_value double);
      create or replace table rpt_control_chart_note (kpi_id varchar, kpi_name varchar, department_code varchar,
        department_name varchar, chart_type varchar, chart_status varchar, departure_count bigint, note varchar,
        note_key varchar, note_args varchar);
      create or replace table rpt_finding_change (period_kind varchar, finding_type varchar, department_code varchar,
        subject varchar, department_name varchar, kpi_name varchar, subject_name varchar, unit varchar,
        severity_weight integer, finding_count bigint,
        largest_gap double, previous_finding_count bigint, previous_largest_gap double, change varchar);
      create or replace table rpt_kpi_movement (period_kind varchar, kpi_id varchar, kpi_name varchar, unit varchar,
        direction varchar, target_value double, department_code varchar, department_name varchar,
        previous_value double, period_value double, change double, movement varchar, relative_change double,
        is_weekly_total boolean, is_listed boolean);
      create table if not exists dim_poor_quality_cost (category varchar, source_id varchar, measure varchar);
      create or replace table rpt_quarantine (reason varchar, file_name varchar, source_id varchar,
        sheet_name varchar, row_number integer, row_text varchar, reason_row_number bigint, reason_row_count bigint);
      create or replace table rpt_stale_reading (source_id varchar, source_owner varchar, stale_file_count bigint,
        loaded_file_count bigint);
      """;

  private static ReportRenderer a4;

  private RptFixtures() {}

  /** The templates compiled once for every test class of the JVM (compiling takes seconds), as in production. */
  static synchronized ReportRenderer a4() {
    if (a4 == null) {
      a4 = new ReportRenderer(ReportRenderer.Paper.A4);
    }
    return a4;
  }

  /** A DuckDB file with the macros the models use (sql/macros), as a rebuild has them. */
  static Connection open(Path file) throws SQLException {
    Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
    org.plumbline.system.SqlScript.execute(connection, "sql/macros/exact_aggregates.sql");
    return connection;
  }

  /** The year with one breached policy (POL-INSP-001, 16 weeks). */
  static void yearWithOneBreach(Connection c) throws SQLException {
    execute(c, weeks("""
        case when w = 38 then 24.8
             when w between 31 and 46 then 25.0 + ((w * 37) % 151) / 10.0
             else 100.0 end"""));
    execute(c, context() + rptTables("'POL-INSP-001'"));
    summaryHeadline(c);
    reportPeriods(c, AS_OF, "week");
  }

  /** Twelve rows quarantined for one reason (the PDF prints the first 10; the lists beside it, all). */
  static void twelveQuarantinedRows(Connection c) throws SQLException {
    execute(c, """
        insert into rpt_quarantine
        select 'Week is not a date', 'Qualitaet_Audits_2025-Q1.csv', 'quality_audits', null, r,
               'KW' || r || ' | 3, 5', r, 12
        from range(1, 13) as t(r)""");
  }

  /** The year in which coverage never dropped below 100%: no breach anywhere. */
  static void yearWithoutBreach(Connection c) throws SQLException {
    execute(c, weeks("100.0"));
    execute(c, context() + rptTables("'POL-INSP-001'"));
    summaryHeadline(c);
    reportPeriods(c, AS_OF, "week");
  }

  /** Every week of the year in breach for two policies: a table that runs over several pages. */
  static void yearWithTwoPoliciesAlwaysBreached(Connection c) throws SQLException {
    execute(c, weeks("25.0 + ((w * 37) % 151) / 10.0"));
    execute(c, context() + rptTables("unnest(['POL-INSP-001', 'POL-INSP-002'])"));
    summaryHeadline(c);
    reportPeriods(c, AS_OF, "week");
  }

  /**
   * Scrap rate of Production on an individuals chart, 2025-W01 to W26: centre 2.0, limits 0.5
   * and 3.5; W20 jumps to 4.1 (WE1 and N1) and W24 completes two of three beyond 2 sigma (WE2, N5).
   * A second series, without any signal, must not be charted.
   */
  static void controlChartWithTwoSignals(Connection c) throws SQLException {
    execute(c, """
        insert into rpt_control_point
        select kpi, name, 'PROD', 'Production', 'individuals', 'drawn', printf('2025-W%02d', w),
               date '2024-12-30' + cast((w - 1) * 7 as integer), w, case when w <= 12 then 'I' else 'II' end,
               v, 2.0, 3.5, 0.5, r, case when r is not null then v end
        from (select w, kpi, name,
                     case when kpi = 'KPI-SCRAP' and w = 20 then 4.1
                          when kpi = 'KPI-SCRAP' and w in (23, 24) then 3.2
                          else 2.0 + ((w * 7) % 9 - 4) / 10.0 end as v,
                     case when kpi = 'KPI-SCRAP' and w = 20 then 'N1, WE1'
                          when kpi = 'KPI-SCRAP' and w = 24 then 'N5, WE2' end as r
              from range(1, 27) as t(w),
                   (values ('KPI-SCRAP', 'Scrap rate'), ('KPI-OEE', 'Overall equipment effectiveness')) as k(kpi, name))
        """);
  }

  /**
   * Charts whose baseline cannot carry limits, as rpt_control_point and rpt_control_chart_note
   * hold them: Production's inspection coverage was 100% in every baseline week (2025-W01 to W26)
   * and departed from it in W31 to W34 (33%); Logistics began reporting complaints in 2025-W25,
   * two points into the baseline, so its chart is not drawn.
   */
  static void controlChartsWithoutLimits(Connection c) throws SQLException {
    execute(c, """
        insert into rpt_control_point
        select 'KPI-COV', 'Inspection coverage of critical parts', 'PROD', 'Production', 'p', 'steady_baseline',
               printf('2025-W%02d', w), date '2024-12-30' + cast((w - 1) * 7 as integer), w,
               case when w <= 26 then 'I' else 'II' end, v, 1.0, null, null, null, case when v < 1 then v end
        from (select w, case when w between 31 and 34 then 0.33 else 1.0 end as v from range(1, 41) as t(w));
        insert into rpt_control_chart_note values
          ('KPI-COV', 'Inspection coverage of critical parts', 'PROD', 'Production', 'p', 'steady_baseline', 4,
           'The baseline 2025-W01 .. 2025-W26 never varied (1.0 in each of its 26 weeks), so the chart has no'
             || ' control limits and no run rule applies; the first week to depart from it was 2025-W31, at 0.33,'
             || ' and 4 weeks departed up to 2025-W34.',
           'evidence.control_chart.steady_baseline',
           '["2025-W01","2025-W26",{"value":1.0,"unit":"proportion"},26,4,"2025-W31",'
             || '{"value":0.33,"unit":"proportion"},"2025-W34",0,""]'),
          ('KPI-COMPLAINTS', 'Customer complaints', 'LOG', 'Logistics', 'c', 'too_few_baseline_points', 0,
           'The baseline 2025-W01 .. 2025-W26 holds 2 weekly points; at least 20 are needed for control limits,'
             || ' so the chart is not drawn and no run rule applies.',
           'evidence.control_chart.too_few_baseline_points', '["2025-W01","2025-W26",2,20,0,"",2]');
        """);
  }

  /**
   * The year with one breach, plus something in every other section: a finding of each section
   * (the worst gaps built by the real rpt_top_gap model), what changed since the previous
   * quarter, a scorecard row, a policy line, costs, a control chart, files and quarantined rows.
   */
  static void oneOfEverySection(Connection c) throws SQLException {
    yearWithOneBreach(c);
    controlChartWithTwoSignals(c);
    controlChartsWithoutLimits(c);
    execute(c, """
        insert into rpt_finding
        select 'k-' || section, finding_type, section, 'high', 3, 'PROD', 'Production', 'KPI-COV',
               'Inspection coverage of critical parts', 'percent', 'POL-INSP-001', date '2025-10-06',
               date '2025-10-12', '2025-W41', 100.0, 60.0, 100.0, -40.0, 'Head of Quality', null, null, null, 'new', 0.4, 2.7,
               'POL-INSP-001', false, null, 'new',
               -- the subject as rpt_finding.sql names it: a breach's policy, a triad gap none, else the KPI
               case finding_type when 'policy_breach' then 'POL-INSP-001' when 'triad_gap' then null
                                 else 'Inspection coverage of critical parts' end
        from (values ('policy_breach', 'policy_breach'), ('reporting_discrepancy', 'reporting_discrepancy'),
                     ('rogue_metric', 'rogue_metric'), ('late_submission', 'submission_gap'),
                     ('retroactive_revision', 'retroactive_revision'), ('incentive_conflict', 'incentive_conflict'),
                     ('early_warning', 'early_warning'), ('triad_gap', 'accountability_gap'))
             as t(finding_type, section);
        -- an insight finding's sentence as fct_early_warning writes it (in English, and its key and figures)
        update rpt_finding set evidence = 'Inspection coverage of critical parts (p chart): one point beyond 3 sigma'
                 || ' (WE1) first in 2025-W41, at 0.6 against a centre line of 0.9985 and limits 0.9934 to 1.0'
                 || ' (points 2025-W41); it fired in 6 weeks up to 2025-W46.',
               evidence_key = 'evidence.early_warning',
               evidence_args = json_array('Inspection coverage of critical parts', json_object('word', 'evidence.chart.p'),
                 json_object('word', 'evidence.rule.WE1'), 'WE1', '2025-W41', json_object('value', 0.6, 'unit', 'proportion'),
                 json_object('value', 0.9985, 'unit', 'proportion'), json_object('value', 0.9934, 'unit', 'proportion'),
                 json_object('value', 1.0, 'unit', 'proportion'), '2025-W41', 6, '2025-W46')::varchar
        where finding_type = 'early_warning';
        insert into rpt_finding_change values
          ('quarter', 'policy_breach', 'PROD', 'POL-INSP-001', 'Production', 'Inspection coverage of critical parts',
           'POL-INSP-001', 'percent', 4, 9, 75.2, 2, 10.0, 'worsened'),
          ('quarter', 'late_submission', 'PROD', 'SUB-PROD-KPI', 'Production', null, 'Monthly production KPI workbook',
           null, 2, 1, 2.5, 0, null, 'new'),
          ('quarter', 'retroactive_revision', 'PROD', 'KPI-COV', 'Production', 'Inspection coverage of critical parts',
           'Inspection coverage of critical parts', 'percent', 2, 0, null, 1, null, 'resolved');
        insert into rpt_kpi_movement values
          ('quarter', 'KPI-COV', 'Inspection coverage of critical parts', 'percent', 'higher_is_better', 100.0, 'PROD',
           'Production', 98.0, 62.5, -35.5, 'worse', 0.355, false, true);
        insert into rpt_triad_scorecard values ('PROD', 'Production', '2025-W52', date '2025-12-22', date '2025-12-28',
          'off target', 0, 1, 'Inspection coverage of critical parts', 62.5, 100.0,
          'on target', 1, 1, null, null, null, 'not reported', 0, 0, null, null, null, 'percent', null, null);
        insert into rpt_policy_execution values ('POL-INSP-001', 'Every critical engine valve is inspected.',
          'critical', 'PROD', 'Production', 'Head of Quality', 'Inspection coverage of critical parts', 'percent',
          100.0, '2025-W52', 62.5, 100.0, -37.5, '2025-W31', 16, 0, null, null, true);
        insert into dim_poor_quality_cost values ('scrap', 'erp', 'scrap_eur');
        insert into rpt_cost_of_poor_quality values ('PROD', 'Production', 'scrap', '2025-W41', date '2025-10-06',
          1234.5, 3);
        insert into rpt_file_delivery values (1, 'mes_inspection_2025-10.csv', 'mes', timestamp '2025-11-01 06:00',
          'loaded', null, 1, 2, timestamp '2025-11-01 07:00', 'Europe/Berlin'), (2, 'Produktion_KPI_2025-10.xlsx',
          'prod_kpi', timestamp '2025-11-02 06:00', 'rejected', 'The sheet KPI is missing.', null, null,
          timestamp '2025-11-02 07:00', 'Europe/Berlin');
        insert into rpt_quarantine values ('The date 31.02.2025 is not a date.', 'mes_inspection_2025-10.csv', 'mes',
          null, 17, 'V-1 | 31.02.2025 | 1', 1, 2), ('The date 31.02.2025 is not a date.', 'mes_inspection_2025-10.csv',
          'mes', null, 18, 'V-2 | 31.02.2025 | 1', 2, 2);
        insert into rpt_stale_reading values ('mes', 'MES', 3, 5);
        """);
    org.plumbline.system.SqlScript.execute(c, "sql/reports/rpt_top_gap.sql");
    summaryHeadline(c);
  }

  /**
   * The summary page's headline by the real model, from the worst gaps (rpt_top_gap) and the
   * headlines (rpt_headline) as they stand: none in the fixtures whose rpt_finding is empty.
   */
  static void summaryHeadline(Connection c) throws SQLException {
    org.plumbline.system.SqlScript.execute(c, "sql/reports/rpt_summary_headline.sql");
  }

  /** One row per ISO week of 2025 with the measured coverage given as an expression of w. */
  private static String weeks(String measured) {
    return """
        create or replace table fixture_week as
        with week as (
          select w, date '2024-12-30' + cast((w - 1) * 7 as integer) as week_start,
                 cast(1200 + (w * 53) %% 300 as bigint) as units_produced
          from range(1, 53) as t(w)
        )
        select printf('2025-W%%02d', w) as iso_week, week_start, units_produced,
               cast(%s as double) as measured_coverage,
               100.0::double as self_reported_coverage, 100.0::double as threshold
        from week;
        """.formatted(measured);
  }

  private static String context() {
    return """
        create or replace table rpt_context as
        select 'Nordwerk Ventiltechnik GmbH' as company_name, date '%s' as as_of_date,
               '%s' as config_version, '2025-W01' as first_week, '2025-W52' as last_week,
               'week' as period_grain, '2025-W01' as first_period, '2025-W52' as last_period,
               2::bigint as control_chart_count;
        create or replace table rpt_coverage_by_period as
        select 'POL-INSP-001' as policy_id, 'PROD' as department_code, 'Production' as department_name,
               'Inspection coverage of critical parts' as kpi_name, 'percent' as unit,
               iso_week as period_label, week_start as period_start, measured_coverage, self_reported_coverage,
               threshold
        from fixture_week;
        """.formatted(AS_OF, CONFIG_VERSION) + EMPTY_SECTIONS;
  }

  private static String rptTables(String policies) {
    return """
        create or replace table rpt_breached_weeks as
        select policy_id, 'PROD' as department_code, 'Production' as department_name, iso_week as period_label, week_start as period_start, threshold, measured_coverage,
               self_reported_coverage,
               self_reported_coverage - measured_coverage as gap_points, units_produced,
               cast(round(units_produced * measured_coverage / 100) as bigint) as units_inspected,
               'percent' as unit, 'produced_units' as denominator_measure, 'inspected_units' as numerator_measure,
               false as is_covered_by_deviation, null::varchar as deviation_id, null::date as deviation_expires_on
        from fixture_week, (select %s as policy_id)
        where measured_coverage < threshold;
        -- the company's headline (department_code null) and Production's, from the same weeks
        create or replace table rpt_headline as
        select policy_id, scope as department_code, case when scope is not null then 'Production' end as department_name,
               1 as policy_version,
               'Every critical engine valve is inspected before shipment' as policy_statement,
               'Inspection coverage of critical parts' as kpi_name, 'Head of Quality' as owner_title,
               max(threshold) as threshold, cast(count(*) as integer) as breached_period_count,
               min(period_label) as first_breached_period, max(period_label) as last_breached_period,
               arg_min(period_label, measured_coverage) as worst_period, min(measured_coverage) as worst_measured,
               arg_min(self_reported_coverage, measured_coverage) as reported_in_worst_period,
               cast(count(*) filter (where abs(gap_points) > 0.5) as integer) as discrepancy_period_count,
               0 as covered_period_count, null::varchar as covering_deviation_ids,
               'percent' as unit, '>=' as comparator
        from rpt_breached_weeks, (values (null::varchar), ('PROD')) as s(scope)
        group by policy_id, scope;
        """.formatted(policies);
  }

  /**
   * The reporting periods as of {@code asOf} (rpt_report_period), built by the real SQL from a
   * calendar comparing at {@code commonGrain} with a 4-4-5 fiscal year starting in January.
   */
  static void reportPeriods(Connection c, String asOf, String commonGrain) throws SQLException {
    execute(c, """
        create or replace table run_context as select date '%s' as as_of_date;
        create or replace table dim_calendar as
        select 'DE10' as calendar_id, '%s' as common_grain, 1 as fiscal_year_start_month, '4-4-5' as fiscal_pattern;
        create table if not exists stg_observation (period_date date);
        """.formatted(asOf, commonGrain));
    org.plumbline.system.SqlScript.execute(c, "sql/dimensions/dim_date.sql");
    org.plumbline.system.SqlScript.execute(c, "sql/dimensions/dim_common_period.sql");
    org.plumbline.system.SqlScript.execute(c, "sql/reports/rpt_report_period.sql");
  }

  /** A query's rows, each as its values joined by spaces ("null" for none), for tests to compare. */
  static List<String> rows(Connection c, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement statement = c.createStatement(); ResultSet result = statement.executeQuery(sql)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          values.add(String.valueOf(result.getObject(i)));
        }
        rows.add(String.join(" ", values));
      }
    }
    return rows;
  }

  static void execute(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
