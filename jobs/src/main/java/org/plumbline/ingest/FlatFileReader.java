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
import org.plumbline.operations.PlainWords;
import org.plumbline.system.SqlScript;

/**
 * Parquet, read by DuckDB's own engine (set-based, no row passes through Java): the script
 * materialises the file as text columns, then one statement numbers the records and collects
 * their fields. (JSON has its own reader, JsonFileReader; CSV shares recordHeader.)
 */
final class FlatFileReader implements SourceFileReader {

  @Override
  public void read(Connection connection, Path file, Source source) throws SQLException, FileRejectedException {
    String path = file.toAbsolutePath().toString();
    try {
      runWithPath(connection, "sql/ingest/read_parquet.sql", path);
    } catch (SQLException e) {
      throw new FileRejectedException("DuckDB could not read it as " + source.format().name() + " for source '"
          + source.id() + "': " + PlainWords.firstLineOf(e), e);
    }
    requireFooterRowCount(connection, path);
    ParquetPageCheck.requireDeclaredValues(connection, file);
    recordHeader(connection, 0);
    try (PreparedStatement rows = connection.prepareStatement(SqlScript.text("sql/ingest/flat_to_rows.sql"))) {
      rows.executeUpdate();
    }
  }

  private static void requireFooterRowCount(Connection connection, String path)
      throws SQLException, FileRejectedException {
    long declared;
    try (PreparedStatement s = connection.prepareStatement(SqlScript.text("sql/ingest/parquet_footer_rows.sql"))) {
      s.setString(1, path);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        declared = r.getLong(1);
      }
    } catch (SQLException e) {
      throw new FileRejectedException("DuckDB could not read its Parquet footer: " + PlainWords.firstLineOf(e), e);
    }
    long read;
    try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("select count(*) from incoming_flat")) {
      r.next();
      read = r.getLong(1);
    }
    // Fewer rows than declared is a loss; more happens with writers that leave the file-level
    // count at 0 (the corpus has a valid one), and loses nothing.
    if (read < declared) {
      throw new FileRejectedException("Its footer says it holds " + declared + " rows, but only " + read
          + " could be read: the file is corrupt (a damaged page), and loading it would lose rows. Ask for the"
          + " export to be written again.");
    }
  }

  /** The flat file's columns as its one sheet's header; {@code line} is 0 where there is none. */
  static void recordHeader(Connection connection, int line) throws SQLException {
    try (PreparedStatement sheet = connection.prepareStatement("insert into incoming_sheet (sheet_name, header_row, column_names) values ('', ?, ?)")) {
      sheet.setInt(1, line);
      sheet.setArray(2, connection.createArrayOf("VARCHAR", flatColumns(connection).toArray()));
      sheet.executeUpdate();
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
        names.add(HeaderCheck.trimmed(r.getString(1)));
      }
    }
    return names;
  }

  /**
   * DuckDB names encodings utf-8, utf-16 and latin-1; Windows-1252 is Latin-1 to it (a file that
   * uses the bytes where they differ is read from a UTF-8 copy: CsvCopy).
   */
  static String duckDbEncoding(String encoding) {
    if (encoding == null) {
      return "utf-8";
    }
    String e = encoding.toLowerCase().replace("_", "-");
    return switch (e) {
      case "utf8", "utf-8" -> "utf-8";
      case "utf16", "utf-16" -> "utf-16";
      case "latin1", "latin-1", "iso-8859-1", "iso8859-1", "windows-1252", "cp1252" -> "latin-1";
      default -> e;
    };
  }
}
