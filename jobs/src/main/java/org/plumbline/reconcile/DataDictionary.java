package org.plumbline.reconcile;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The data dictionary (docs/data-dictionary.md), generated from the warehouse's own
 * {@code COMMENT ON} text: the analysts' views with every column, then the fact and finding
 * tables ({@code fct_*}), then the report tables the PDF reads that carry a comment of their own
 * ({@code rpt_*}: how the summary ranks its worst gaps, for one), then the governance model's
 * dimensions ({@code dim_*}). So the dictionary and the warehouse cannot disagree.
 */
public final class DataDictionary {

  private DataDictionary() {}

  public static String markdown(Connection duckdb) throws SQLException {
    StringBuilder md = new StringBuilder("""
        # Plumbline data dictionary

        Generated from the warehouse's `COMMENT ON` text by `org.plumbline.reconcile.DataDictionary`
        (the test `DataDictionaryTests` fails when this file is stale and writes the fresh one to
        `jobs/target/data-dictionary.md`). Open a published copy (`published/CURRENT` names it) with the
        DuckDB CLI or DBeaver; the views below are stable across releases. It lists the views, facts,
        dimensions and report tables of the warehouse; the published copy leaves out the incentive
        schemes (`dim_incentive_scheme`, `dim_incentive_weight`) and the e-mail delivery record
        (sql/publish/mask_snapshot.sql). The ledger's tables and the models' `stg_`, `int_` and `mart_`
        steps, also in the copy, are explained in their SQL files under `sql/` (docs/analysts.md).

        """);
    try (Statement s = duckdb.createStatement();
        ResultSet r = s.executeQuery("""
            select v.view_name as name, 'view' as kind, v.comment as table_comment, c.column_name, c.data_type,
                   c.comment as column_comment, c.column_index
            from duckdb_views() as v
            join duckdb_columns() as c on c.table_name = v.view_name
            where not v.internal and v.view_name like 'v\\_%' escape '\\'
            union all
            select t.table_name, case when t.table_name like 'fct%' then 'table'
                                      when t.table_name like 'rpt%' then 'report table' else 'dimension' end,
                   t.comment, c.column_name, c.data_type, c.comment, c.column_index
            from duckdb_tables() as t
            join duckdb_columns() as c on c.table_name = t.table_name
            where (t.table_name like 'fct\\_%' escape '\\' or t.table_name like 'dim\\_%' escape '\\'
                   or (t.table_name like 'rpt\\_%' escape '\\' and t.comment is not null))
              and not t.temporary
            order by kind = 'view' desc, kind = 'table' desc, kind = 'report table' desc, name, column_index""")) {
      String current = null;
      while (r.next()) {
        String name = r.getString("name");
        if (!name.equals(current)) {
          current = name;
          md.append("\n## ").append(name).append(" (").append(r.getString("kind")).append(")\n\n")
              .append(nonNull(r.getString("table_comment"))).append("\n\n")
              .append("| column | type | meaning |\n|---|---|---|\n");
        }
        md.append("| ").append(r.getString("column_name")).append(" | ").append(r.getString("data_type"))
            .append(" | ").append(nonNull(r.getString("column_comment")).replace("|", "\\|")).append(" |\n");
      }
    }
    return md.toString();
  }

  private static String nonNull(String text) {
    return text == null ? "" : text;
  }
}
