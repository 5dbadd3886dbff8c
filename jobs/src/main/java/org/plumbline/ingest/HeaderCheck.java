package org.plumbline.ingest;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.plumbline.governance.Source;

/**
 * A file whose header lacks a column its source reads is rejected whole: loading it would
 * quarantine every row for one config mistake, or worse, read the wrong column.
 */
final class HeaderCheck {

  private HeaderCheck() {}

  static void requireColumns(Connection connection, Source source) throws SQLException, FileRejectedException {
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery("select sheet_name, header_row, column_names, table_name from incoming_sheet")) {
      while (r.next()) {
        List<String> header = header(r.getArray(3));
        String tableName = r.getString(4);
        Source.Table table = source.tables().stream().filter(t -> t.name().equals(tableName)).findFirst()
            .orElse(null);
        List<String> missing = new ArrayList<>(source.columnsRead(table));
        missing.removeAll(header);
        boolean json = source.format() == Source.Format.JSON;
        if (json && header.isEmpty() && noRows(connection)) {
          // An empty array ([]): a day without records, like a CSV file of a header alone. No
          // record names a key, so none can be read from the wrong one: it loads no rows.
          continue;
        }
        if (!missing.isEmpty() && json) {
          throw new FileRejectedException("No record has the key " + quoted(missing) + ", which source '"
              + source.id() + "' in sources.yml reads; the records' keys are " + quoted(header)
              + ". Fix the source's column names, then put the file back in the inbox.");
        }
        if (!missing.isEmpty()) {
          String where = (r.getString(1).isEmpty() ? "line " + r.getInt(2) : "sheet '" + r.getString(1) + "', row "
              + r.getInt(2)) + (table == null ? "" : ", table '" + table.name() + "'");
          throw new FileRejectedException("The header (" + where + ") has no column " + quoted(missing)
              + ", which source '" + source.id() + "' in sources.yml reads; the header is " + quoted(header)
              + ". Fix the source's column names or header_row, then put the file back in the inbox.");
        }
      }
    }
  }

  private static boolean noRows(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery("select count(*) = 0 from incoming_row")) {
      r.next();
      return r.getBoolean(1);
    }
  }

  private static List<String> header(Array array) throws SQLException {
    return Arrays.stream((Object[]) array.getArray()).map(o -> o == null ? "" : o.toString()).toList();
  }

  private static String quoted(List<String> names) {
    return String.join(", ", names.stream().map(n -> "\"" + n + "\"").toList());
  }
}
