package org.plumbline.report;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * The headline sentences, dates and table figures of the policy-breach pages, in the report's
 * language: the words and date patterns come from the resource bundle
 * ({@code reports/i18n/plumbline_<lang>.properties}), numbers are formatted for the report's
 * locale. Kept in Java so that plurals, missing values and punctuation are handled once and can
 * be tested without a PDF. Templates call these with {@code $P{REPORT_RESOURCE_BUNDLE}} and
 * {@code $P{REPORT_LOCALE}}.
 */
public final class ReportText {

  private ReportText() {}

  /** The common grains the policy pages can speak of (calendar.yml: common_grain). */
  private static final Set<String> GRAINS = Set.of("week", "month", "fiscal_period");

  /**
   * The bundle key of a text that names the periods of the common grain: {@code key.week},
   * {@code key.month} or {@code key.fiscal_period}. An unknown or missing grain (a warehouse
   * built before the grain was recorded) reads as the week, the default grain.
   */
  public static String grainKey(String key, String periodGrain) {
    return key + "." + (periodGrain != null && GRAINS.contains(periodGrain) ? periodGrain : "week");
  }

  /**
   * The headline finding for one breached policy, e.g. "Policy POL-INSP-001 (Every critical
   * engine valve is inspected before shipment) was breached in 16 weeks, 2025-W31 to 2025-W46:
   * measured inspection coverage of critical parts fell to 24.8% in 2025-W38 while the
   * department reported 100.0%. Owner: Head of Quality." At the month grain it counts months
   * ("in 4 months, 2025-08 to 2025-11"), at the fiscal-period grain fiscal periods.
   */
  public static String headline(ResourceBundle words, Locale locale, String periodGrain, String policyId,
      String statement, String kpiName, String ownerTitle, Integer breachedPeriodCount, String firstBreachedPeriod,
      String lastBreachedPeriod, String worstPeriod, Double worstMeasured, Double reportedInWorstPeriod,
      Integer discrepancyPeriodCount) {
    return headline(words, locale, periodGrain, policyId, statement, kpiName, ownerTitle, breachedPeriodCount,
        firstBreachedPeriod, lastBreachedPeriod, worstPeriod, worstMeasured, reportedInWorstPeriod,
        discrepancyPeriodCount, 0, null);
  }

  /**
   * The headline as above, followed, when periods inside an approved deviation were left out of
   * the count, by a sentence saying how many and under which deviations, e.g. "Not counted: 2
   * weeks within an approved deviation (DEV-2025-031)."
   */
  public static String headline(ResourceBundle words, Locale locale, String periodGrain, String policyId,
      String statement, String kpiName, String ownerTitle, Integer breachedPeriodCount, String firstBreachedPeriod,
      String lastBreachedPeriod, String worstPeriod, Double worstMeasured, Double reportedInWorstPeriod,
      Integer discrepancyPeriodCount, Integer coveredPeriodCount, String coveringDeviationIds) {
    return headline(words, locale, periodGrain, policyId, statement, kpiName, ownerTitle, breachedPeriodCount,
        firstBreachedPeriod, lastBreachedPeriod, worstPeriod, worstMeasured, reportedInWorstPeriod,
        discrepancyPeriodCount, coveredPeriodCount, coveringDeviationIds, "percent", ">=");
  }

