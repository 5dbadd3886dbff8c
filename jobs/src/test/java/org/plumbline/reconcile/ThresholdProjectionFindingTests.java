package org.plumbline.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A significant trend heading for a policy's threshold is a finding like every other: in
 * fct_finding with a status, in the report's early warnings, and traceable to its rows.
 */
public class ThresholdProjectionFindingTests {

  /** Inspection coverage on a p chart (its 12 weeks are the baseline), tested for a trend over them. */
  public static final String CHART = """
      control_charts:
        - kpi: inspection_coverage
          chart: p
          baseline: { from: 2025-07-07, to: 2025-09-28 }
          min_baseline_points: 12
          trend: { window_weeks: 12, significance: 0.05 }
      """;

  /** Critical parts inspected of 1,000 each Monday from 2025-07-07: 100% down to 96.8%. */
  static final List<Integer> INSPECTED = List.of(1000, 995, 992, 990, 985, 984, 980, 978, 975, 972, 970, 968);

  /** Delivers the twelve MES days of {@link #INSPECTED}, one file each, through the real loader. */
  public static void deliverSlidingCoverage(FindingFixture fixture) throws java.sql.SQLException {
    for (int week = 0; week < INSPECTED.size(); week++) {
      fixture.mesDay(java.time.LocalDate.of(2025, 7, 7).plusWeeks(week).toString(), 1000, INSPECTED.get(week));
    }
  }

  @TempDir
  Path folder;

  @Test
  void aCrossingProjectedBeforeTheAsOfDateIsToldAsPast() throws Exception {
    // given the same twelve weeks, and no MES data since, reconciled after the line's crossing (2 November)
    try (FindingFixture fixture = FindingFixture.create(folder, CHART)) {
      deliverSlidingCoverage(fixture);

      // when
      fixture.reconcile("2025-11-10");

      // then the report does not speak of 2 November in the future tense
      assertThat(fixture.query("select is_already_past, projected_crossing_date::varchar, severity"
          + " from fct_threshold_projection")).containsExactly(List.of(true, "2025-11-02", "high"));
      assertThat((String) fixture.query("select evidence from fct_finding where finding_type = 'threshold_projection'")
          .get(0).get(0)).endsWith("the Theil-Sen line crossed policy POL-INSP-001 (95.0) on 2025-11-02.");
    }
  }

  @Test
  void aCoverageSlidingTowardsThePolicyFloorIsAnEarlyWarningBeforeAnyWeekBreachesIt() throws Exception {
    // given twelve weeks above POL-INSP-001's 95% (version 2), each lower than the one before
    try (FindingFixture fixture = FindingFixture.create(folder, CHART)) {
      deliverSlidingCoverage(fixture);

      // when
      fixture.reconcile("2025-10-05");

      // then no week breached the policy, but the trend is a finding of its own
      assertThat(fixture.query("select count(*) from fct_finding where finding_type = 'policy_breach'"))
          .containsExactly(List.of(0L));
      assertThat(fixture.query("select finding_key, finding_family, severity, department_code, kpi_id, period_label"
          + " from fct_finding where finding_type = 'threshold_projection'")).containsExactly(List.of(
          "threshold_projection:inspection_coverage/PROD", "insight", "medium", "PROD", "inspection_coverage",
          "2025-W28 .. 2025-W39"));
      String evidence = (String) fixture.query("select evidence from fct_finding"
          + " where finding_type = 'threshold_projection'").get(0).get(0);
      // twelve falling points: S = -66, z = 4.457, p = 0.0000083; the Theil-Sen slope (median of
      // the 66 pairwise slopes) is -0.284524 a week, the line (Conover's intercept) is at 96.658% in
      // the week of 2025-09-22 and reaches 95% 5.83 weeks, 41 days, later
      assertThat(evidence).isEqualTo("Inspection coverage trends down by 0.2845 a week over 2025-W28 .. 2025-W39"
          + " (Mann-Kendall p < 0.0001); the Theil-Sen line crosses policy POL-INSP-001 (95.0) on 2025-11-02.");
      // shown among the report's early warnings, new in this first run
      assertThat(fixture.query("select section, status from rpt_finding where finding_type = 'threshold_projection'"))
          .containsExactly(List.of("early_warning", "new"));
      // and traced to the twelve MES rows of its window
      assertThat(fixture.query("select row_role, count(*), count(distinct load_id) from fct_finding_lineage"
          + " where finding_key = 'threshold_projection:inspection_coverage/PROD' group by all"))
          .containsExactly(List.of("evidence", 12L, 12L));
    }
  }
}
