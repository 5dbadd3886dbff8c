package org.plumbline.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The insight models that read the strategy dimensions: fct_incentive_conflict,
 * mart_objectives_at_risk and mart_initiative_impact, on the real strategy dimensions
 * (sql/dimensions/strategy.sql).
 */
class StrategyInsightsTests {

  @TempDir
  Path folder;
  ModelBench bench;

  @BeforeEach
  void givenAPlantWithAThroughputBonus() throws Exception {
    bench = ModelBench.open(folder).withSeriesTable();
    bench.sql(org.plumbline.system.SqlScript.text("sql/dimensions/strategy.sql"));
    bench.sql("insert into dim_role values ('head_of_production', 'Head of Production', 'PROD', true),"
            + " ('head_of_quality', 'Head of Quality', 'QUAL', false)",
        "insert into dim_kpi values"
            + " ('coverage', 'Inspection coverage', 'quality', 'percent', 'higher_is_better', 100, 'head_of_quality', 0,"
            + " null, null, null, null, 'mean'),"
            + " ('units', 'Units produced', 'speed', 'units', 'higher_is_better', 12000, 'head_of_production', 0,"
            + " null, null, null, null, 'sum'),"
            + " ('scrap', 'Scrap cost', 'cost', 'EUR', 'lower_is_better', 4000, 'head_of_production', 0,"
            + " null, null, null, null, 'sum')",
        "insert into dim_policy values ('POL-A', 1, 'Inspect every critical part.', 'coverage', '>=', 100,"
            + " 'head_of_quality', 'critical', date '2024-01-01', null)",
        "insert into dim_tension values ('TEN-1', 'units', 'coverage', 'Inspection takes tester time.')");
  }

  @AfterEach
  void closeBench() throws SQLException {
    bench.close();
  }

  @Test
  void aBonusOnThroughputThatIgnoresInspectionIsAConflict() throws SQLException {
    // given the head of production is paid 70% on units and 30% on scrap, nothing on coverage
    scheme("INC-PROD", "head_of_production", "('units', 0.7), ('scrap', 0.3)");
    bench.sql("insert into dim_incentive_check values ('balanced', 0.5)");

    bench.run("fct_incentive_conflict");

    List<Object> conflict = bench.query("select finding_key, severity, department_code, kpi_id, owner_role,"
        + " paid_kpi_id, policy_kpi_weight, evidence from fct_incentive_conflict").get(0);
    assertThat(conflict).containsExactly("INC-PROD/TEN-1/POL-A", "critical", "PROD", "coverage", "head_of_quality",
        "units", 0.0, "Head of Production is paid 70% on Units produced each quarter (INC-PROD), which pulls against Inspection"
            + " coverage (TEN-1: Inspection takes tester time.), the KPI of policy POL-A; the scheme rewards Inspection"
            + " coverage with 0%, below 0.5 times 70%.");
  }

  @Test
  void withoutAnIncentiveCheckTheConflictSaysThePolicysKpiIsNotRewardedAndNamesNoRatio() throws SQLException {
    // given the head of production paid 70% on units and nothing on coverage, and no incentive_checks at all
    scheme("INC-PROD", "head_of_production", "('units', 0.7), ('scrap', 0.3)");

    bench.run("fct_incentive_conflict");

    // then the conflict is there, and its sentence has no "below 0.0 times 70%"
    List<Object> conflict = bench.query("select min_weight_ratio, evidence, evidence_key from fct_incentive_conflict")
        .get(0);
    assertThat(conflict).containsExactly(0.0, "Head of Production is paid 70% on Units produced each quarter"
            + " (INC-PROD), which pulls against Inspection coverage (TEN-1: Inspection takes tester time.), the KPI of"
            + " policy POL-A; the scheme does not reward Inspection coverage at all.",
        "evidence.incentive_conflict.unrewarded");
  }

  @Test
  void aWeightBelowTheConfiguredRatioIsAConflictAndOneAboveItIsNot() throws SQLException {
    // given two schemes: coverage at 0.2 against units at 0.6 (below 0.5 x 0.6), and 0.4 against 0.6 (above)
    scheme("INC-LOW", "head_of_production", "('units', 0.6), ('coverage', 0.2), ('scrap', 0.2)");
    scheme("INC-OK", "head_of_quality", "('units', 0.6), ('coverage', 0.4)");
    bench.sql("insert into dim_incentive_check values ('balanced', 0.5)");

    bench.run("fct_incentive_conflict");

    assertThat(bench.query("select scheme_id from fct_incentive_conflict")).extracting(r -> r.get(0))
        .containsExactly("INC-LOW");
  }

