package org.plumbline.report;

import java.util.Locale;

/**
 * What one rendering is for: the language and number format, the kind of reporting period
 * (week, month or quarter: which one is the warehouse's {@link ReportPeriod}), the department
 * (null for the whole company) and how much of long lists the PDF prints itself.
 */
public record ReportOptions(Locale locale, String periodKind, String department, String departmentName,
    int topGaps, int quarantineRows, String quarantineCsvName) {

  /** The company-wide report in English for the last complete quarter before the as-of date. */
  public static ReportOptions defaults() {
    return new ReportOptions(Locale.UK, "quarter", null, null, 5, 10, "quarantine.csv");
  }

  /** The company-wide report in {@code locale} for the last complete {@code periodKind} (week, month, quarter). */
  public static ReportOptions of(Locale locale, String periodKind) {
    return defaults().inLocale(locale).forPeriod(periodKind);
  }

  /** The same report over another kind of period. */
  public ReportOptions forPeriod(String otherKind) {
    return new ReportOptions(locale, otherKind, department, departmentName, topGaps, quarantineRows,
        quarantineCsvName);
  }

  /** The same report, naming {@code csvName} as the file that holds the whole quarantine list. */
  public ReportOptions withQuarantineCsv(String csvName) {
    return new ReportOptions(locale, periodKind, department, departmentName, topGaps, quarantineRows, csvName);
  }

  /** The same report for one department only. */
  public ReportOptions forDepartment(String code, String name) {
    return new ReportOptions(locale, periodKind, code, name, topGaps, quarantineRows, quarantineCsvName);
  }

  /** The same report in another language and number format. */
  public ReportOptions inLocale(Locale other) {
    return new ReportOptions(other, periodKind, department, departmentName, topGaps, quarantineRows, quarantineCsvName);
  }
}
