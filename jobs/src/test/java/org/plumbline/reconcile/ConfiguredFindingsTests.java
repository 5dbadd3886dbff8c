package org.plumbline.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the governance model says about findings: deviations for one part, and severities. */
class ConfiguredFindingsTests {

  static final List<String> MES_BY_PART = List.of("day", "class", "part", "produced", "inspected");

  @TempDir
  Path folder;

  private static String withParts() {
    return FindingFixture.GOVERNANCE.replace("attributes: { part_class: class }",
        "attributes: { part_class: class, part_id: part }");
  }

  private static FindingFixture mesWeek(FindingFixture fixture, String day, int inspectedV1, int inspectedV2)
      throws Exception {
    return fixture.deliver("mes", "mes_" + day + ".csv", LocalDate.parse(day).plusDays(1).atTime(2, 0), MES_BY_PART,
        List.of(List.of(day, "CRITICAL", "V-1", "100", Integer.toString(inspectedV1)),
            List.of(day, "CRITICAL", "V-2", "100", Integer.toString(inspectedV2))));
  }

  @Test
  void aDeviationForOnePartCoversABreachOnThatPartOnly() throws Exception {
    // given a concession for valve V-1 over two weeks: V-1 is half inspected in both; V-2 is
    // fully inspected in the first week and 80% in the second
    String deviation = """
        deviations:
          - id: DEV-V1
            policy: POL-INSP-001
            scope: { part_id: V-1 }
            reason: Supplier inspects V-1 at source; half the lots are re-inspected here.
            approved_by: head_of_quality
            approved_on: 2025-07-10
            valid_from: 2025-07-14
            expires_on: 2025-07-27
        """;
    try (FindingFixture fixture = FindingFixture.create(folder, withParts(), deviation)) {
      mesWeek(fixture, "2025-07-14", 50, 100);
      mesWeek(fixture, "2025-07-21", 50, 80);

      // when
      fixture.reconcile("2025-07-31");

      // then: both weeks breach (75%, 65%); the first only on V-1 and is covered, the second is not
      assertThat(fixture.query("select period_label, measured_value, deviation_id, is_covered_by_deviation"
          + " from fct_policy_breach order by 1")).containsExactly(
          List.of("2025-W29", 75.0, "DEV-V1", true),
          Arrays.asList("2025-W30", 65.0, null, false));
      assertThat(fixture.query("select period_label, display_status from fct_finding_status"
          + " where finding_type = 'policy_breach' order by 1"))
          .containsExactly(List.of("2025-W29", "covered by deviation"), List.of("2025-W30", "new"));
    }
  }

  @Test
  void aDeviationForAnotherPartClassCoversNothing() throws Exception {
    String deviation = """
        deviations:
          - id: DEV-MINOR
            policy: POL-INSP-001
            scope: { part_class: MINOR }
            reason: Minor parts are sampled.
            approved_by: head_of_quality
            approved_on: 2025-07-10
            valid_from: 2025-07-14
            expires_on: 2025-07-27
        """;
    try (FindingFixture fixture = FindingFixture.create(folder, withParts(), deviation)) {
      mesWeek(fixture, "2025-07-14", 50, 100);

      fixture.reconcile("2025-07-31");

      assertThat(fixture.query("select period_label, deviation_id, is_covered_by_deviation from fct_policy_breach"))
          .containsExactly(Arrays.asList("2025-W29", null, false));
    }
  }

  @Test
  void theSeverityOfAFindingNoPolicyRatesComesFromTheModel() throws Exception {
    // given a model that rates a missing submission critical and a late one high
    String severities = """
        finding_severities:
          - { finding: missing_submission, severity: critical }
          - { finding: late_submission, severity: high }
        """;
    try (FindingFixture fixture = FindingFixture.create(folder, severities)) {
      // June's sheet a day late, July's never
      fixture.prodSheet("prod_2025-06.csv", LocalDateTime.parse("2025-07-08T16:00"),
          List.of(List.of("2025-06-02", "100", "100")));

      // when
      fixture.reconcile("2025-08-08");

      // then
      assertThat(fixture.query("select finding_key, severity from fct_finding where finding_type like '%submission'"
          + " order by 1")).containsExactly(
          List.of("late_submission:SUB-PROD/2025-06", "high"), List.of("missing_submission:SUB-PROD/2025-07", "critical"));
      assertThat(fixture.query("select finding_case, severity from dim_finding_severity"
          + " where finding_case in ('rogue_metric', 'missing_submission') order by 1"))
          .containsExactly(List.of("missing_submission", "critical"), List.of("rogue_metric", "low"));
    }
  }
}
