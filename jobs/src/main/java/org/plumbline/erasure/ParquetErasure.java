package org.plumbline.erasure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.plumbline.system.SqlScript;

/**
 * Rewrites a Parquet file (an archived MES export) with a person's name replaced in every text
 * column, through DuckDB's own Parquet reader and writer; other columns keep their values and
 * types. Text inside nested columns (lists, structs) is not searched.
 */
final class ParquetErasure {

  private final Connection duckdb;
  private final Person person;

  ParquetErasure(Connection duckdb, Person person) {
    this.duckdb = duckdb;
    this.person = person;
  }

  /** Erases the name from the file; returns the rows changed (0: the file is unchanged). */
  long erase(Path file) throws SQLException, IOException {
    long rows;
    try (PreparedStatement count = duckdb.prepareStatement(SqlScript.text("sql/erasure/count_in_parquet.sql"))) {
      count.setString(1, file.toString());
      count.setString(2, person.re2Pattern());
      try (ResultSet r = count.executeQuery()) {
        r.next();
        rows = r.getLong(1);
      }
    }
    if (rows == 0) {
      return 0;
    }
    FileTime modified = Files.getLastModifiedTime(file);
    Path partial = file.resolveSibling(file.getFileName() + ".erasing");
    Files.deleteIfExists(partial);
    try (PreparedStatement copy = duckdb.prepareStatement(rewrite(textColumns(file)))) {
      copy.setString(1, person.re2Pattern());
      copy.setString(2, file.toString());
      copy.setString(3, partial.toString());
      copy.execute();
    }
    Files.setLastModifiedTime(partial, modified);
    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return rows;
  }

  private List<String> textColumns(Path file) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (PreparedStatement describe = duckdb.prepareStatement("select * from read_parquet(?) limit 0")) {
      describe.setString(1, file.toString());
      try (ResultSet r = describe.executeQuery()) {
        ResultSetMetaData meta = r.getMetaData();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          if (meta.getColumnType(i) == Types.VARCHAR) {
            columns.add(meta.getColumnName(i));
          }
        }
      }
    }
    return columns;
  }

  /**
   * The one statement here not read from sql/: which columns are text is known only from the
   * file, and DuckDB binds values, never column names. The names are quoted as identifiers;
   * the name to erase and the paths are bound parameters.
   */
  private static String rewrite(List<String> textColumns) {
    StringBuilder replace = new StringBuilder();
    for (String column : textColumns) {
      String quoted = "\"" + column.replace("\"", "\"\"") + "\"";
      replace.append(replace.isEmpty() ? "" : ", ")
          .append("regexp_replace(").append(quoted).append(", $1, '").append(Person.MARKER).append("', 'gi') as ")
          .append(quoted);
    }
    return "copy (select * replace (" + replace + ") from read_parquet($2)) to $3 (format parquet, compression zstd)";
  }
}
