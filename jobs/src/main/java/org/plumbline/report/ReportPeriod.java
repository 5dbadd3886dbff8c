package org.plumbline.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import org.plumbline.report.ReportRenderer.ReportException;

/**
 * The reporting period a report covers: the last complete week, month or quarter before the
 * as-of date, and the one before it (what "since the last period" compares with), as the
 * warehouse worked them out ({@code sql/reports/rpt_report_period.sql}): by the calendar, or by
 * the fiscal calendar where the company compares fiscal periods. Read from there rather than
 * computed here, so the title and the "what changed" pages cannot disagree.
 */
public record ReportPeriod(String kind, LocalDate start, LocalDate end, LocalDate previousStart, String label,
    String previousLabel) {

  /** The period of {@code kind} (week, month or quarter) in the warehouse's rpt_report_period. */
  static ReportPeriod read(Connection warehouse, String kind) {
    try (PreparedStatement query = warehouse.prepareStatement("select period_start, period_end, previous_start,"
        + " period_label, previous_label from rpt_report_period where period_kind = ?")) {
      query.setString(1, kind);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          throw new ReportException("The warehouse has no reporting period '" + kind + "' (rpt_report_period):"
              + " plumbline.report.period must be week, month or quarter.", null);
        }
        return new ReportPeriod(kind, row.getObject(1, LocalDate.class), row.getObject(2, LocalDate.class),
            row.getObject(3, LocalDate.class), row.getString(4), row.getString(5));
      }
    } catch (SQLException e) {
      throw new ReportException("Could not read the reporting period from the warehouse (rpt_report_period): "
          + e.getMessage(), e);
    }
  }
}
