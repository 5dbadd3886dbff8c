package org.plumbline.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.format.DateTimeFormatter;
import org.plumbline.system.Warehouse;

/**
 * For {@code preview}: whether a file's exact bytes are already in the ledger, so that a steward
 * about to re-send a file learns before the run that it would be recorded as a duplicate and add
 * nothing. Read from the warehouse file read-only, which DuckDB allows only while no run holds it.
 */
public final class EarlierLoad {

  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private EarlierLoad() {}

  /** A sentence saying whether, and as which load, the file's bytes were loaded before; null before any run. */
  public static String sentence(Path warehouseFile, Path file) {
    if (!Files.exists(warehouseFile)) {
      return null;
    }
    String hash;
    try {
      hash = InboxFile.of(file).contentHash();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + file + ": " + e.getMessage(), e);
    }
    try (Connection c = Warehouse.readOnly(warehouseFile);
        PreparedStatement s = c.prepareStatement(
            "select load_id, file_name, loaded_at from load_audit where content_hash = ?")) {
      s.setString(1, hash);
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          return "No earlier load holds these exact bytes.";
        }
        return "These exact bytes were loaded before, as load " + r.getLong(1) + " (" + r.getString(2) + ", "
            + MINUTE.format(r.getTimestamp(3).toLocalDateTime()) + " UTC): delivered again, under any name, they"
            + " would be recorded as a duplicate and add nothing, whatever the preview below shows.";
      }
    } catch (SQLException e) {
      return "Whether these bytes were loaded before could not be checked: the warehouse is in use (a run holds it),"
          + " and DuckDB lets no one read it meanwhile. Preview again once the run has ended.";
    }
  }
}
