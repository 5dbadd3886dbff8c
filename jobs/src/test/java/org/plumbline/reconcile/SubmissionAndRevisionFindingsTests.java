package org.plumbline.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Missing and late submissions against the calendar (June's sheet is due 7 July 2025 at 17:00
 * Berlin time, 15:00 UTC), and retroactive revisions of figures already delivered.
 */
class SubmissionAndRevisionFindingsTests {

  static final List<List<String>> JUNE = List.of(List.of("2025-06-09", "100", "100"), List.of("2025-06-16", "100", "100"));

  @TempDir
  Path folder;

  @Test
  void aSheetDeliveredBeforeItsDueTimeInThePlantsTimeZoneIsOnTime() throws Exception {
    try (FindingFixture fixture = FindingFixture.create(folder, "")) {
      // given 16:59 in Berlin
      fixture.prodSheet("prod_2025-06.csv", LocalDateTime.parse("2025-07-07T14:59"), JUNE);

      // when: July's sheet is due on 7 August, after the as-of day
      fixture.reconcile("2025-08-06");

      // then
      assertThat(fixture.query("select count(*) from fct_submission_gap").get(0).get(0)).isEqualTo(0L);
    }
  }

  @Test
  void aSheetDeliveredAfterItsDueTimeInThePlantsTimeZoneIsLate() throws Exception {
    try (FindingFixture fixture = FindingFixture.create(folder, "")) {
      // given 15:30 UTC, which is 17:30 in Berlin: half an hour late
      fixture.prodSheet("prod_2025-06.csv", LocalDateTime.parse("2025-07-07T15:30"), JUNE);

      // when
      fixture.reconcile("2025-08-06");

      // then
      assertThat(fixture.query("select finding_key, finding_type, due_at::varchar, first_received_at::varchar,"
          + " round(days_late * 24, 2) from fct_submission_gap")).containsExactly(List.of("SUB-PROD/2025-06",
          "late_submission", "2025-07-07 17:00:00", "2025-07-07 17:30:00", 0.5));
      assertThat(fixture.query("select count(*) from fct_finding_lineage where finding_key like 'late_submission:%'")
          .get(0).get(0)).isEqualTo(2L);
    }
  }

  @Test
  void aSheetNotDeliveredByItsDueDateIsMissingUntilItArrives() throws Exception {
    try (FindingFixture fixture = FindingFixture.create(folder, "")) {
      // given June delivered on time, July never
      fixture.prodSheet("prod_2025-06.csv", LocalDateTime.parse("2025-07-03T08:00"), JUNE);

      // when: July's sheet was due on 7 August
      fixture.reconcile("2025-08-08");

      // then
      assertThat(fixture.query("select finding_key, severity, department_code, owner_role from fct_finding"
          + " where finding_family = 'reconciliation'"))
          .containsExactly(List.of("missing_submission:SUB-PROD/2025-07", "medium", "PROD", "head_of_quality"));
      assertThat(fixture.query("select count(*) from fct_finding_lineage where finding_key like 'missing_submission:%'")
          .get(0).get(0)).isEqualTo(0L);
    }
  }

