package org.plumbline.report;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;
import org.plumbline.system.PlumblineHome;
import org.plumbline.system.Warehouse;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Renders the executive summary PDF for the run's as-of date into the outbox. */
public final class ReportTasklet implements Tasklet {

  private final PlumblineHome home;
  private final Warehouse warehouse;
  private final ReportRenderer renderer;
  private final Clock clock;
  private final java.util.Locale locale;
  private final String period;

  /** The company-wide report in English over the last complete quarter. */
  public ReportTasklet(PlumblineHome home, Warehouse warehouse, ReportRenderer renderer, Clock clock) {
    this(home, warehouse, renderer, clock, java.util.Locale.UK, "quarter");
  }

  /** Reports in {@code locale} over the last complete {@code period} (week, month or quarter). */
  public ReportTasklet(PlumblineHome home, Warehouse warehouse, ReportRenderer renderer, Clock clock,
      java.util.Locale locale, String period) {
    this.home = home;
    this.warehouse = warehouse;
    this.renderer = renderer;
    this.clock = clock;
    this.locale = locale;
    this.period = period;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
    // The as-of date, or a re-issue's label: a re-issue never replaces what was issued.
    String label = ReportFiles.label(contribution);
    Path pdf = home.outbox().resolve(outboxName(label));
    ZonedDateTime now = ZonedDateTime.now(clock);
    ReportOptions company = ReportOptions.of(locale, period)
        .withQuarantineCsv(ReportCsvExport.quarantineName(label));
    // The full lists first, so that the PDF never names a CSV file that is not there.
    int written = ReportCsvExport.write(warehouse.connection(), home.outbox(), label, locale);
    // One drill-down per department head, with only that department's findings.
    try (java.sql.Statement query = warehouse.connection().createStatement();
        java.sql.ResultSet departments = query.executeQuery(
            "select department_code, department_name from dim_department order by department_code")) {
      while (departments.next()) {
        String code = departments.getString(1);
        renderer.render(warehouse.connection(), home.outbox().resolve(departmentName(label, code)), now,
            company.forDepartment(code, departments.getString(2)));
        written++;
      }
    }
    // The company-wide report last: it is then the newest file, which the console lists first.
    renderer.render(warehouse.connection(), pdf, now, company);
    written++;
    contribution.getStepExecution().getExecutionContext().putString("report", pdf.toString());
    contribution.incrementWriteCount(written);
    return RepeatStatus.FINISHED;
  }

  /** "executive-report_PROD_as-of-2026-01-31.pdf": the same department and date name the same file. */
  static String departmentName(String asOf, String departmentCode) {
    return "executive-report_" + departmentCode + "_as-of-" + asOf + ".pdf";
  }

  /** Stable and meaningful: the same as-of date always names the same file. */
  static String outboxName(String asOf) {
    return "executive-summary_as-of-" + asOf + ".pdf";
  }
}
