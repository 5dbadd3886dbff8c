package org.plumbline.governance;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;

/**
 * The periods of the plant's common grain (calendar.yml common_grain) as sql/dimensions/dim_date.sql
 * makes them, for checks that run before any warehouse exists: an ISO week from its Monday, a
 * calendar month, or a fiscal period. A fiscal year starts on the Monday of the week holding the
 * 1st of its start month and has 52 or 53 weeks; each quarter is 13 weeks split by the fiscal
 * pattern (4-4-5: periods of 4, 4 and 5 weeks), and a 53rd week joins the last period.
 */
final class CommonPeriods {

  private final String grain;
  private final int fiscalYearStartMonth;
  private final int[] patternWeeks;

  CommonPeriods(PlantCalendar calendar) {
    this.grain = calendar.commonGrain() == null ? "week" : calendar.commonGrain();
    this.fiscalYearStartMonth = calendar.fiscalYearStartMonth();
    this.patternWeeks = Arrays.stream((calendar.fiscalPattern() == null ? "4-4-5" : calendar.fiscalPattern()).split("-"))
        .mapToInt(Integer::parseInt).toArray();
  }

  /** What a period of the grain is called in a sentence: week, month or fiscal period. */
  String noun() {
    return switch (grain) {
      case "month" -> "month";
      case "fiscal_period" -> "fiscal period";
      default -> "week";
    };
  }

  /** The first day of the period holding {@code day}. */
  LocalDate startOf(LocalDate day) {
    return switch (grain) {
      case "month" -> day.withDayOfMonth(1);
      case "fiscal_period" -> fiscalPeriodStart(day);
      default -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    };
  }

  /** The last day of the period holding {@code day}. */
  LocalDate endOf(LocalDate day) {
    return switch (grain) {
      case "month" -> day.with(TemporalAdjusters.lastDayOfMonth());
      case "fiscal_period" -> fiscalPeriodEnd(day);
      default -> day.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
    };
  }

  private LocalDate fiscalYearStart(int year) {
    return LocalDate.of(year, fiscalYearStartMonth, 1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }

  /** The start of the fiscal year holding {@code day}. */
  private LocalDate fiscalYearStartOf(LocalDate day) {
    for (int year = day.getYear() + 1; ; year--) {
      LocalDate start = fiscalYearStart(year);
      if (!start.isAfter(day)) {
        return start;
      }
    }
  }

  /** The start of the fiscal year after the one starting on {@code yearStart}. */
  private LocalDate nextFiscalYearStart(LocalDate yearStart) {
    for (int year = yearStart.getYear(); ; year++) {
      LocalDate start = fiscalYearStart(year);
      if (start.isAfter(yearStart)) {
        return start;
      }
    }
  }

  /** The first week, counted from the fiscal year's start, of each of its twelve periods. */
  private int[] periodFirstWeeks() {
    int[] first = new int[12];
    for (int quarter = 0; quarter < 4; quarter++) {
      int week = quarter * 13;
      for (int period = 0; period < 3; period++) {
        first[quarter * 3 + period] = week;
        week += patternWeeks[period];
      }
    }
    return first;
  }

  private int fiscalPeriodIndex(LocalDate yearStart, LocalDate day) {
    long week = ChronoUnit.WEEKS.between(yearStart, day);
    int[] first = periodFirstWeeks();
    int period = 11;
    while (first[period] > week) {
      period--;
    }
    return period;
  }

  private LocalDate fiscalPeriodStart(LocalDate day) {
    LocalDate yearStart = fiscalYearStartOf(day);
    return yearStart.plusWeeks(periodFirstWeeks()[fiscalPeriodIndex(yearStart, day)]);
  }

  private LocalDate fiscalPeriodEnd(LocalDate day) {
    LocalDate yearStart = fiscalYearStartOf(day);
    int period = fiscalPeriodIndex(yearStart, day);
    // the year's last period runs to the next year's start: a 53rd week joins it
    return period < 11 ? yearStart.plusWeeks(periodFirstWeeks()[period + 1]).minusDays(1)
        : nextFiscalYearStart(yearStart).minusDays(1);
  }
}
