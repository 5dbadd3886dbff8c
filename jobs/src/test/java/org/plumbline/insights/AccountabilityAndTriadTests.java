package org.plumbline.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The governance-shaped findings and views: fct_accountability_gap, fct_triad_gap,
 * mart_triad_scorecard and mart_cost_of_poor_quality, each on fixtures with a known answer
 * and on clean data that raises nothing.
 */
class AccountabilityAndTriadTests {

  @TempDir
  Path folder;
  ModelBench bench;

  @BeforeEach
  void givenAPlantWithThreeDepartments() throws SQLException {
    bench = ModelBench.open(folder).withSeriesTable();
    bench.sql("insert into dim_department values ('PROD', 'Production'), ('QUAL', 'Quality Management'),"
            + " ('LOG', 'Logistics')",
        "insert into dim_kpi values"
            + " ('coverage', 'Inspection coverage', 'quality', 'percent', 'higher_is_better', 100, 'head_of_quality', 0,"
            + " null, null, null, null, 'mean'),"
            + " ('scrap', 'Scrap cost', 'cost', 'EUR', 'lower_is_better', 4000, 'head_of_production', 0,"
            + " null, null, null, null, 'sum'),"
            + " ('units', 'Units produced', 'speed', 'units', 'higher_is_better', 12000, 'head_of_production', 0,"
            + " null, null, null, null, 'sum'),"
            + " ('audit', 'Audit score', 'quality', 'percent', 'higher_is_better', 95, 'head_of_quality', 0,"
            + " null, null, null, null, 'mean')");
  }

  @AfterEach
  void closeBench() throws SQLException {
    bench.close();
  }

  @Test
  void aPolicyOwnedByARoleThatCannotStopTheLineIsAGap() throws SQLException {
    // given two policies in force and one expired: owned by quality (cannot pause), production (can), and nobody
    bench.sql("insert into dim_role values ('head_of_quality', 'Head of Quality', 'QUAL', false),"
            + " ('head_of_production', 'Head of Production', 'PROD', true)",
        "insert into dim_policy values"
            + " ('POL-A', 1, 'Inspect every critical part.', 'coverage', '>=', 100, 'head_of_quality', 'critical',"
            + " date '2024-01-01', null),"
            + " ('POL-B', 1, 'Scrap stays below 4000 EUR.', 'scrap', '<=', 4000, 'head_of_production', 'medium',"
            + " date '2024-01-01', null),"
            + " ('POL-C', 2, 'Audit every week.', 'audit', '>=', 95, null, 'low', date '2025-01-01', null),"
            + " ('POL-D', 1, 'An old rule.', 'audit', '>=', 90, 'head_of_quality', 'low', date '2020-01-01',"
            + " date '2023-12-31')");

    bench.withDates("month").run("fct_accountability_gap");

    // then POL-A (its owner cannot pause) and POL-C (no owner) are gaps; POL-B is fine; POL-D is no longer in force.
    // The period is the months the version has been in force, up to the as-of date (31 January 2026)
    List<List<Object>> gaps = bench.query("select finding_key, severity, department_code, owner_role, period_label,"
        + " evidence from fct_accountability_gap order by finding_key");
    assertThat(gaps).extracting(r -> r.get(0)).containsExactly("POL-A", "POL-C");
    assertThat(gaps.get(0)).containsExactly("POL-A", "critical", "QUAL", "head_of_quality", "2024-01 .. 2026-01",
        "Policy POL-A (\"Inspect every critical part.\") is owned by the Head of Quality, who cannot pause the"
            + " process it governs (roles.yml: can_pause_process: false).");
    assertThat(gaps.get(1).get(3)).isNull();
  }

  @Test
  void policiesOwnedByRolesThatCanPauseRaiseNothing() throws SQLException {
    bench.sql("insert into dim_role values ('head_of_quality', 'Head of Quality', 'QUAL', true)",
        "insert into dim_policy values ('POL-A', 1, 'Inspect every critical part.', 'coverage', '>=', 100,"
            + " 'head_of_quality', 'critical', date '2024-01-01', null)");

    bench.withDates("month").run("fct_accountability_gap");

    assertThat(bench.single("select count(*) from fct_accountability_gap")).isEqualTo(0L);
  }

  @Test
  void aDepartmentReportingOnlyPartOfTheTriadIsAGapAndAFullReportIsNot() throws SQLException {
    // given Production reports all three dimensions and Quality Management only quality
    bench.sql("insert into dim_role values ('head_of_quality', 'Head of Quality', 'QUAL', false)",
        "create table int_reported_kpi_weekly as select * from (values"
            + " ('PROD', 'coverage', '2025-W01', date '2024-12-30', 100.0, 1, [1]),"
            + " ('PROD', 'scrap', '2025-W01', date '2024-12-30', 3100.0, 1, [1]),"
            + " ('PROD', 'units', '2025-W02', date '2025-01-06', 12100.0, 1, [1]),"
            + " ('QUAL', 'audit', '2025-W01', date '2024-12-30', 98.0, 1, [2]),"
            + " ('QUAL', 'audit', '2025-W03', date '2025-01-13', 97.5, 1, [3]))"
            + " as t(department_code, kpi_id, iso_week, week_start, reported_value, value_count, load_ids)");

    bench.run("fct_triad_gap");

    List<List<Object>> gaps = bench.query("select finding_key, owner_role, period_label, evidence, load_ids"
        + " from fct_triad_gap");
    assertThat(gaps).hasSize(1);
    assertThat(gaps.get(0).subList(0, 4)).containsExactly("QUAL", "head_of_quality", "2025-W01 .. 2025-W03",
        "Quality Management reports quality (Audit score) but not cost or speed.");
    assertThat(gaps.get(0).get(4).toString()).isEqualTo("[2, 3]");
  }

