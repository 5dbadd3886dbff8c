package org.plumbline.report;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/**
 * The reporting period a report covers: the last complete week, month or quarter before the
 * as-of date, and the one before it (what "since the last period" compares with).
 */
public record ReportPeriod(String kind, LocalDate start, LocalDate end, LocalDate previousStart) {

  /** The last complete period of {@code kind} (week, month or quarter) ending before {@code asOf}. */
  public static ReportPeriod lastCompleteBefore(String kind, LocalDate asOf) {
    return switch (kind.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "week" -> {
        LocalDate start = asOf.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
        yield new ReportPeriod("week", start, start.plusDays(6), start.minusWeeks(1));
      }
      case "month" -> {
        LocalDate start = asOf.withDayOfMonth(1).minusMonths(1);
        yield new ReportPeriod("month", start, start.plusMonths(1).minusDays(1), start.minusMonths(1));
      }
      case "quarter" -> {
        LocalDate thisQuarter = asOf.with(IsoFields.DAY_OF_QUARTER, 1);
        LocalDate start = thisQuarter.minusMonths(3);
        yield new ReportPeriod("quarter", start, thisQuarter.minusDays(1), start.minusMonths(3));
      }
      default -> throw new IllegalArgumentException("plumbline.report.period in config/application.yml must be"
          + " week, month or quarter, not '" + kind + "'.");
    };
  }

  /** "2025-W52", "2025-12" or "2025-Q4". */
  public String label() {
    return label(start);
  }

  /** The label of the period before, which "what changed" compares with: "2025-Q3". */
  public String previousLabel() {
    return label(previousStart);
  }

  private String label(LocalDate first) {
    return switch (kind) {
      case "week" -> String.format("%d-W%02d", first.get(IsoFields.WEEK_BASED_YEAR),
          first.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      case "month" -> String.format("%d-%02d", first.getYear(), first.getMonthValue());
      default -> first.getYear() + "-Q" + first.get(IsoFields.QUARTER_OF_YEAR);
    };
  }
}
