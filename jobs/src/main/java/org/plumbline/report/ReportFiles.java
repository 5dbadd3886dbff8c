package org.plumbline.report;

/**
 * The outbox names of one as-of date's reports, for the features that pick them up after the
 * report step (delivery, resend): the same names the report step writes.
 */
public final class ReportFiles {

  private ReportFiles() {}

  /** "executive-summary_as-of-2026-01-31.pdf": the company-wide report. */
  public static String summary(String asOf) {
    return ReportTasklet.outboxName(asOf);
  }

  /** "executive-report_PROD_as-of-2026-01-31.pdf": one department head's drill-down. */
  public static String department(String asOf, String departmentCode) {
    return ReportTasklet.departmentName(asOf, departmentCode);
  }

  /** "report-tables_as-of-2026-01-31.xlsx": the report's tables as a workbook. */
  public static String workbook(String asOf) {
    return "report-tables_as-of-" + asOf + ".xlsx";
  }

  /** The as-of date in a report file's name (yyyy-mm-dd), or null if the name carries none. */
  public static String asOfOf(String fileName) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("_as-of-(\\d{4}-\\d{2}-\\d{2})\\.").matcher(fileName);
    return m.find() ? m.group(1) : null;
  }
}
