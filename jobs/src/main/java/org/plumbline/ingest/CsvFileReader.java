package org.plumbline.ingest;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.duckdb.DuckDBConnection;
import org.plumbline.governance.Source;
import org.plumbline.operations.PlainWords;
import org.plumbline.system.SqlScript;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CSV and TSV, read set-based by DuckDB with the dialect from sources.yml; lines that do not
 * split into the header's fields are kept as quarantined rows. A Java pass
 * ({@link CsvLineScanner}) supplies the editor's line numbers and an independent record
 * count: if DuckDB accounted for fewer records than the file holds, the file is rejected
 * rather than loaded short.
 */
final class CsvFileReader implements SourceFileReader {

  private static final Logger LOG = LoggerFactory.getLogger(CsvFileReader.class);

  @Override
  public void read(Connection connection, Path file, Source source) throws SQLException, FileRejectedException {
    Source.CsvDialect csv = source.csv();
    Charset charset;
    CsvLineScanner.Result scanned;
    int headerLine;
    List<String> header;
    try {
      if (Files.size(file) == 0) {
        throw new FileRejectedException("It is empty (0 bytes): a CSV export holds at least its header line. Ask"
            + " for it to be exported again.");
      }
      charset = CsvCharset.of(file, csv.encoding());
      headerLine = source.headerAutoDetected() ? CsvHeaderFinder.find(file, source, charset) : source.headerRow();
      // DuckDB renames a second "Menge" to "Menge_1", so the header is checked as the file writes it.
      header = CsvHeaderFinder.fieldsOfLine(file, csv, charset, headerLine);
      HeaderCheck.requireUnique(header, source.columnsRead(), "line " + headerLine, source);
      scanned = CsvLineScanner.scan(connection.unwrap(DuckDBConnection.class), file, charset, headerLine,
          csv.delimiter().charAt(0), csv.escape().charAt(0));
    } catch (IOException e) {
      throw new FileRejectedException("It could not be read: " + e.getMessage(), e);
    }
    if (scanned.unclosedQuoteLine() > 0) {
      throw new FileRejectedException("The quote that opens a field on line " + scanned.unclosedQuoteLine()
          + " is never closed, so the rest of the file would be that one field. Close it; or, if the quote is"
          + " part of the text, quote the whole field and double the quotes in it (\"Ventil 1/2\"\" DN15\").");
    }
    if (scanned.utf8Line() > 0) {
      throw new FileRejectedException("It is written in UTF-8, not in " + csv.encoding() + " as its source declares:"
          + " its letters beyond ASCII, the first on line " + scanned.utf8Line() + ", are UTF-8 characters, which "
          + csv.encoding() + " would read as others (\"Ã¤\" for \"ä\"). Set the source's csv encoding to UTF-8.");
    }
    try {
      if (scanned.mixedLineEndings() || scanned.windowsBytes() || charset.equals(StandardCharsets.UTF_16BE)) {
        readFromCopy(connection, file, source, charset, headerLine);
      } else {
        readCsv(connection, file, "sql/ingest/read_csv.sql", FlatFileReader.duckDbEncoding(csv.encoding()), file,
            source, headerLine);
      }
    } catch (FileRejectedException e) {
      if (scanned.textAfterClosingQuoteLine() == 0) {
        throw e;
      }
      // DuckDB's strict reading gives up on the whole file, saying only that it could not sniff it.
      throw new FileRejectedException(e.getMessage() + " Line " + scanned.textAfterClosingQuoteLine() + " has text"
          + " after a quoted part of a field (\"Zitat\" danach), which DuckDB's reader does not take: quote the"
          + " whole field and double the quotes in it (\"\"\"Zitat\"\" danach\").", e.getCause());
    }
    FlatFileReader.recordHeader(connection, headerLine);
    if (source.shape() == Source.Shape.PERIODS_ACROSS) {
      namePeriodsAsWritten(connection, header);
    }
    if (!contiguousRowIds(connection)) {
      // Both numberings take a record's position from its rowid; DuckDB gives a new table's rows
      // consecutive ones in insertion order. Should that ever change, stop rather than misnumber.
      throw new IllegalStateException("DuckDB numbered the records of " + file.getFileName() + " with gaps, so"
          + " their lines cannot be told; this is a defect in Plumbline (sql/ingest/csv_to_rows.sql).");
    }
    if (scanned.plainNumbering() && !anyRejected(connection)) {
      // Every record is one line and none was rejected: line = header line + record ordinal.
      SqlScript.execute(connection, "sql/ingest/csv_to_rows_plain.sql");
    } else {
      SqlScript.execute(connection, "sql/ingest/csv_to_rows.sql");
    }
    long read = count(connection);
    if (read != scanned.records()) {
      throw new FileRejectedException("The file has " + scanned.records() + " records after the header (line "
          + headerLine + "), but the CSV reader accounted for " + read + "; loading it would lose rows. Check the"
          + " delimiter \"" + csv.delimiter() + "\", quotes that are never closed, and the header_row of source '"
          + source.id() + "'.");
    }
  }

