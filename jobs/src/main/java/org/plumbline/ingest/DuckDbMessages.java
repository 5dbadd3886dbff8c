package org.plumbline.ingest;

import java.sql.SQLException;

/** Makes a DuckDB error readable for an operator: its first line, without the Java trace. */
final class DuckDbMessages {

  private DuckDbMessages() {}

  static String firstLine(SQLException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline).strip();
  }
}
