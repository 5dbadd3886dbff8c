package org.plumbline.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class IsoWeekTests {

  @Test
  void firstWeekOf2025StartsInDecember2024() {
    // given
    IsoWeek week = IsoWeek.parse("2025-W01");

    // when / then
    assertThat(week.monday()).isEqualTo(LocalDate.of(2024, 12, 30));
    assertThat(week.sunday()).isEqualTo(LocalDate.of(2025, 1, 5));
    assertThat(IsoWeek.of(LocalDate.of(2024, 12, 31))).isEqualTo(week);
    assertThat(IsoWeek.parse("2025-W52").sunday()).isEqualTo(LocalDate.of(2025, 12, 28));
  }

  @Test
  void aWeekBelongsToTheMonthOfItsThursday() {
    // given: 2025-W01 runs Mon 30 Dec to Sun 5 Jan; 2025-W27 runs Mon 30 Jun to Sun 6 Jul
    // when / then
    assertThat(IsoWeek.parse("2025-W01").month()).isEqualTo(YearMonth.of(2025, 1));
    assertThat(IsoWeek.parse("2025-W27").month()).isEqualTo(YearMonth.of(2025, 7));
    assertThat(IsoWeek.parse("2025-W05").month()).isEqualTo(YearMonth.of(2025, 1));
  }

  @Test
  void printsAndOrdersAsIsoText() {
    // given
    IsoWeek w9 = IsoWeek.parse("2025-W09");

    // when / then
    assertThat(w9).hasToString("2025-W09");
    assertThat(w9.plusWeeks(44)).isEqualTo(IsoWeek.parse("2026-W01"));
    assertThat(w9.compareTo(IsoWeek.parse("2025-W10"))).isNegative();
  }

  @Test
  void rejectsWhatIsNotAnIsoWeek() {
    assertThatThrownBy(() -> IsoWeek.parse("2025-31")).hasMessageContaining("not an ISO week");
    assertThatThrownBy(() -> IsoWeek.parse("2025-W53")).hasMessageContaining("weeks 1 to 52");
  }
}