  /**
   * A file DuckDB's reader cannot take as it is (lines ending in several ways, big-endian UTF-16,
   * Windows-1252 beyond Latin-1) is read from a UTF-8 copy with LF record ends ({@link CsvCopy}):
   * every line keeps its number, every field its text. The copy is removed once read.
   */
  private static void readFromCopy(Connection connection, Path file, Source source, Charset charset, int headerLine)
      throws SQLException, FileRejectedException {
    Path copy = null;
    try {
      copy = Files.createTempFile(spillFolder(connection), "plumbline-csv-", ".csv");
      CsvCopy.write(file, copy, charset, source.csv().delimiter().charAt(0), source.csv().escape().charAt(0));
      readCsv(connection, copy, "sql/ingest/read_csv_lf.sql", "utf-8", file, source, headerLine);
    } catch (IOException e) {
      throw new FileRejectedException("The copy in UTF-8 with one kind of line ending that DuckDB's reader needs for"
          + " it could not be written: " + e.getMessage(), e);
    } finally {
      deleteQuietly(copy);
    }
  }

  /**
   * Where the copy goes: where DuckDB spills what does not fit in memory (by default beside the
   * warehouse, {@code warehouse.duckdb.tmp}), a disk sized for the warehouse's work rather than a
   * small {@code /tmp}; the JVM's temporary folder only for a warehouse that spills nowhere.
   */
  private static Path spillFolder(Connection connection) throws SQLException, IOException {
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery("select current_setting('temp_directory')")) {
      r.next();
      String folder = r.getString(1);
      if (folder == null || folder.isBlank()) {
        return Path.of(System.getProperty("java.io.tmpdir"));
      }
      return Files.createDirectories(Path.of(folder));
    }
  }

  /** Reads {@code read} (the delivered file, or its copy) into incoming_flat; errors name {@code delivered}. */
  private static void readCsv(Connection connection, Path read, String script, String encoding, Path delivered,
      Source source, int headerLine) throws SQLException, FileRejectedException {
    Source.CsvDialect csv = source.csv();
    String path = read.toAbsolutePath().toString();
    try (PreparedStatement statement = connection.prepareStatement(SqlScript.text(script))) {
      statement.setString(1, path);
      statement.setInt(2, headerLine - 1);
      statement.setString(3, csv.delimiter());
      statement.setString(4, encoding);
      statement.setString(5, csv.escape());
      statement.execute();
    } catch (SQLException e) {
      throw new FileRejectedException("DuckDB could not read it as CSV with the dialect of source '" + source.id()
          + "' (delimiter \"" + csv.delimiter() + "\", escape " + csv.escape() + ", encoding " + csv.encoding() + "): "
          + PlainWords.firstLineOf(e).replace(path, delivered.getFileName().toString()), e);
    }
  }

  private static void deleteQuietly(Path copy) {
    if (copy == null) {
      return;
    }
    try {
      Files.deleteIfExists(copy);
    } catch (IOException e) {
      // a temporary copy left behind loses nothing; say so, but the load's outcome stands
      LOG.warn("The temporary copy {} could not be removed: {}", copy, e.getMessage());
    }
  }

  private static boolean anyRejected(Connection connection) throws SQLException {
    return ask(connection, "select exists (select 1 from incoming_csv_reject)");
  }

  /**
   * DuckDB names a header's second "Jan 2025" "Jan 2025_1", which is no period: its column would be
   * left out without a word. For a table with periods across its columns, each renamed header gets
   * back the text the file writes, so that HeaderCheck sees the period twice and rejects the file.
   */
  private static void namePeriodsAsWritten(Connection connection, List<String> header) throws SQLException {
    try (PreparedStatement s = connection.prepareStatement("update incoming_sheet set column_names ="
        + " list_transform(column_names, lambda name, i: case when i <= len(?::varchar[])"
        + " and starts_with(name, (?::varchar[])[i] || '_') then (?::varchar[])[i] else name end)"
        + " where sheet_name = ''")) {
      java.sql.Array written = connection.createArrayOf("VARCHAR", header.toArray());
      s.setArray(1, written);
      s.setArray(2, written);
      s.setArray(3, written);
      s.executeUpdate();
    }
  }

  /** Both numberings rely on rowid counting the records without gaps; checked, not assumed. */
  private static boolean contiguousRowIds(Connection connection) throws SQLException {
    return ask(connection, "select coalesce(max(rowid) - min(rowid) + 1 = count(*), true) from incoming_flat");
  }

  private static boolean ask(Connection connection, String sql) throws SQLException {
    try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getBoolean(1);
    }
  }

  private static long count(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("select count(*) from incoming_row")) {
      r.next();
      return r.getLong(1);
    }
  }
}
