package org.plumbline.delivery;

import java.nio.file.Path;

/**
 * One e-mail to send: one report file to one recipient, on behalf of a distribution list (or
 * of an address given to {@code plumbline resend}, then {@code list} is null).
 *
 * @param runId the nightly run whose report it is, null when unknown
 * @param asOf the report's as-of date (yyyy-mm-dd), null when its name carries none
 * @param department the department code of a drill-down, null for the summary
 */
public record ReportMail(Long runId, String asOf, Path report, String department, String list, String recipient) {

  public String reportFile() {
    return report.getFileName().toString();
  }
}