  @Test
  void aChangedValueInALaterDeliveryIsARevisionButNotBeforeItArrived() throws Exception {
    try (FindingFixture fixture = FindingFixture.create(folder, "")) {
      // given June sent on 3 July, and again on 20 July with W24's units polished from 100 to 120
      fixture.prodSheet("prod_2025-06.csv", LocalDateTime.parse("2025-07-03T08:00"), JUNE)
          .prodSheet("prod_2025-06_v2.csv", LocalDateTime.parse("2025-07-20T08:00"), List.of(
              List.of("2025-06-09", "120", "100"), List.of("2025-06-16", "100", "100")));

      // when: what we knew on 10 July
      fixture.reconcile("2025-07-10");

      // then
      assertThat(fixture.query("select count(*) from fct_retroactive_revision").get(0).get(0)).isEqualTo(0L);

      // when: and on 31 July
      fixture.reconcile("2025-07-31");

      // then: one revision, upwards, flattering; the revised value is the one in force
      assertThat(fixture.query("select metric_name, kpi_id, iso_week, previous_file_name, previous_value,"
          + " revised_file_name, revised_value, revision, revision_percent, direction, is_flattering"
          + " from fct_retroactive_revision")).containsExactly(List.of("Units", "units_produced", "2025-W24",
          "prod_2025-06.csv", 100.0, "prod_2025-06_v2.csv", 120.0, 20.0, 20.0, "up", true));
      assertThat(fixture.query("select reported_value from int_reported_kpi_weekly"
          + " where kpi_id = 'units_produced' order by iso_week")).containsExactly(List.of(120.0), List.of(100.0));
      assertThat(fixture.query("select row_role, count(*) from fct_finding_lineage"
          + " where finding_key like 'retroactive_revision:%' group by all order by 1"))
          .containsExactly(List.of("previous", 1L), List.of("revised", 1L));
    }
  }

  @Test
  void theSameFiguresSentAgainAreNoRevision() throws Exception {
    try (FindingFixture fixture = FindingFixture.create(folder, "")) {
      // given
      fixture.prodSheet("prod_2025-06.csv", LocalDateTime.parse("2025-07-03T08:00"), JUNE)
          .prodSheet("prod_2025-06_again.csv", LocalDateTime.parse("2025-07-04T08:00"), JUNE);

      // when
      fixture.reconcile("2025-07-31");

      // then
      assertThat(fixture.query("select count(*) from fct_finding where finding_family = 'reconciliation'").get(0)
          .get(0)).isEqualTo(0L);
      assertThat(fixture.query("select reported_value from int_reported_kpi_weekly"
          + " where kpi_id = 'units_produced' order by iso_week")).containsExactly(List.of(100.0), List.of(100.0));
    }
  }

  @Test
  void systemOfRecordRowsSplitOverTwoFilesAddUpAndAreNoRevision() throws Exception {
    try (FindingFixture fixture = FindingFixture.create(folder, "")) {
      // given one day's MES rows in two files (two lines, exported separately)
      fixture.mesDay("2025-07-14", 100, 100).deliver("mes", "mes_2025-07-14_line2.csv",
          LocalDateTime.parse("2025-07-15T02:05"), FindingFixture.MES_HEADER,
          List.of(List.of("2025-07-14", "CRITICAL", "100", "80")));

      // when
      fixture.reconcile("2025-07-31");

      // then: 180 of 200 inspected, 90%, a breach; both files behind it; nothing revised
      assertThat(fixture.query("select numerator_total, denominator_total from int_measured_kpi_weekly"))
          .containsExactly(List.of(180.0, 200.0));
      assertThat(fixture.query("select finding_type, count(*) from fct_finding"
          + " where finding_type <> 'missing_submission' group by all")).containsExactly(List.of("policy_breach", 1L));
      assertThat(fixture.query("select count(distinct load_id) from fct_finding_lineage").get(0).get(0))
          .isEqualTo(2L);
    }
  }

  @Test
  void aWeekDatedByItsFridayIsTheSubmissionOfTheMonthOfItsThursday() throws Exception {
    try (FindingFixture fixture = FindingFixture.create(folder, "")) {
      // given only W22 (Mon 26.05. .. Sun 01.06., Thursday 29.05.), dated by its Friday 30.05.: May's
      fixture.prodSheet("prod_2025-05.csv", LocalDateTime.parse("2025-06-02T08:00"),
          List.of(List.of("2025-05-30", "100", "100")));

      // when: June's sheet was due on 7 July
      fixture.reconcile("2025-07-08");

      // then: June is missing; the May week is no June delivery
      assertThat(fixture.query("select finding_key from fct_submission_gap"))
          .containsExactly(List.of("SUB-PROD/2025-06"));
      assertThat(fixture.query("select finding_type from fct_submission_gap"))
          .containsExactly(List.of("missing_submission"));
    }
  }
}
