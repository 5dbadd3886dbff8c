package org.plumbline.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.plumbline.system.SqlScript;

/** The ledger's {@code report_delivery} table (V8): every delivery's outcome, append-only. */
final class DeliveryLedger {

  /** A delivery whose latest attempt failed. */
  record Failed(String reportFile, String asOf, String list, String recipient, String reason) {}

  private final Connection duckdb;

  DeliveryLedger(Connection duckdb) {
    this.duckdb = duckdb;
  }

  void record(Outcome outcome, String requestedBy) {
    ReportMail mail = outcome.mail();
    try (PreparedStatement insert = duckdb.prepareStatement(SqlScript.text("sql/delivery/record_delivery.sql"))) {
      if (mail.runId() == null) {
        insert.setNull(1, Types.BIGINT);
      } else {
        insert.setLong(1, mail.runId());
      }
      if (mail.asOf() == null) {
        insert.setNull(2, Types.DATE);
      } else {
        insert.setDate(2, java.sql.Date.valueOf(mail.asOf()));
      }
      insert.setString(3, mail.reportFile());
      insert.setString(4, outcome.reportSha256());
      insert.setString(5, mail.list());
      insert.setString(6, mail.recipient());
      insert.setString(7, outcome.sent() ? "sent" : "failed");
      insert.setInt(8, outcome.attempts());
      insert.setString(9, outcome.reason());
      insert.setTimestamp(10, Timestamp.valueOf(outcome.firstAttemptAt()));
      insert.setTimestamp(11, Timestamp.valueOf(outcome.finishedAt()));
      insert.setString(12, requestedBy);
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not record the delivery of " + mail.reportFile() + " to "
          + mail.recipient() + " in the warehouse: " + e.getMessage(), e);
    }
  }

  /** Whether exactly these bytes of the report already reached the recipient. */
  boolean sentBefore(String reportFile, String sha256, String recipient) {
    try (PreparedStatement query = duckdb.prepareStatement(SqlScript.text("sql/delivery/sent_before.sql"))) {
      query.setString(1, reportFile);
      query.setString(2, sha256);
      query.setString(3, recipient);
      try (ResultSet r = query.executeQuery()) {
        return r.next() && r.getBoolean(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the delivery records: " + e.getMessage(), e);
    }
  }

  List<Failed> failed(long runId) {
    List<Failed> failed = new ArrayList<>();
    try (PreparedStatement query = duckdb.prepareStatement(SqlScript.text("sql/delivery/failed_deliveries.sql"))) {
      query.setLong(1, runId);
      try (ResultSet r = query.executeQuery()) {
        while (r.next()) {
          java.sql.Date asOf = r.getDate(2);
          failed.add(new Failed(r.getString(1), asOf == null ? null : asOf.toLocalDate().toString(), r.getString(3),
              r.getString(4), r.getString(5)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the delivery records: " + e.getMessage(), e);
    }
    return failed;
  }

  long count(long runId) {
    try (PreparedStatement query = duckdb.prepareStatement(SqlScript.text("sql/delivery/run_delivery_count.sql"))) {
      query.setLong(1, runId);
      try (ResultSet r = query.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the delivery records: " + e.getMessage(), e);
    }
  }
}
