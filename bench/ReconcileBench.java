import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import org.plumbline.governance.GovernanceLoader;
import org.plumbline.governance.GovernanceModel;
import org.plumbline.reconcile.ReconcileTasklet;
import org.plumbline.system.SqlScript;
import org.plumbline.system.Warehouse;

/**
 * The reconciliation benchmark: a ledger of N system-of-record fact rows (MES-like, daily, per
 * part, 100,000 rows a file, over four years) plus weekly self-reported sheets (every month
 * sent twice, the second time polished), then one full reconciliation timed. Run by
 * bench/reconcile.sh; figures go to bench/RESULTS.md. With PROFILE=1 in the environment it
 * then runs each model again on its own and prints its time.
 */
public class ReconcileBench {

  public static void main(String[] args) throws Exception {
    GovernanceModel model = new GovernanceLoader().load(Path.of("bench/reconcile-governance"));
    for (String arg : args) {
      long rows = Long.parseLong(arg.replace("_", ""));
      Path file = Files.createTempFile("plumbline-bench", ".duckdb");
      Files.delete(file);
      // The warehouse as the job opens it: every ledger version, 8 GB, 2 threads.
      try (Warehouse warehouse = Warehouse.open(file, "8GB", 2)) {
        Connection duckdb = warehouse.connection();
        try (Statement s = duckdb.createStatement()) {
          s.execute("set preserve_insertion_order = false");
        }
        long generate = System.nanoTime();
        ledger(duckdb, rows);
        double generated = (System.nanoTime() - generate) / 1e9;

        long start = System.nanoTime();
        ReconcileTasklet.rebuild(duckdb, model, LocalDate.parse("2024-01-31"), "Bench", null);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (System.getenv("PROFILE") != null) {
          for (String sql : org.plumbline.reconcile.SqlModels.inBuildOrder()) {
            long t = System.nanoTime();
            SqlScript.execute(duckdb, sql);
            System.out.printf("  %-45s %.2f s%n", sql, (System.nanoTime() - t) / 1e9);
          }
        }
        System.out.printf("%,d fact rows: ledger generated in %.1f s; reconcile %.1f s (%,.0f rows/s); %s%n", rows,
            generated, seconds, rows / seconds, findings(duckdb));
      } finally {
        Files.deleteIfExists(file);
        Files.deleteIfExists(Path.of(file + ".wal"));
      }
    }
  }

  /** Fact rows straight into the ledger, set-based in DuckDB, as the loader would have left them. */
  private static void ledger(Connection duckdb, long rows) throws Exception {
    try (Statement s = duckdb.createStatement()) {
      // The rows with their lineage, as generated; moved into the ledger's layout (V6) below.
      s.execute("create or replace temp table bench_row as select * exclude (table_name) from raw_row limit 0");
    }
    try (PreparedStatement s = duckdb.prepareStatement("""
        insert into bench_row
        select i // 100000 + 1, 'mes', 'hash-' || (i // 100000 + 1),
               date '2020-01-01' + ((i * 1461) // ?)::integer + interval 26 hour,
               'mes/mes_' || (i // 100000 + 1) || '.csv', 'data', (i % 100000 + 2)::integer, false,
               [strftime(date '2020-01-01' + ((i * 1461) // ?)::integer, '%Y-%m-%d'),
                case when i % 2 = 0 then 'CRITICAL' else 'STANDARD' end,
                'P' || (i % 500), '100', case when hash(i) % 1000 = 0 then '80' else '100' end]
        from range(?) as t(i)""")) {
      s.setLong(1, rows);
      s.setLong(2, rows);
      s.setLong(3, rows);
      s.execute();
    }
    try (Statement s = duckdb.createStatement()) {
      s.execute("""
          insert into raw_sheet (load_id, sheet_name, header_row, column_names, shape, period_position,
                                 part_id_position, part_class_position)
          select distinct load_id, 'data', 1, ['day', 'class', 'part', 'produced', 'inspected'],
                 'column_per_metric', 1, 3, 2
          from bench_row;
          -- weekly sheets: each month sent 5 days after it ends, and again 20 days after with
          -- the first week polished up by 1 point
          create temp table weeks as
          select w::date as week_start, strftime(w + interval 3 day, '%Y-%m') as month
          from range(date '2019-12-30', date '2024-01-01', interval 7 day) as t(w);
          insert into bench_row
          select 1000000 + dense_rank() over (order by month) * 2 + v, 'prod_sheet', 'sheet-' || month || '-' || v,
                 last_day(strptime(month || '-01', '%Y-%m-%d')) + interval 5 day + interval (v * 15) day,
                 'prod_sheet/prod_' || month || '_' || v || '.csv', 'data',
                 (row_number() over (partition by month, v order by week_start) + 1)::integer, false,
                 [strftime(week_start, '%Y-%m-%d'),
                  case when v = 1 and day(week_start) <= 7 then '100' else '99' end, '7']
          from weeks, range(2) as t(v);
          insert into raw_sheet (load_id, sheet_name, header_row, column_names, shape, period_position)
          select distinct load_id, 'data', 1, ['Week', 'Inspected %', 'Mood index'], 'column_per_metric', 1
          from bench_row
          where source_id = 'prod_sheet';
          -- the rows and the typed values the loader writes (ledger V6)
          insert into raw_record (load_id, sheet_name, row_number, is_layout, fields)
          select load_id, sheet_name, row_number, is_layout, fields from bench_row;
          insert into raw_record_value (load_id, sheet_name, row_number, value_position, metric_name, period_date,
                                        value)
          select r.load_id, r.sheet_name, r.row_number, m.position, m.column_name,
                 r.fields[1]::date, r.fields[m.position]::double
          from bench_row as r
          join (values ('mes', 'produced', 4), ('mes', 'inspected', 5), ('prod_sheet', 'Inspected %', 2),
                       ('prod_sheet', 'Mood index', 3)) as m(source_id, column_name, position)
            on m.source_id = r.source_id;
          insert into load_audit (load_id, content_hash, source_id, file_name, archive_path, file_size_bytes,
                                  received_at, loaded_at, version_key, rows_read, rows_loaded, rows_skipped,
                                  job_execution_id, config_version)
          select load_id, any_value(content_hash), any_value(source_id), any_value(version_key), 'archive', 0,
                 min(received_at), min(received_at), any_value(version_key), count(*), count(*), 0, null, 'bench'
          from bench_row group by load_id;
          """);
    }
  }

  private static String findings(Connection duckdb) throws Exception {
    try (Statement s = duckdb.createStatement(); ResultSet r = s.executeQuery(
        "select string_agg(finding_type || ' ' || n, ', ' order by finding_type) from"
            + " (select finding_type, count(*) as n from fct_finding group by all)")) {
      r.next();
      return "findings: " + r.getString(1);
    }
  }
}
