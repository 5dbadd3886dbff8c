package org.plumbline.erasure;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.plumbline.governance.ConfidentialColumn;
import org.plumbline.governance.ConfidentialColumn.DataKind;
import org.plumbline.system.SqlScript;

/**
 * Erases a person's name from the ledger's raw text (sql/erasure/): the rows as read, the
 * quarantined rows and their reasons, the typed values' texts, the headers, the delivery
 * reasons. Runs inside the caller's transaction, so the ledger is changed and logged together.
 */
final class LedgerErasure {

  /**
   * The ledger tables searched, each with a count_ and an erase_ file in sql/erasure/. Since
   * ledger V6 raw_row and raw_value are views; their files change the tables behind them (the
   * rows loaded since V6, and the earlier loads in raw_row_v1 and raw_value_v2).
   */
  static final List<String> TABLES = List.of("raw_row", "raw_row_v1", "raw_quarantine", "raw_value", "raw_value_v2",
      "raw_sheet", "file_delivery", "report_delivery");

  private final Connection duckdb;

  LedgerErasure(Connection duckdb) {
    this.duckdb = duckdb;
  }

  List<Erased> erase(Person person, List<ConfidentialColumn> marked) throws SQLException {
    SqlScript.execute(duckdb, "sql/erasure/personal_column.sql");
    try (PreparedStatement insert = duckdb.prepareStatement(
        "insert into erasure_personal_column (source_id, column_name) values (?, ?)")) {
      for (ConfidentialColumn column : marked) {
        if (column.kind() == DataKind.PERSONAL) {
          insert.setString(1, column.sourceId());
          insert.setString(2, column.column());
          insert.addBatch();
        }
      }
      insert.executeBatch();
    }
    SqlScript.execute(duckdb, "sql/erasure/personal_position.sql");
    List<Erased> erased = new ArrayList<>();
    for (String table : TABLES) {
      long items;
      long occurrences;
      try (PreparedStatement count = prepare("sql/erasure/count_" + table + ".sql", person)) {
        try (ResultSet r = count.executeQuery()) {
          r.next();
          items = r.getLong(1);
          occurrences = r.getLong(2);
        }
      }
      if (items > 0) {
        try (PreparedStatement update = prepare("sql/erasure/erase_" + table + ".sql", person)) {
          update.executeUpdate();
        }
        erased.add(new Erased("ledger " + table, items, occurrences));
      }
    }
    return erased;
  }

  /**
   * The ledger's file names and paths follow the files renamed on disk (load_audit, deliveries,
   * quarantine, and the version key that rows loaded before ledger V6 repeat, raw_row_v1).
   * Returns the places changed.
   */
  List<Erased> renameFiles(Person person, List<FileRenaming.Renamed> renamed) throws SQLException {
    SqlScript.execute(duckdb, "sql/erasure/renamed_file.sql");
    try (PreparedStatement insert = duckdb.prepareStatement(
        "insert into erasure_renamed_file (from_path, to_path) values (?, ?)")) {
      for (FileRenaming.Renamed file : renamed) {
        insert.setString(1, file.from());
        insert.setString(2, file.to());
        insert.addBatch();
      }
      insert.executeBatch();
    }
    List<Erased> erased = new ArrayList<>();
    for (String table : RENAMED_TABLES) {
      try (PreparedStatement update = prepare("sql/erasure/rename_" + table + ".sql", person)) {
        long rows = update.executeUpdate();
        if (rows > 0) {
          erased.add(new Erased("ledger " + table + " file names", rows, rows));
        }
      }
    }
    return erased;
  }

  /** The ledger tables that hold file names or paths, each with a rename_ file in sql/erasure/. */
  static final List<String> RENAMED_TABLES = List.of("load_audit", "file_delivery", "raw_quarantine", "raw_row_v1");

  /** Appends the erasure and its places to the log; returns the erasure's id. */
  long log(Person person, String requestedBy, String reason, List<Erased> places) throws SQLException {
    long erasureId;
    try (PreparedStatement insert = duckdb.prepareStatement(SqlScript.text("sql/erasure/insert_log.sql"))) {
      insert.setString(1, requestedBy);
      insert.setString(2, reason);
      insert.setString(3, person.sha256());
      insert.setLong(4, places.stream().mapToLong(Erased::occurrences).sum());
      try (ResultSet r = insert.executeQuery()) {
        r.next();
        erasureId = r.getLong(1);
      }
    }
    try (PreparedStatement insert = duckdb.prepareStatement(SqlScript.text("sql/erasure/insert_log_person.sql"))) {
      for (String sha256 : person.sha256s()) {
        insert.setLong(1, erasureId);
        insert.setString(2, sha256);
        insert.addBatch();
      }
      insert.executeBatch();
    }
    try (PreparedStatement insert = duckdb.prepareStatement(SqlScript.text("sql/erasure/insert_log_place.sql"))) {
      for (Erased place : places) {
        insert.setLong(1, erasureId);
        insert.setString(2, place.place());
        insert.setLong(3, place.items());
        insert.setLong(4, place.occurrences());
        insert.addBatch();
      }
      insert.executeBatch();
    }
    return erasureId;
  }

  /** Records whether the final search found the name nowhere (ledger V9). */
  void verified(long erasureId, boolean verified) throws SQLException {
    try (PreparedStatement update = duckdb.prepareStatement(SqlScript.text("sql/erasure/update_log_verified.sql"))) {
      update.setBoolean(1, verified);
      update.setLong(2, erasureId);
      update.executeUpdate();
    }
  }

  private PreparedStatement prepare(String resource, Person person) throws SQLException {
    PreparedStatement statement = duckdb.prepareStatement(SqlScript.text(resource));
    statement.setString(1, person.re2Pattern());
    return statement;
  }
}
