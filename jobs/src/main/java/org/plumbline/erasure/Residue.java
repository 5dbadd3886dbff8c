package org.plumbline.erasure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.plumbline.system.SqlScript;

/**
 * Looks for a person's name wherever Plumbline keeps data: every table of a DuckDB database
 * (any column, as text) and every file under the home folder, each read the way its format
 * stores text (DuckDB files through DuckDB, Parquet through DuckDB's reader, XLSX unzipped,
 * other files as text in their encoding). Used to count what an erasure will find in the
 * published snapshots and to prove afterwards that nothing is left.
 */
final class Residue {

  private final Connection duckdb;
  private final Person person;

  Residue(Connection duckdb, Person person) {
    this.duckdb = duckdb;
    this.person = person;
  }

  /** Rows mentioning the name in every table of the attached database {@code database}. */
  long inDatabase(String database) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (PreparedStatement list = duckdb.prepareStatement(SqlScript.text("sql/erasure/relations.sql"))) {
      list.setString(1, database);
      try (ResultSet r = list.executeQuery()) {
        while (r.next()) {
          tables.add(r.getString(1));
        }
      }
    }
    long rows = 0;
    try (PreparedStatement count = duckdb.prepareStatement(SqlScript.text("sql/erasure/count_in_relation.sql"))) {
      for (String table : tables) {
        count.setString(1, table);
        count.setString(2, person.re2Pattern());
        try (ResultSet r = count.executeQuery()) {
          r.next();
          rows += r.getLong(1);
        }
      }
    }
    return rows;
  }

  /** Rows mentioning the name in a DuckDB file other than the one this connection holds. */
  long inDatabaseFile(Path file) throws SQLException {
    try (Statement s = duckdb.createStatement()) {
      // ATTACH takes no bound parameter for its path; the path is quoted as a literal.
      s.execute("attach '" + file.toString().replace("'", "''") + "' as erasure_check (read_only)");
      try {
        return inDatabase("erasure_check");
      } finally {
        s.execute("detach erasure_check");
      }
    }
  }

  /** Occurrences of the name in one file that is not a DuckDB database. */
  long inFile(Path file) throws IOException, SQLException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".parquet")) {
      try (PreparedStatement count = duckdb.prepareStatement(SqlScript.text("sql/erasure/count_in_parquet.sql"))) {
        count.setString(1, file.toString());
        count.setString(2, person.re2Pattern());
        try (ResultSet r = count.executeQuery()) {
          r.next();
          return r.getLong(1);
        }
      }
    }
    if (name.endsWith(".pdf")) {
      return count(PdfText.of(file), person.inText());
    }
    if (name.endsWith(".xlsx") || name.endsWith(".xlsm")) {
      long found = 0;
      try (ZipFile zip = new ZipFile(file.toFile())) {
        for (ZipEntry entry : Collections.list(zip.entries())) {
          try (InputStream part = zip.getInputStream(entry)) {
            found += count(new String(part.readAllBytes(), StandardCharsets.UTF_8), person.xml());
          }
        }
      }
      return found;
    }
    byte[] bytes = Files.readAllBytes(file);
    String text = new String(bytes, FileErasure.charsetOf(bytes));
    return count(text, person.inText()); // the name as written, or with JSON's \\u escapes
  }

  /** Every place under the home folder's {@code root} still holding the name, with how often. */
  List<Erased> underHome(Path root, Path workingFile) throws IOException, SQLException {
    List<Erased> found = new ArrayList<>();
    long inWarehouse = inDatabase("plumbline");
    if (inWarehouse > 0) {
      found.add(new Erased("warehouse tables", inWarehouse, inWarehouse));
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(p -> !p.equals(root)).sorted().toList();
    }
    for (Path file : files) {
      long inPath = count(root.relativize(file).toString(), person.inText());
      if (inPath > 0) {
        found.add(new Erased(root.relativize(file) + " (its name)", 1, inPath));
      }
    }
    files = files.stream().filter(Files::isRegularFile).toList();
    for (Path file : files) {
      String name = file.getFileName().toString();
      long occurrences;
      if (file.equals(workingFile) || name.endsWith(".wal")) {
        continue; // the working file is searched through its tables above
      } else if (name.endsWith(".duckdb")) {
        occurrences = inDatabaseFile(file);
      } else {
        occurrences = inFile(file);
      }
      if (occurrences > 0) {
        found.add(new Erased(root.relativize(file).toString(), 1, occurrences));
      }
    }
    return found;
  }

  private static long count(String text, java.util.regex.Pattern pattern) {
    return pattern.matcher(text).results().count();
  }
}
