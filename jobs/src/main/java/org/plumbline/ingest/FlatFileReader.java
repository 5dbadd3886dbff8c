package org.plumbline.ingest;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.plumbline.governance.Source;
import org.plumbline.system.SqlScript;

/**
 * CSV, JSON and Parquet, read by DuckDB's own engine (set-based, no row passes through Java):
 * the format's script materialises the file as text columns, then one statement numbers the
 * records and collects their fields.
 */
final class FlatFileReader implements SourceFileReader {

  @Override
  public void read(Connection connection, Path file, Source source) throws SQLException, FileRejectedException {
    int headerRow = readIntoFlatTable(connection, file, source);
    List<String> columns = flatColumns(connection);
    try (PreparedStatement sheet = connection.prepareStatement(
        "insert into incoming_sheet values ('', ?, ?)")) {
      sheet.setInt(1, headerRow);
      sheet.setArray(2, connection.createArrayOf("VARCHAR", columns.toArray()));
      sheet.executeUpdate();
    }
    try (PreparedStatement rows = connection.prepareStatement(SqlScript.text("sql/ingest/flat_to_rows.sql"))) {
      rows.setInt(1, headerRow);
      rows.executeUpdate();
    }
  }

  /** Returns the line of the header, 0 for formats without one. */
  private static int readIntoFlatTable(Connection connection, Path file, Source source)
      throws SQLException, FileRejectedException {
    String path = file.toAbsolutePath().toString();
    try {
      switch (source.format()) {
        case CSV -> {
          Source.CsvDialect csv = source.csv();
          try (PreparedStatement read = connection.prepareStatement(SqlScript.text("sql/ingest/read_csv.sql"))) {
            read.setString(1, path);
            read.setInt(2, source.headerRow() - 1);
            read.setString(3, csv.delimiter());
            read.setString(4, duckDbEncoding(csv.encoding()));
            read.execute();
          }
          return source.headerRow();
        }
        case PARQUET -> {
          runWithPath(connection, "sql/ingest/read_parquet.sql", path);
          return 0;
        }
        case JSON -> {
          runWithPath(connection, "sql/ingest/read_json.sql", path);
          return 0;
        }
        default -> throw new IllegalArgumentException(source.format() + " is not a flat format");
      }
    } catch (SQLException e) {
      throw new FileRejectedException(
          "DuckDB could not read it as " + source.format().name() + " for source '" + source.id() + "': "
              + DuckDbMessages.firstLine(e),
          e);
    }
  }

  private static void runWithPath(Connection connection, String script, String path) throws SQLException {
    try (PreparedStatement read = connection.prepareStatement(SqlScript.text(script))) {
      read.setString(1, path);
      read.execute();
    }
  }

  private static List<String> flatColumns(Connection connection) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery("select column_name from (describe incoming_flat)")) {
      while (r.next()) {
        names.add(r.getString(1));
      }
    }
    return names;
  }

  /** DuckDB names encodings utf-8, utf-16 and latin-1. */
  static String duckDbEncoding(String encoding) {
    if (encoding == null) {
      return "utf-8";
    }
    String e = encoding.toLowerCase().replace("_", "-");
    return switch (e) {
      case "utf8", "utf-8" -> "utf-8";
      case "utf16", "utf-16" -> "utf-16";
      case "latin1", "latin-1", "iso-8859-1", "iso8859-1" -> "latin-1";
      default -> e;
    };
  }
}
