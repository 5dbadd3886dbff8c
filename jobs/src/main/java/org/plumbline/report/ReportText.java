package org.plumbline.report;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The sentences and number formats the report templates print, kept in Java so that plurals,
 * missing values and punctuation are handled once and can be tested without a PDF.
 * Templates call these methods from their expressions; the report is written in English.
 */
public final class ReportText {

  private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm (z)", Locale.ENGLISH);

  private ReportText() {}

  /**
   * The headline finding for one breached policy, e.g. "Policy POL-INSP-001 (Every critical
   * engine valve is inspected before shipment) was breached in 16 weeks, 2025-W31 to 2025-W46:
   * measured inspection coverage of critical parts fell to 24.8% in 2025-W38 while the
   * department reported 100.0%. Owner: Head of Quality."
   */
  public static String headline(String policyId, String statement, String kpiName, String ownerTitle,
      Integer breachedWeekCount, String firstBreachedWeek, String lastBreachedWeek, String worstWeek,
      Double worstMeasured, Double reportedInWorstWeek, Integer discrepancyWeekCount) {
    StringBuilder s = new StringBuilder("Policy ").append(policyId);
    String trimmed = withoutFinalStop(statement);
    if (!trimmed.isEmpty()) {
      s.append(" (").append(trimmed).append(')');
    }
    s.append(" was breached in ").append(weeks(breachedWeekCount)).append(", ").append(firstBreachedWeek);
    if (lastBreachedWeek != null && !lastBreachedWeek.equals(firstBreachedWeek)) {
      s.append(" to ").append(lastBreachedWeek);
    }
    s.append(": measured ").append(lowerFirst(kpiName)).append(" fell to ").append(percent(worstMeasured))
        .append(" in ").append(worstWeek);
    if (reportedInWorstWeek == null) {
      s.append(" while the department reported no figure for that week.");
    } else {
      s.append(" while the department reported ").append(percent(reportedInWorstWeek)).append('.');
    }
    if (discrepancyWeekCount != null && discrepancyWeekCount > 0) {
      s.append(" The department's own figure differed from the measurement in ")
          .append(weeks(discrepancyWeekCount)).append('.');
    }
    if (ownerTitle != null && !ownerTitle.isBlank()) {
      s.append(" Owner: ").append(ownerTitle.strip()).append('.');
    }
    return s.toString();
  }

  /** The sentence that replaces the headline when no policy was breached. */
  public static String noBreach(String firstWeek, String lastWeek) {
    if (firstWeek == null) {
      return "No policy was breached: the warehouse holds no weekly figures yet.";
    }
    return "No policy was breached in the weeks " + weekRange(firstWeek, lastWeek) + ".";
  }

  /** The sentence that replaces the table of breached weeks when there are none. */
  public static String noBreachedWeeks(String firstWeek, String lastWeek) {
    if (firstWeek == null) {
      return "There are no weekly figures to compare with the policies yet.";
    }
    return "No week from " + weekRange(firstWeek, lastWeek) + " fell short of a policy threshold.";
  }

  /** "2025-W01 to 2025-W52", or a single week when both ends are the same. */
  public static String weekRange(String firstWeek, String lastWeek) {
    if (lastWeek == null || lastWeek.equals(firstWeek)) {
      return String.valueOf(firstWeek);
    }
    return firstWeek + " to " + lastWeek;
  }

  /** "24.8%"; a dash when there is no figure. */
  public static String percent(Double value) {
    return value == null ? "–" : String.format(Locale.ROOT, "%.1f%%", value);
  }

  /** "34.7"; a dash when there is no figure. */
  public static String decimal(Double value) {
    return value == null ? "–" : String.format(Locale.ROOT, "%.1f", value);
  }

  /** "+65.3" or "-2.0": a difference in points, always with its sign. */
  public static String signedDecimal(Double value) {
    return value == null ? "–" : String.format(Locale.ROOT, "%+.1f", value);
  }

  /** "12,480". */
  public static String count(Long value) {
    return value == null ? "–" : String.format(Locale.ROOT, "%,d", value);
  }

  /** "31 December 2025". */
  public static String longDate(java.util.Date date) {
    return date == null ? "–" : localDate(date).format(LONG_DATE);
  }

  /** "28 Jul 2025". */
  public static String shortDate(java.util.Date date) {
    return date == null ? "–" : localDate(date).format(SHORT_DATE);
  }

  /** "21 November 2026, 06:00 (CET)". */
  public static String timestamp(ZonedDateTime at) {
    return at == null ? "–" : at.format(TIMESTAMP);
  }

  /** The first 12 characters of a configuration hash, enough to tell versions apart. */
  public static String shortVersion(String configVersion) {
    if (configVersion == null) {
      return "–";
    }
    return configVersion.length() <= 12 ? configVersion : configVersion.substring(0, 12);
  }

  private static LocalDate localDate(java.util.Date date) {
    // A SQL DATE is a calendar day; converting through the time zone could move it by one.
    return date instanceof java.sql.Date sqlDate ? sqlDate.toLocalDate()
        : new java.sql.Date(date.getTime()).toLocalDate();
  }

  private static String weeks(Integer count) {
    int n = count == null ? 0 : count;
    return n == 1 ? "1 week" : n + " weeks";
  }

  private static String withoutFinalStop(String text) {
    String t = text == null ? "" : text.strip();
    return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
  }

  /** "Inspection coverage" → "inspection coverage", but "OEE" stays "OEE". */
  private static String lowerFirst(String name) {
    if (name == null || name.isEmpty()) {
      return "";
    }
    if (name.length() > 1 && Character.isUpperCase(name.charAt(1))) {
      return name;
    }
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }
}
