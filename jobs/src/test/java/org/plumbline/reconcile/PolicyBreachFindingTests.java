package org.plumbline.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Policy breaches: measured from the system of record, judged by the policy version in force. */
class PolicyBreachFindingTests {

  @TempDir
  Path folder;

  @Test
  void cleanDataRaisesNoFindingOfAnyType() throws Exception {
    // given: every critical part inspected, reported truthfully and on time
    try (FindingFixture fixture = FindingFixture.create(folder, "")) {
      fixture.mesDay("2025-06-02", 100, 100).mesDay("2025-06-09", 100, 100)
          .prodSheet("prod_2025-06.csv", LocalDateTime.parse("2025-07-03T08:00"), List.of(
              List.of("2025-06-02", "100", "100"), List.of("2025-06-09", "100", "100")));

      // when
      fixture.reconcile("2025-07-31");

      // then: no reconciliation finding; the one insight finding is that Production reports no cost KPI
      assertThat(fixture.query("select count(*) from fct_finding where finding_family = 'reconciliation'").get(0)
          .get(0)).isEqualTo(0L);
      assertThat(fixture.query("select finding_key, finding_family, status from fct_finding_status"
          + " join fct_finding using (finding_key)")).containsExactly(List.of("triad_gap:PROD", "insight", "new"));
    }
  }

  @Test
  void eachWeekIsJudgedByThePolicyVersionInForce() throws Exception {
    // given 97% in June (version 1 demands 100%) and 97% and 90% in July (version 2 demands 95%)
    try (FindingFixture fixture = FindingFixture.create(folder, "")) {
      fixture.mesDay("2025-06-23", 100, 97).mesDay("2025-07-07", 100, 97).mesDay("2025-07-14", 100, 90);

      // when
      fixture.reconcile("2025-07-31");

      // then
      assertThat(fixture.query("select iso_week, policy_version, threshold, round(measured_value, 1), severity"
          + " from fct_policy_breach order by iso_week")).containsExactly(
          List.of("2025-W26", 1, 100.0, 97.0, "critical"),
          List.of("2025-W29", 2, 95.0, 90.0, "high"));
      assertThat(fixture.query("select finding_key, round(gap, 1), is_covered_by_deviation"
          + " from fct_finding where finding_type = 'policy_breach' order by 1")).containsExactly(
          List.of("policy_breach:POL-INSP-001/PROD/2025-W26", -3.0, false),
          List.of("policy_breach:POL-INSP-001/PROD/2025-W29", -5.0, false));
    }
  }

  @Test
  void aBreachInsideAnApprovedDeviationIsShownAsCovered() throws Exception {
    // given a concession for the week of 2025-07-14 only
    String deviation = """
        deviations:
          - id: DEV-1
            policy: POL-INSP-001
            reason: Tester recalibration, lots re-inspected before shipment.
            approved_by: head_of_quality
            approved_on: 2025-07-10
            valid_from: 2025-07-14
            expires_on: 2025-07-20
        """;
    try (FindingFixture fixture = FindingFixture.create(folder, deviation)) {
      fixture.mesDay("2025-07-07", 100, 90).mesDay("2025-07-14", 100, 90);

      // when
      fixture.reconcile("2025-07-31");

      // then
      assertThat(fixture.query("select period_label, deviation_id, is_covered_by_deviation from fct_finding"
          + " where finding_type = 'policy_breach' order by 1")).containsExactly(
          java.util.Arrays.asList("2025-W28", null, false),
          List.of("2025-W29", "DEV-1", true));
      assertThat(fixture.query("select period_label, display_status from fct_finding_status"
          + " where finding_type = 'policy_breach' order by 1"))
          .containsExactly(List.of("2025-W28", "new"), List.of("2025-W29", "covered by deviation"));
    }
  }

  @Test
  void everyBreachLeadsToTheMesRowsBehindIt() throws Exception {
    try (FindingFixture fixture = FindingFixture.create(folder, "")) {
      // given
      fixture.mesDay("2025-07-14", 100, 80).mesDay("2025-07-15", 100, 100);

      // when
      fixture.reconcile("2025-07-31");

      // then: both days of the week (90% together), numerator and denominator from the same row
      assertThat(fixture.query("select l.row_role, a.file_name, l.row_number from fct_finding_lineage l"
          + " join load_audit a using (load_id) where l.finding_key like 'policy_breach:%' order by a.file_name")).containsExactly(
          List.of("measured", "mes_2025-07-14.csv", 2), List.of("measured", "mes_2025-07-15.csv", 2));
    }
  }
}
