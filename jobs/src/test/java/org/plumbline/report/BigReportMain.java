package org.plumbline.report;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import org.plumbline.report.ReportRenderer.Paper;

/**
 * A big report, for the memory test (run in its own JVM with a small heap) and the benchmark.
 * {@code generate DB FINDINGS QUARANTINED} writes the rpt_ tables of the fixture year with
 * FINDINGS policy-breach findings and QUARANTINED quarantined rows (in 1,000 reasons) into a
 * real DuckDB file; {@code render DB PDF} compiles the templates, renders the report and prints
 * {@code OK <compile ms> <render ms> <peak heap MB>}.
 */
public final class BigReportMain {

  static final ZonedDateTime GENERATED_AT = ZonedDateTime.of(2026, 1, 5, 6, 0, 0, 0, ZoneId.of("Europe/Berlin"));

  private BigReportMain() {}

  public static void main(String[] args) throws Exception {
    Path db = Path.of(args[1]);
    try (Connection duckdb = RptFixtures.open(db)) {
      if (args[0].equals("generate")) {
        generate(duckdb, Long.parseLong(args[2]), Long.parseLong(args[3]));
        return;
      }
      long start = System.nanoTime();
      ReportRenderer renderer = new ReportRenderer(Paper.A4);
      long compiled = System.nanoTime();
      renderer.render(duckdb, Path.of(args[2]), GENERATED_AT,
          ReportOptions.of(Locale.UK, "quarter"));
      long rendered = System.nanoTime();
      System.out.printf("OK %d %d %d%n", (compiled - start) / 1_000_000, (rendered - compiled) / 1_000_000,
          peakHeapMegabytes());
    }
  }

  /** The fixture year, with {@code findings} findings in one section and {@code quarantined} rows held back. */
  static void generate(Connection duckdb, long findings, long quarantined) throws SQLException {
    RptFixtures.yearWithOneBreach(duckdb);
    try (Statement statement = duckdb.createStatement()) {
      statement.execute("""
          insert into rpt_finding
          select printf('policy_breach:POL-BIG-%06d', i), 'policy_breach', 'policy_breach',
                 case i % 4 when 0 then 'critical' when 1 then 'high' when 2 then 'medium' else 'low' end,
                 4 - i % 4, 'PROD', 'Production', 'KPI-COV', 'Inspection coverage of critical parts', 'percent',
                 'POL-BIG', date '2025-01-06' + cast(i % 52 * 7 as integer), date '2025-01-12' + cast(i % 52 * 7 as integer),
                 printf('2025-W%02d', i % 52 + 1), 100.0, 50.0 + i % 50, 100.0, -50.0 + i % 50, 'Head of Quality',
                 null, null, null, 'new', 0.5, 2.0, 'POL-BIG', false, null, 'new', 'POL-BIG'
          from range(FINDINGS) as t(i)
          """.replace("FINDINGS", Long.toString(findings)));
      statement.execute("""
          insert into rpt_quarantine
          select printf('The value ''x%d'' in column units is not a number.', i % 1000), 'mes_big.csv', 'mes', null,
                 cast(i + 2 as integer), printf('V-%06d | x%d | 1', i, i % 1000),
                 row_number() over (partition by i % 1000 order by i), count(*) over (partition by i % 1000)
          from range(QUARANTINED) as t(i)
          """.replace("QUARANTINED", Long.toString(quarantined)));
    }
  }

  private static long peakHeapMegabytes() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak / (1024 * 1024);
  }
}
