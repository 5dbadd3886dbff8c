package org.plumbline.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An ISO-8601 week such as {@code 2025-W31}, the grain the demo story is told in. */
public record IsoWeek(int year, int week) implements Comparable<IsoWeek> {

  private static final Pattern TEXT = Pattern.compile("(\\d{4})-W(\\d{2})");

  public IsoWeek {
    long weeksInYear = LocalDate.of(year, 6, 1).range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
    if (week < 1 || week > weeksInYear) {
      throw new IllegalArgumentException(year + " has ISO weeks 1 to " + weeksInYear + ", not " + week + ".");
    }
  }

  /** Reads {@code 2025-W31}. */
  public static IsoWeek parse(String text) {
    Matcher m = TEXT.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not an ISO week such as 2025-W31.");
    }
    return new IsoWeek(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
  }

  public static IsoWeek of(LocalDate date) {
    return new IsoWeek(date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  public LocalDate monday() {
    // 4 January is always in week 1 of its week-based year.
    return LocalDate.of(year, 1, 4)
        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
        .plusWeeks(week - 1L);
  }

  public LocalDate day(DayOfWeek dayOfWeek) {
    return monday().plusDays(dayOfWeek.getValue() - 1L);
  }

  public LocalDate sunday() {
    return day(DayOfWeek.SUNDAY);
  }

  /** The month a week belongs to in monthly reports: the month of its Thursday, as ISO does for years. */
  public YearMonth month() {
    return YearMonth.from(day(DayOfWeek.THURSDAY));
  }

  public IsoWeek plusWeeks(long weeks) {
    return of(monday().plusWeeks(weeks));
  }

  public boolean within(IsoWeek from, IsoWeek to) {
    return compareTo(from) >= 0 && compareTo(to) <= 0;
  }

  @Override
  public int compareTo(IsoWeek other) {
    return year != other.year ? Integer.compare(year, other.year) : Integer.compare(week, other.week);
  }

  @Override
  public String toString() {
    return String.format("%d-W%02d", year, week);
  }
}