  /**
   * The headline as above for a policy on a KPI of any unit: the figures in the KPI's unit
   * ("520 EUR", "24.8%"), and the measured value said to have fallen below a minimum, risen
   * above a maximum ({@code <=}, {@code <}: scrap cost rose to 520 EUR) or missed an exact value.
   */
  public static String headline(ResourceBundle words, Locale locale, String periodGrain, String policyId,
      String statement, String kpiName, String ownerTitle, Integer breachedPeriodCount, String firstBreachedPeriod,
      String lastBreachedPeriod, String worstPeriod, Double worstMeasured, Double reportedInWorstPeriod,
      Integer discrepancyPeriodCount, Integer coveredPeriodCount, String coveringDeviationIds, String unit,
      String comparator) {
    String policy = policy(words, locale, policyId, statement);
    String name = kpiName == null ? "" : kpiName;
    String breached = comparator == null || comparator.startsWith(">") ? "headline.breached"
        : comparator.startsWith("<") ? "headline.breached.rose" : "headline.breached.was";
    StringBuilder s = new StringBuilder(ReportSentences.message(words, locale, breached, policy,
        periods(words, locale, periodGrain, breachedPeriodCount),
        weekRange(words, locale, firstBreachedPeriod, lastBreachedPeriod),
        name, ReportSentences.figure(locale, worstMeasured, unit), worstPeriod, lowerFirst(name)));
    s.append(' ');
    if (reportedInWorstPeriod == null) {
      s.append(ReportSentences.message(words, locale, grainKey("headline.notReported", periodGrain)));
    } else {
      s.append(ReportSentences.message(words, locale, "headline.reported",
          ReportSentences.figure(locale, reportedInWorstPeriod, unit)));
    }
    if (discrepancyPeriodCount != null && discrepancyPeriodCount > 0) {
      s.append(' ').append(ReportSentences.message(words, locale, "headline.discrepancy",
          periods(words, locale, periodGrain, discrepancyPeriodCount)));
    }
    if (coveredPeriodCount != null && coveredPeriodCount > 0) {
      s.append(' ').append(ReportSentences.message(words, locale, "headline.covered",
          periods(words, locale, periodGrain, coveredPeriodCount), coveringDeviationIds == null ? "" : coveringDeviationIds));
    }
    if (ownerTitle != null && !ownerTitle.isBlank()) {
      s.append(' ').append(ReportSentences.message(words, locale, "headline.owner", ownerTitle.strip()));
    }
    return s.toString();
  }

  /**
   * The summary page's headline, one sentence on the worst gap between policy and execution: the
   * policy, the department that breached it and in how many periods, what was measured against
   * the threshold in the worst of them, what the department reported, and who owns the policy,
   * e.g. "Policy POL-INSP-001 (Every critical engine valve is inspected before shipment) was
   * breached by Production in 16 weeks, 2025-W31 to 2025-W46: measured inspection coverage of
   * critical parts fell to 24.8% in 2025-W38 against a threshold of 100.0%, while the department
   * reported 100.0%; owner: Head of Quality." Periods left out under an approved deviation are
   * not counted and not named here (the detailed headline names them).
   */
  public static String summaryHeadline(ResourceBundle words, Locale locale, String periodGrain, String departmentName,
      String policyId, String statement, String kpiName, String ownerTitle, Integer breachedPeriodCount,
      String firstBreachedPeriod, String lastBreachedPeriod, String worstPeriod, Double worstMeasured,
      Double threshold, Double reportedInWorstPeriod, String unit, String comparator) {
    String name = kpiName == null ? "" : kpiName;
    String breached = comparator == null || comparator.startsWith(">") ? "lead.breached"
        : comparator.startsWith("<") ? "lead.breached.rose" : "lead.breached.was";
    StringBuilder s = new StringBuilder(ReportSentences.message(words, locale, breached,
        policy(words, locale, policyId, statement), departmentName == null ? "–" : departmentName,
        periods(words, locale, periodGrain, breachedPeriodCount),
        weekRange(words, locale, firstBreachedPeriod, lastBreachedPeriod),
        ReportSentences.figure(locale, worstMeasured, unit), worstPeriod, ReportSentences.figure(locale, threshold, unit),
        name, lowerFirst(name)));
    s.append(reportedInWorstPeriod == null
        ? ReportSentences.message(words, locale, grainKey("lead.notReported", periodGrain))
        : ReportSentences.message(words, locale, "lead.reported", ReportSentences.figure(locale, reportedInWorstPeriod, unit)));
    if (ownerTitle != null && !ownerTitle.isBlank()) {
      s.append(ReportSentences.message(words, locale, "lead.owner", ownerTitle.strip()));
    }
    return s.append('.').toString();
  }

