package org.plumbline.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A count without a denominator (complaints, one CRM row each) is zero in a week its exports
 * cover without a row, and has no value in a week no export covers: which weeks those are
 * comes from the export's submission calendar, where one is declared (int_submission_delivery).
 */
class CountKpiCoverageTests {

  @TempDir
  Path folder;

  /** The CRM's complaints, one row each, counted per week; exported monthly when CALENDAR is added. */
  static final String COMPLAINTS = """
      kpis:
        - id: customer_complaints
          name: Customer complaints
          dimension: quality
          unit: count
          direction: lower_is_better
          target: 0
          tolerance: 0
          owner_role: head_of_quality
          measured_by: { source: crm, numerator: complaints }
      sources:
        - id: crm
          system: CRM
          department: PROD
          kind: system_of_record
          format: csv
          files: "crm_*.csv"
          csv: { delimiter: ",", decimal: ".", date_format: "%Y-%m-%d" }
          period: { column: received_date, grain: day }
          metrics:
            - { name: complaints, value: 1 }
      """;

  static final String CALENDAR = """
      submissions:
        - id: SUB-CRM
          source: crm
          department: PROD
          frequency: month
          due: { days_after_period: 2, at: "06:00" }
          effective_from: 2025-06-01
      """;

  static final List<String> HEADER = List.of("complaint_id", "received_date");

  /** June's export is empty, July's and September's hold complaints, August's never comes. */
  private static void deliverExports(FindingFixture fixture) throws Exception {
    fixture.deliver("crm", "crm_2025-06.csv", LocalDateTime.parse("2025-07-02T03:00"), HEADER, List.of())
        .deliver("crm", "crm_2025-07.csv", LocalDateTime.parse("2025-08-02T03:00"), HEADER,
            List.of(List.of("C1", "2025-07-16"), List.of("C2", "2025-07-24")))
        .deliver("crm", "crm_2025-09.csv", LocalDateTime.parse("2025-10-02T03:00"), HEADER,
            List.of(List.of("C3", "2025-09-10")));
  }

  private static List<List<Object>> series(FindingFixture fixture) throws Exception {
    return fixture.query("select iso_week, value from int_kpi_series_weekly"
        + " where kpi_id = 'customer_complaints' order by week_start");
  }

  @Test
  void underACalendarTheDeliveredMonthsWeeksAreZeroAndAMissingExportsWeeksHaveNoValue() throws Exception {
    try (FindingFixture fixture = FindingFixture.create(folder, COMPLAINTS + CALENDAR)) {
      // given the monthly exports above
      deliverExports(fixture);

      // when
      fixture.reconcile("2025-10-10");

      // then June's weeks (by their Thursday) are zeros from the empty export, July's and
      // September's count their complaints, and August's weeks have no value at all, nor has
      // 2025-W31 (28 July to 3 August), whose August days no export spoke for
      assertThat(series(fixture)).containsExactly(
          List.of("2025-W23", 0.0), List.of("2025-W24", 0.0), List.of("2025-W25", 0.0), List.of("2025-W26", 0.0),
          List.of("2025-W27", 0.0), List.of("2025-W28", 0.0), List.of("2025-W29", 1.0), List.of("2025-W30", 1.0),
          List.of("2025-W36", 0.0), List.of("2025-W37", 1.0), List.of("2025-W38", 0.0), List.of("2025-W39", 0.0));
      // and the empty June export is a delivery, while August's is missing
      assertThat(fixture.query("select period_label, finding_type from fct_submission_gap"
          + " where submission_id = 'SUB-CRM'")).containsExactly(List.of("2025-08", "missing_submission"));
      assertThat(fixture.query("select period_label, first_load_id, covered_through::varchar"
          + " from int_submission_delivery where submission_id = 'SUB-CRM' order by period_start"))
          .containsExactly(List.of("2025-06", 1L, "2025-06-30"), List.of("2025-07", 2L, "2025-07-31"),
              java.util.Arrays.asList("2025-08", null, null), List.of("2025-09", 3L, "2025-09-30"),
              java.util.Arrays.asList("2025-10", null, null));
    }
  }

  @Test
  void anExportMadeMidMonthCoversOnlyTheWeeksItHasSeenWhole() throws Exception {
    try (FindingFixture fixture = FindingFixture.create(folder, COMPLAINTS + CALENDAR)) {
      // given September's complaints exported on Wednesday 17 September, one of them on the 10th
      fixture.deliver("crm", "crm_2025-09-17.csv", LocalDateTime.parse("2025-09-17T03:00"), HEADER,
          List.of(List.of("C3", "2025-09-10")));

      // when
      fixture.reconcile("2025-09-20");

      // then the weeks up to the export's eve are counted (W36 a zero, W37 its complaint), the
      // week it was made in is not: its complaints after the export are not known yet
      assertThat(series(fixture)).containsExactly(List.of("2025-W36", 0.0), List.of("2025-W37", 1.0));
    }
  }

  @Test
  void withoutACalendarTheWeeksFromTheFirstToTheLastComplaintAreCovered() throws Exception {
    try (FindingFixture fixture = FindingFixture.create(folder, COMPLAINTS)) {
      // given the same exports, with no calendar saying which months they are for
      deliverExports(fixture);

      // when
      fixture.reconcile("2025-10-10");

      // then nothing tells the weeks before the first complaint or August's apart: first to last
      List<List<Object>> series = series(fixture);
      assertThat(series).hasSize(9);
      assertThat(series.get(0)).isEqualTo(List.of("2025-W29", 1.0));
      assertThat(series.get(8)).isEqualTo(List.of("2025-W37", 1.0));
      assertThat(series.stream().filter(week -> week.get(1).equals(0.0)).count()).isEqualTo(6);
    }
  }
}
