package org.plumbline.report;

import org.plumbline.reconcile.Reissue;
import org.springframework.batch.core.step.StepContribution;

/**
 * The outbox names of one as-of date's reports, for the features that pick them up after the
 * report step (delivery, resend): the same names the report step writes.
 */
public final class ReportFiles {

  private ReportFiles() {}

  /**
   * What stands for the as-of date in the names of a run's outbox files: the date, or for a
   * re-issue of a past report its own label ({@link Reissue#outboxLabel()}), so that it never
   * replaces the report issued for that date.
   */
  public static String label(StepContribution contribution) {
    return Reissue.of(contribution).map(Reissue::outboxLabel)
        .orElse(contribution.getStepExecution().getJobParameters().getString("asOf"));
  }

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

  /** The as-of date in a report file's name (yyyy-mm-dd, also a re-issue's), or null if the name carries none. */
  public static String asOfOf(String fileName) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("_as-of-(\\d{4}-\\d{2}-\\d{2})[._]").matcher(fileName);
    return m.find() ? m.group(1) : null;
  }
}