  /** The sentence that replaces the headline when no policy was breached in the periods of the grain. */
  public static String noBreach(ResourceBundle words, Locale locale, String periodGrain, String firstPeriod,
      String lastPeriod) {
    return nothingIn(words, locale, periodGrain, "headline", firstPeriod, lastPeriod);
  }

  /**
   * The same for one department's drill-down ("Production breached no policy in the weeks
   * 2025-W01 to 2025-W52."); the company's sentence when {@code departmentName} is null.
   */
  public static String noBreach(ResourceBundle words, Locale locale, String periodGrain, String firstPeriod,
      String lastPeriod, String departmentName) {
    if (departmentName == null || firstPeriod == null) {
      return noBreach(words, locale, periodGrain, firstPeriod, lastPeriod);
    }
    return ReportSentences.message(words, locale, grainKey("headline.noneInDepartment", periodGrain), departmentName,
        weekRange(words, locale, firstPeriod, lastPeriod));
  }

  /** The sentence that replaces the table of breached periods when there are none. */
  public static String noBreachedWeeks(ResourceBundle words, Locale locale, String periodGrain, String firstPeriod,
      String lastPeriod) {
    return nothingIn(words, locale, periodGrain, "breachedWeeks", firstPeriod, lastPeriod);
  }

  /** "{prefix}.none" over the periods the data covers, or "{prefix}.noData" when it covers none. */
  private static String nothingIn(ResourceBundle words, Locale locale, String periodGrain, String prefix,
      String firstPeriod, String lastPeriod) {
    if (firstPeriod == null) {
      return ReportSentences.message(words, locale, grainKey(prefix + ".noData", periodGrain));
    }
    return ReportSentences.message(words, locale, grainKey(prefix + ".none", periodGrain),
        weekRange(words, locale, firstPeriod, lastPeriod));
  }

  /**
   * "2025-W01 to 2025-W52" ("2025-W01 bis 2025-W52"), or a single period when both ends are the
   * same; any period labels (2025-07, FY2025-P07) read the same way.
   */
  public static String weekRange(ResourceBundle words, Locale locale, String firstWeek, String lastWeek) {
    if (lastWeek == null || lastWeek.equals(firstWeek)) {
      return String.valueOf(firstWeek);
    }
    return ReportSentences.message(words, locale, "range", firstWeek, lastWeek);
  }

  /** "1 October 2025 to 31 December 2025" ("1. Oktober 2025 bis 31. Dezember 2025"): a period's first and last day. */
  public static String dateRange(ResourceBundle words, Locale locale, java.util.Date first, java.util.Date last) {
    return ReportSentences.message(words, locale, "range", longDate(words, first), longDate(words, last));
  }

  /**
   * A table heading with the unit of its figures on a second line: "Measured\n(%)",
   * "Measured\n(EUR)"; the heading alone for a count, which has no unit to name.
   */
  public static String withUnit(String heading, String unit) {
    if (unit == null || unit.isBlank() || "count".equals(unit)) {
      return heading;
    }
    return heading + "\n(" + (ReportSentences.isPercent(unit) ? "%" : unit) + ")";
  }

  /**
   * A measure's name (kpis.yml: numerator, denominator) as a table heading, since the governance
   * model gives a measure no label of its own: its words, the first capitalised, and a word
   * without a vowel written in capitals as the abbreviation it is, so "produced_units" becomes
   * "Produced\nunits" and "fp_ok_units" "FP\nok units", not "Fp ok units"; empty for none.
   */
  public static String measureHeading(String measure) {
    if (measure == null || measure.isBlank()) {
      return "";
    }
    java.util.List<String> words = new java.util.ArrayList<>();
    for (String word : measure.strip().split("[_\\s]+")) {
      if (!word.isEmpty()) {
        words.add(word.chars().anyMatch(c -> "aeiouäöüAEIOUÄÖÜ".indexOf(c) >= 0) ? word : word.toUpperCase(Locale.ROOT));
      }
    }
    String heading = String.join(" ", words);
    return (Character.toUpperCase(heading.charAt(0)) + heading.substring(1)).replaceFirst(" ", "\n");
  }

