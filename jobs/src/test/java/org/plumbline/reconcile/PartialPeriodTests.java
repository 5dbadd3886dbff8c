package org.plumbline.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A week or period holding days the system's exports have not yet spoken for is not measured from
 * the days it has: a monthly export ends mid-week, and a week is still running on the as-of date.
 * Read as whole, a few days' rows are a collapse in output or a breach judged on a handful of
 * parts (int_source_gap).
 */
class PartialPeriodTests {

  @TempDir
  Path folder;

  /** The MES exported once a month, due two days after the month. */
  private static final String MONTHLY_MES = """
      submissions:
        - id: SUB-MES
          source: mes
          department: PROD
          frequency: month
          due: { days_after_period: 2, at: "06:00" }
          effective_from: 2025-07-01
      """;

  /** Critical parts of a few days: 100 produced a day, {@code inspected} of them inspected. */
  private static List<List<String>> days(int inspected, String... days) {
    return Arrays.stream(days).map(day -> List.of(day, "CRITICAL", "100", Integer.toString(inspected))).toList();
  }

  @Test
  void theWeekAMonthlyExportEndsInIsJudgedOnceTheNextMonthsExportHasCome() throws Exception {
    try (FindingFixture fixture = FindingFixture.create(folder, MONTHLY_MES)) {
      // given July's export, whose last four days (Monday 28 to Thursday 31 July, 2025-W31) are at
      // 90%, below policy v2's 95%
      fixture.deliver("mes", "mes_2025-07.csv", LocalDateTime.parse("2025-08-02T03:00"), FindingFixture.MES_HEADER,
          days(90, "2025-07-28", "2025-07-29", "2025-07-30", "2025-07-31"));

      // when reconciled before August's export
      fixture.reconcile("2025-08-05");

      // then W31 has its parts so far but no measured value: no breach on four days of seven
      assertThat(fixture.query("select iso_week, measured_value, measured_is_complete from v_kpi_week"
          + " where kpi_id = 'inspection_coverage'")).containsExactly(Arrays.asList("2025-W31", null, false));
      assertThat(fixture.query("select numerator_total, denominator_total from int_measured_kpi_weekly"))
          .containsExactly(List.of(360.0, 400.0));
      assertThat(fixture.query("select count(*) from fct_policy_breach")).containsExactly(List.of(0L));

      // and once August's export brings 1 to 3 August, fully inspected, the whole week is judged
      fixture.deliver("mes", "mes_2025-08.csv", LocalDateTime.parse("2025-09-02T03:00"), FindingFixture.MES_HEADER,
          days(100, "2025-08-01", "2025-08-02", "2025-08-03"));
      fixture.reconcile("2025-09-05");
      assertThat(fixture.query("select period_label, round(measured_value, 2) from fct_policy_breach"))
          .containsExactly(List.of("2025-W31", 94.29));
    }
  }

  @Test
  void aWeekStillRunningOnTheAsOfDateIsNotJudgedAndTheLatestWholeWeekIsThePolicysLatest() throws Exception {
    try (FindingFixture fixture = FindingFixture.create(folder, "")) {
      // given the MES day by day, with no calendar: W28 fully inspected, Monday of W29 at 80%
      fixture.mesDay("2025-07-07", 100, 100).mesDay("2025-07-14", 100, 80);

      // when reconciled on Wednesday of W29
      fixture.reconcile("2025-07-16");

      // then W29 is not over: not judged, and the policy page's latest week is W28
      assertThat(fixture.query("select count(*) from fct_policy_breach")).containsExactly(List.of(0L));
      assertThat(fixture.query("select latest_period, measured_value from rpt_policy_execution"))
          .containsExactly(List.of("2025-W28", 100.0));

      // and the Monday after, it is
      fixture.reconcile("2025-07-21");
      assertThat(fixture.query("select period_label, measured_value from fct_policy_breach"))
          .containsExactly(List.of("2025-W29", 80.0));
    }
  }
}
