package org.plumbline.reconcile;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.plumbline.governance.GovernanceModel;
import org.plumbline.system.SqlScript;

/**
 * The part of a reconciliation that outlives the rebuild: the run, its findings and the
 * governance files of its config version, appended to the ledger's findings history (V3).
 */
final class FindingHistory {

  static final String RECORD_RUN = "sql/history/record_run.sql";

  private FindingHistory() {}

  static long nextRunId(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("select nextval('reconcile_run_seq')")) {
      r.next();
      return r.getLong(1);
    }
  }

  /** Appends the run and its findings; keeps the files of a config version the first time a run uses it. */
  static void record(Connection connection, GovernanceModel model) throws SQLException {
    SqlScript.execute(connection, RECORD_RUN);
    try (PreparedStatement s = connection.prepareStatement("insert into config_version_history"
        + " select ?, ?, ?, current_timestamp, (select run_id from run_context)"
        + " where not exists (select 1 from config_version_history where config_version = ? and file_name = ?)")) {
      for (GovernanceModel.ConfigFile file : model.files()) {
        s.setString(1, model.configVersion());
        s.setString(2, file.name());
        s.setString(3, file.text());
        s.setString(4, model.configVersion());
        s.setString(5, file.name());
        s.addBatch();
      }
      s.executeBatch();
    }
  }
}