  /** "34.7" ("34,7"); a dash when there is no figure. */
  public static String decimal(Locale locale, Double value) {
    return ReportSentences.number(locale, value, 1);
  }

  /** "+65.3" or "-2.0": a difference in points, always with its sign. */
  public static String signedDecimal(Locale locale, Double value) {
    if (value == null) {
      return "–";
    }
    return (value >= 0 ? "+" : "") + ReportSentences.number(locale, value, 1);
  }

  /** "12,480" ("12.480"). */
  public static String count(Locale locale, Long value) {
    return ReportSentences.count(locale, value);
  }

  /** "31 December 2025" ("31. Dezember 2025"): the bundle's {@code format.longDate}. */
  public static String longDate(ResourceBundle words, java.util.Date date) {
    return date == null ? "–" : localDate(date).format(formatter(words, "format.longDate"));
  }

  /** "28 Jul 2025" ("28.07.2025"): the bundle's {@code format.shortDate}. */
  public static String shortDate(ResourceBundle words, java.util.Date date) {
    return date == null ? "–" : localDate(date).format(formatter(words, "format.shortDate"));
  }

  /** "21 November 2026, 06:00 (CET)" ("21. November 2026, 06:00 Uhr (MEZ)"): {@code format.timestamp}. */
  public static String timestamp(ResourceBundle words, ZonedDateTime at) {
    return at == null ? "–" : at.format(formatter(words, "format.timestamp"));
  }

  /** The first 12 characters of a configuration hash, enough to tell versions apart. */
  public static String shortVersion(String configVersion) {
    if (configVersion == null) {
      return "–";
    }
    return configVersion.length() <= 12 ? configVersion : configVersion.substring(0, 12);
  }

  /**
   * Dates are written in the bundle's language (English month names come from plain English, not
   * from a country's variant, whose abbreviations differ: "Sept" in en-GB).
   */
  private static DateTimeFormatter formatter(ResourceBundle words, String key) {
    Locale language = words.getLocale() == null || words.getLocale().getLanguage().isEmpty()
        ? Locale.ENGLISH : words.getLocale();
    return DateTimeFormatter.ofPattern(words.getString(key), language);
  }

  private static LocalDate localDate(java.util.Date date) {
    // A SQL DATE is a calendar day; converting through the time zone could move it by one.
    return date instanceof java.sql.Date sqlDate ? sqlDate.toLocalDate()
        : new java.sql.Date(date.getTime()).toLocalDate();
  }

  /** "16 weeks", "1 month", "3 fiscal periods": a count of periods of the grain. */
  private static String periods(ResourceBundle words, Locale locale, String periodGrain, Integer count) {
    return ReportSentences.message(words, locale, grainKey("headline.periods", periodGrain), count == null ? 0 : count);
  }

  /** "Policy POL-INSP-001 (Every critical part is inspected)", or the id alone when there is no statement. */
  private static String policy(ResourceBundle words, Locale locale, String policyId, String statement) {
    String trimmed = withoutFinalStop(statement);
    return trimmed.isEmpty()
        ? ReportSentences.message(words, locale, "headline.policy", policyId)
        : ReportSentences.message(words, locale, "headline.policyWithStatement", policyId, trimmed);
  }

  private static String withoutFinalStop(String text) {
    String t = text == null ? "" : text.strip();
    return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
  }

  /** "Inspection coverage" → "inspection coverage", but "OEE" stays "OEE" (English sentences only). */
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
