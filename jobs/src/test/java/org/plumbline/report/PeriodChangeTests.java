package org.plumbline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plumbline.system.SqlScript;

/**
 * "What changed since the last period" as the rpt_ models compute it: the reporting periods
 * (the same as ReportPeriod in Java), the finding subjects new, worse, resolved or better than in
 * the period before, and the KPIs' movement, from hand-made findings and weekly KPI values.
 */
class PeriodChangeTests {

  @TempDir
  Path dir;

  @Test
  void periodsInSqlAreThePeriodsTheReportIsTitledWith() throws Exception {
    for (String asOf : List.of("2026-01-06", "2026-01-01", "2025-12-31", "2025-03-31", "2024-02-29", "2026-01-05")) {
      // given
      try (Connection duckdb = RptFixtures.open(dir.resolve(asOf + ".duckdb"))) {
        execute(duckdb, "create table run_context as select date '" + asOf + "' as as_of_date");

        // when
        SqlScript.execute(duckdb, "sql/reports/rpt_report_period.sql");

        // then
        for (String kind : List.of("week", "month", "quarter")) {
          ReportPeriod java = ReportPeriod.lastCompleteBefore(kind, LocalDate.parse(asOf));
          assertThat(rows(duckdb, "select period_start, period_end, previous_start, period_label, previous_label"
              + " from rpt_report_period where period_kind = '" + kind + "'"))
              .as("%s as of %s", kind, asOf)
              .containsExactly(java.start() + " " + java.end() + " " + java.previousStart() + " " + java.label()
                  + " " + java.previousLabel());
        }
      }
    }
  }

  @Test
  void comparesFindingsAndKpisOfTheQuarterWithTheQuarterBefore() throws Exception {
    // given: as of 2026-01-06, the quarter is 2025-Q4 and the one before 2025-Q3
    try (Connection duckdb = RptFixtures.open(dir.resolve("change.duckdb"))) {
      execute(duckdb, """
          create table run_context as select date '2026-01-06' as as_of_date;
          create table dim_department as select * from (values ('PROD', 'Production'), ('QUAL', 'Quality'))
            as t(department_code, department_name);
          create table dim_kpi as select * from (values
              ('KPI-COV', 'Inspection coverage', 'percent', 'higher_is_better', 100.0),
              ('KPI-SCRAP', 'Scrap rate', 'percent', 'lower_is_better', 2.0),
              ('KPI-OEE', 'OEE', 'percent', 'higher_is_better', 60.0))
            as t(kpi_id, kpi_name, unit, direction, target);
          -- subject as rpt_finding.sql gives it: the policy, else the KPI, else the finding
          create table rpt_finding as select *, coalesce(policy_id, kpi_id, finding_key) as subject,
                 finding_key = 'f11' as is_covered_by_deviation from (values
              -- POL-A: 2 weeks in Q3 (gap 10), 3 in Q4 (gap 30): worsened
              ('policy_breach', 'PROD', 'Production', 'POL-A', 'KPI-COV', 'Inspection coverage', 'f1', 4, -10.0, date '2025-08-04', date '2025-08-10', 'new'),
              ('policy_breach', 'PROD', 'Production', 'POL-A', 'KPI-COV', 'Inspection coverage', 'f2', 4, -8.0, date '2025-08-11', date '2025-08-17', 'new'),
              ('policy_breach', 'PROD', 'Production', 'POL-A', 'KPI-COV', 'Inspection coverage', 'f3', 4, -30.0, date '2025-10-06', date '2025-10-12', 'new'),
              ('policy_breach', 'PROD', 'Production', 'POL-A', 'KPI-COV', 'Inspection coverage', 'f4', 4, -20.0, date '2025-10-13', date '2025-10-19', 'new'),
              ('policy_breach', 'PROD', 'Production', 'POL-A', 'KPI-COV', 'Inspection coverage', 'f5', 4, -20.0, date '2025-10-20', date '2025-10-26', 'new'),
              -- a revision only in Q3: resolved; a late submission only in Q4: new
              ('retroactive_revision', 'QUAL', 'Quality', null, 'KPI-SCRAP', 'Scrap rate', 'f6', 2, null, date '2025-07-07', date '2025-07-13', 'new'),
              ('late_submission', 'QUAL', 'Quality', null, 'KPI-OEE', 'OEE', 'f7', 2, null, date '2025-11-01', date '2025-11-30', 'new'),
              -- an early warning over both quarters with no gap: unchanged; a Q2 finding: in neither
              ('early_warning', 'PROD', 'Production', null, 'KPI-SCRAP', 'Scrap rate', 'f8', 3, null, date '2025-09-01', date '2025-12-28', 'current'),
              ('rogue_metric', 'PROD', 'Production', null, null, null, 'f9', 1, null, date '2025-05-05', date '2025-05-11', 'new'),
              -- resolved since the previous run: no period, not counted
              ('policy_breach', 'PROD', null, null, 'KPI-COV', null, 'f10', 4, null, null, null, 'resolved'),
              -- POL-B fell short in Q4 inside an approved deviation: a concession, not a new finding
              ('policy_breach', 'PROD', 'Production', 'POL-B', 'KPI-COV', 'Inspection coverage', 'f11', 4, -15.0, date '2025-10-06', date '2025-10-12', 'new'))
            as t(finding_type, department_code, department_name, policy_id, kpi_id, kpi_name, finding_key,
                 severity_weight, gap, period_start, period_end, status);
          create table int_kpi_series_weekly as
          select kpi_id, 'PROD' as department_code, week_start,
                 case when kpi_id = 'KPI-COV' then (case when week_start < date '2025-10-01' then 98.0 else 70.0 end)
                      when kpi_id = 'KPI-SCRAP' then (case when week_start < date '2025-10-01' then 3.0 else 2.5 end)
                      else 65.0 end as value
          from (values ('KPI-COV'), ('KPI-SCRAP'), ('KPI-OEE')) as k(kpi_id),
               range(date '2025-06-30', date '2026-01-05', interval 7 day) as w(week_start);
          """);

      // when
      for (String model : List.of("rpt_report_period", "rpt_finding_change", "rpt_kpi_movement")) {
        SqlScript.execute(duckdb, "sql/reports/" + model + ".sql");
      }

      // then
      assertThat(rows(duckdb, """
          select change, finding_type, department_code, subject, finding_count, previous_finding_count,
                 largest_gap, previous_largest_gap
          from rpt_finding_change where period_kind = 'quarter'"""))
          .containsExactly(
              "new late_submission QUAL KPI-OEE 1 0 null null",
              "worsened policy_breach PROD POL-A 3 2 30.0 10.0",
              "resolved retroactive_revision QUAL KPI-SCRAP 0 1 null null",
              "unchanged early_warning PROD KPI-SCRAP 1 1 null null");
      assertThat(rows(duckdb, """
          select kpi_id, round(previous_value, 1), round(period_value, 1), round(change, 1), movement
          from rpt_kpi_movement where period_kind = 'quarter'"""))
          .containsExactly(
              "KPI-COV 98.0 70.0 -28.0 worse",
              "KPI-SCRAP 3.0 2.5 -0.5 better",
              "KPI-OEE 65.0 65.0 0.0 unchanged");
    }
  }

  private static List<String> rows(Connection duckdb, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement statement = duckdb.createStatement(); ResultSet result = statement.executeQuery(sql)) {
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

  private static void execute(Connection duckdb, String sql) throws SQLException {
    try (Statement statement = duckdb.createStatement()) {
      statement.execute(sql);
    }
  }
}
