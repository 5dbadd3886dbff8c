package org.plumbline.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dim_date: ISO weeks, months and the 4-4-5 fiscal calendar of the plant. */
class DateDimensionTests {

  @TempDir
  Path folder;

  @Test
  void placesEachDayInItsIsoWeekAndFiscalPeriod() throws Exception {
    try (FindingFixture fixture = FindingFixture.create(folder, "")) {
      // given a fiscal year from January, 4-4-5 (the fixture's calendar defaults): fiscal 2025
      // starts on Monday 2024-12-30, the week holding 1 January
      fixture.reconcile("2025-07-31");

      // then
      assertThat(fixture.query("select calendar_date::varchar, iso_week, month_label, fiscal_year, fiscal_week,"
          + " fiscal_quarter, fiscal_period from dim_date where calendar_date in ('2024-12-30', '2025-01-26',"
          + " '2025-01-27', '2025-02-23', '2025-03-03', '2025-03-31', '2025-12-28', '2025-12-29') order by 1"))
          .containsExactly(
              List.of("2024-12-30", "2025-W01", "2024-12", 2025L, 1L, 1L, 1L),
              List.of("2025-01-26", "2025-W04", "2025-01", 2025L, 4L, 1L, 1L),
              List.of("2025-01-27", "2025-W05", "2025-01", 2025L, 5L, 1L, 2L),
              List.of("2025-02-23", "2025-W08", "2025-02", 2025L, 8L, 1L, 2L),
              List.of("2025-03-03", "2025-W10", "2025-03", 2025L, 10L, 1L, 3L),
              List.of("2025-03-31", "2025-W14", "2025-03", 2025L, 14L, 2L, 4L),
              List.of("2025-12-28", "2025-W52", "2025-12", 2025L, 52L, 4L, 12L),
              List.of("2025-12-29", "2026-W01", "2025-12", 2026L, 1L, 1L, 1L));
    }
  }
}
