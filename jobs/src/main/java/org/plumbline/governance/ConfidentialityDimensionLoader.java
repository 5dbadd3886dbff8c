package org.plumbline.governance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;
import org.plumbline.system.SqlScript;

/**
 * Writes the {@code confidentiality} section into {@code dim_confidential_column}
 * ({@code sql/dimensions/confidentiality.sql}), inside the transaction of {@link DimensionLoader}.
 */
final class ConfidentialityDimensionLoader {

  static final String DDL = "sql/dimensions/confidentiality.sql";

  private ConfidentialityDimensionLoader() {}

  static void load(Connection duckdb, GovernanceModel model) throws SQLException {
    SqlScript.execute(duckdb, DDL);
    try (PreparedStatement columns = duckdb.prepareStatement("insert into dim_confidential_column (source_id,"
        + " column_name, data_kind, analysts_treatment) values (?, ?, ?, ?)")) {
      for (ConfidentialColumn column : model.confidentialColumns()) {
        columns.setString(1, column.sourceId());
        columns.setString(2, column.column());
        columns.setString(3, column.kind().name().toLowerCase(Locale.ROOT));
        columns.setString(4, column.analysts().name().toLowerCase(Locale.ROOT));
        columns.addBatch();
      }
      columns.executeBatch();
    }
  }
}
