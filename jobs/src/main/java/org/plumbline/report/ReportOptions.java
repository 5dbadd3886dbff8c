package org.plumbline.report;

import java.time.LocalDate;
import java.util.Locale;

/**
 * What one rendering is for: the language and number format, the reporting period, the
 * department (null for the whole company) and how much of long lists the PDF prints itself.
 */
public record ReportOptions(Locale locale, ReportPeriod period, String department, String departmentName,
    int topGaps, int quarantineRows, String quarantineCsvName) {

  /** The company-wide report in English for the last complete quarter before {@code asOf}. */
  public static ReportOptions defaults(LocalDate asOf) {
    return new ReportOptions(Locale.UK, ReportPeriod.lastCompleteBefore("quarter", asOf), null, null, 5, 10,
        "quarantine.csv");
  }

  /** The company-wide report in {@code locale} for the last complete {@code period} (week, month, quarter). */
  public static ReportOptions of(Locale locale, String period, LocalDate asOf) {
    return defaults(asOf).inLocale(locale).forPeriod(ReportPeriod.lastCompleteBefore(period, asOf));
  }

  /** The same report over another period. */
  public ReportOptions forPeriod(ReportPeriod other) {
    return new ReportOptions(locale, other, department, departmentName, topGaps, quarantineRows, quarantineCsvName);
  }

  /** The same report, naming {@code csvName} as the file that holds the whole quarantine list. */
  public ReportOptions withQuarantineCsv(String csvName) {
    return new ReportOptions(locale, period, department, departmentName, topGaps, quarantineRows, csvName);
  }

  /** The same report for one department only. */
  public ReportOptions forDepartment(String code, String name) {
    return new ReportOptions(locale, period, code, name, topGaps, quarantineRows, quarantineCsvName);
  }

  /** The same report in another language and number format. */
  public ReportOptions inLocale(Locale other) {
    return new ReportOptions(other, period, department, departmentName, topGaps, quarantineRows, quarantineCsvName);
  }
}