  @Test
  void withoutACheckForTheRoleOnlyNoRewardAtAllIsAConflict() throws SQLException {
    // given a check for another role only, and one scheme that rewards coverage a little, one not at all
    scheme("INC-LITTLE", "head_of_production", "('units', 0.9), ('coverage', 0.1)");
    bench.sql("insert into dim_incentive_check values ('quality-only', 0.9)",
        "insert into dim_incentive_check_role values ('quality-only', 'head_of_quality')");

    bench.run("fct_incentive_conflict");

    assertThat(bench.single("select count(*) from fct_incentive_conflict")).isEqualTo(0L);
  }

  @Test
  void anObjectiveWhoseKeyResultHasFindingsIsAtRisk() throws SQLException {
    // given an objective measured by coverage, and findings on coverage (two breaches, one gap) and on units
    bench.sql("insert into dim_objective values ('OBJ-1', 'No defect reaches a customer.', 'head_of_quality'),"
            + " ('OBJ-2', 'Cheap scrap.', 'head_of_production')",
        "insert into dim_objective_key_result values ('OBJ-1', 'coverage', 100), ('OBJ-2', 'scrap', 4000)",
        "create table fct_policy_breach as select * from (values ('POL-A/2025-W31', 'coverage', 'critical',"
            + " date '2025-07-28'), ('POL-A/2025-W32', 'coverage', 'critical', date '2025-08-04'))"
            + " as t(finding_key, kpi_id, severity, week_start)",
        "create table fct_reporting_discrepancy as select * from (values ('PROD/units/2025-W31', 'units',"
            + " date '2025-07-28')) as t(finding_key, kpi_id, week_start)");
    emptyFindings("fct_early_warning", "fct_threshold_projection", "fct_incentive_conflict");
    bench.sql("create table fct_compliance_mirage as select 'compliance_mirage' as finding_type, 'm' as finding_key,"
        + " 'audit' as kpi_id, 'units' as watch_kpi_id, 'high' as severity, date '2025-07-01' as period_start,"
        + " date '2025-09-30' as period_end");
    bench.withDates("week").run("fct_accountability_gap", "mart_objectives_at_risk");

    // then OBJ-1 is at risk from two breaches and the accountability gap of POL-A; OBJ-2 from nothing
    assertThat(bench.query("select objective_id, kpi_id, finding_type, finding_count, highest_severity"
        + " from mart_objectives_at_risk order by finding_type")).containsExactly(
        List.of("OBJ-1", "coverage", "accountability_without_authority", 1L, "critical"),
        List.of("OBJ-1", "coverage", "policy_breach", 2L, "critical"));
  }

  @Test
  void anInitiativeIsJudgedOnEqualSpansBeforeAndAfterItsStart() throws SQLException {
    // given coverage at 40% for eight weeks, then 100% from the initiative's start in the ninth week (4 weeks)
    bench.sql("insert into dim_initiative values ('INI-1', 'Second tester', 'process_improvement',"
            + " date '2025-02-26', 'Full inspection.', 'head_of_production')",
        "insert into dim_initiative_kpi values ('INI-1', 'coverage')");
    bench.weeklySeries("coverage", "PROD", List.of(40.0, 40.0, 40.0, 40.0, 50.0, 30.0, 40.0, 40.0,
        100.0, 100.0, 100.0, 100.0));
    // and scrap costing 1000 EUR a week before, 700 after
    bench.sql("create table mart_cost_of_poor_quality as select 'PROD' as department_code,"
        + " date '2024-12-30' + (7 * i)::integer as week_start, 'scrap' as category,"
        + " case when i < 8 then 1000.0 else 700.0 end as cost_amount from range(0, 12) as t(i)");

    bench.run("mart_initiative_impact");

    // then four weeks after (2025-W09 .. W12) are compared with the four before (W05 .. W08: 50, 30, 40, 40)
    List<Object> impact = bench.query("select weeks_before, weeks_after, mean_before, mean_after, verdict,"
        + " copq_weekly_before, copq_weekly_after, copq_saved from mart_initiative_impact").get(0);
    assertThat(impact.subList(0, 2)).containsExactly(4L, 4L);
    assertThat((Double) impact.get(2)).isCloseTo(40.0, within(1e-9));
    assertThat((Double) impact.get(3)).isCloseTo(100.0, within(1e-9));
    assertThat(impact.get(4)).isEqualTo("improved");
    assertThat(impact.subList(5, 8)).containsExactly(1000.0, 700.0, 1200.0);
  }

  private void scheme(String id, String role, String weights) throws SQLException {
    bench.sql("insert into dim_incentive_scheme values ('" + id + "', '" + role + "', 'quarter', date '2025-01-01',"
            + " null)",
        "insert into dim_incentive_weight select '" + id + "', * from (values " + weights + ")");
  }

  private void emptyFindings(String... tables) throws SQLException {
    for (String table : tables) {
      bench.sql("create table " + table + " (finding_type varchar, finding_key varchar, kpi_id varchar,"
          + " severity varchar, period_start date, period_end date)");
    }
  }
}