  @Test
  void theScorecardPutsTheThreeDimensionsSideBySideAgainstTheirTargets() throws SQLException {
    // given one Production week at the week grain: coverage 40% (target 100), scrap 3100 EUR (target
    // 4000); no speed figure
    bench.withDates("week").withPeriodFigures().sql("insert into int_reported_kpi_period values"
        + " ('PROD', 'coverage', '2025-W01', date '2024-12-30', date '2025-01-05', 40.0, 1, [1]),"
        + " ('PROD', 'scrap', '2025-W01', date '2024-12-30', date '2025-01-05', 3100.0, 1, [1])");

    bench.run("int_triad_scorecard", "mart_triad_scorecard");

    assertThat(bench.query("select department_code, iso_week, quality_status, quality_worst_kpi_id,"
        + " quality_worst_value, cost_status, cost_on_target_count, speed_status, speed_kpi_count"
        + " from mart_triad_scorecard").get(0))
        .containsExactly("PROD", "2025-W01", "off target", "coverage", 40.0, "on target", 1L, "not reported", 0L);
  }

  @Test
  void atTheMonthGrainTheScorecardHoldsTheMonthAsStatedAndTheWeeklyViewTheWeeks() throws SQLException {
    // given February 2025 at the month grain: Production's scrap cost of 15,000 EUR for the month
    // (4 weeks of a 4,000 EUR target), made of weeks of 3,000, 3,000, 3,000 and 6,000 EUR
    bench.withDates("month").withPeriodFigures().sql("insert into int_reported_kpi_period values"
        + " ('PROD', 'scrap', '2025-02', date '2025-02-01', date '2025-02-28', 15000.0, 4, [1])",
        "insert into int_kpi_series_weekly (kpi_id, department_code, iso_week, week_start, value, origin, load_ids)"
            + " select 'scrap', 'PROD', strftime(w, '%G-W%V'), w, v, 'reported', [1] from (values"
            + " (date '2025-02-03', 3000.0), (date '2025-02-10', 3000.0), (date '2025-02-17', 3000.0),"
            + " (date '2025-02-24', 6000.0)) as t(w, v)");

    bench.run("int_triad_scorecard", "mart_triad_scorecard");

    // then the month is on target against 16,000 EUR, and the weekly view still shows the week of
    // 6,000 EUR off its weekly target
    assertThat(bench.query("select period_grain, period_label, cost_status, cost_worst_value, cost_worst_target"
        + " from int_triad_scorecard where period_grain = 'month'"))
        .containsExactly(List.of("month", "2025-02", "on target", 15000.0, 16000.0));
    assertThat(bench.query("select iso_week, cost_status, cost_worst_value, cost_worst_target from mart_triad_scorecard"
        + " order by week_start")).containsExactly(List.of("2025-W06", "on target", 3000.0, 4000.0),
        List.of("2025-W07", "on target", 3000.0, 4000.0), List.of("2025-W08", "on target", 3000.0, 4000.0),
        List.of("2025-W09", "off target", 6000.0, 4000.0));
  }

  @Test
  void theCostOfPoorQualityAddsUpEachCategorysMoneyPerWeek() throws SQLException {
    // given ERP rows with scrap and rework cost over two days of one week, and a measure that is no cost
    bench.sql("insert into dim_poor_quality_cost values ('scrap', 'erp', 'scrap_cost_eur'),"
            + " ('rework', 'erp', 'rework_cost_eur')",
        "create table int_observation_current as select * replace (metric_value::double as metric_value) from (values"
            + " ('erp', 'system_of_record', 'PROD', 'scrap_cost_eur', '2025-W01', date '2024-12-30', 120.5, 7, false),"
            + " ('erp', 'system_of_record', 'PROD', 'scrap_cost_eur', '2025-W01', date '2024-12-30', 80.0, 7, false),"
            + " ('erp', 'system_of_record', 'PROD', 'rework_cost_eur', '2025-W01', date '2024-12-30', 12.6, 7, false),"
            + " ('erp', 'system_of_record', 'PROD', 'good_units', '2025-W01', date '2024-12-30', 5000, 7, false))"
            + " as t(source_id, source_kind, department_code, metric_name, iso_week, week_start, metric_value, load_id,"
            + " is_missing_exchange_rate)");

    bench.run("mart_cost_of_poor_quality");

    assertThat(bench.query("select category, cost_amount, source_row_count from mart_cost_of_poor_quality"
        + " order by category")).containsExactly(List.of("rework", 12.6, 1L), List.of("scrap", 200.5, 2L));
  }
}
