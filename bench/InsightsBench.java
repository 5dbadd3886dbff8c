import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.plumbline.insights.NormalDistribution;
import org.plumbline.system.SqlScript;

/**
 * The insights benchmark: N weekly KPI series (half counts on c charts, half measurements on
 * individuals charts, every one with a 26-week baseline, all twelve run rules and a 12-week
 * and a 26-week Mann-Kendall trend test), then the SPC and trend models timed one by one.
 * Run by bench/insights.sh; figures go to bench/RESULTS.md.
 */
public class InsightsBench {

  static final String[] MODELS = {"int_spc_point", "fct_spc_signal", "int_kpi_trend"};

  public static void main(String[] args) throws Exception {
    int weeks = Integer.parseInt(args[0]);
    System.out.printf("%8s %8s %10s %14s %14s %14s %10s %10s%n", "series", "weeks", "points",
        "int_spc_point", "fct_spc_signal", "int_kpi_trend", "signals", "trends");
    for (int i = 1; i < args.length; i++) {
      int series = Integer.parseInt(args[i]);
      Path file = Files.createTempFile("plumbline-insights-bench", ".duckdb");
      Files.delete(file);
      try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:" + file);
          Statement s = duckdb.createStatement()) {
        s.execute("set threads = 2");
        SqlScript.execute(duckdb, "sql/dimensions/dimensions.sql");
        SqlScript.execute(duckdb, "sql/dimensions/insights.sql");
        s.execute("create or replace table run_context as select current_date as as_of_date, 'bench' as config_version,"
            + " 'Bench' as company_name, null::bigint as job_execution_id");
        generate(s, series, weeks);
        double[] seconds = new double[MODELS.length];
        for (int m = 0; m < MODELS.length; m++) {
          long start = System.nanoTime();
          SqlScript.execute(duckdb, "sql/insights/" + MODELS[m] + ".sql");
          seconds[m] = (System.nanoTime() - start) / 1e9;
        }
        System.out.printf("%8d %8d %10d %13.2fs %13.2fs %13.2fs %10d %10d%n", series, weeks, (long) series * weeks,
            seconds[0], seconds[1], seconds[2], count(s, "fct_spc_signal"), count(s, "int_kpi_trend"));
      } finally {
        Files.deleteIfExists(file);
      }
    }
  }

  private static void generate(Statement s, int series, int weeks) throws Exception {
    s.execute("select setseed(0.2025)");
    s.execute("create table int_kpi_series_weekly as"
        + " select 'kpi_' || k as kpi_id, 'D' as department_code, strftime(w, '%G-W%V') as iso_week, w as week_start,"
        + " case when k % 2 = 0 then floor(-ln(random()) * (2 + (n > 150)::int))"
        + "      else 100 + 5 * sqrt(-2 * ln(random())) * cos(2 * pi() * random()) + 0.05 * n end as value,"
        + " null::double as numerator_total, null::double as denominator_total, null::bigint as subgroup_size,"
        + " null::double as subgroup_mean, null::double as subgroup_range, 'measured' as origin, [k]::bigint[] as load_ids"
        + " from range(0, " + series + ") as a(k), range(0, " + weeks + ") as b(n),"
        + " lateral (select date '2021-01-04' + (7 * n)::integer as w)");
    s.execute("insert into dim_control_chart select 'kpi_' || k, case when k % 2 = 0 then 'c' else 'individuals' end,"
        + " date '2021-01-04', date '2021-06-28', 20, 12, 0.05 from range(0, " + series + ") as t(k)");
    s.execute("insert into dim_control_chart_rule select kpi_id, unnest(['WE1','WE2','WE3','WE4','N1','N2','N3','N4',"
        + "'N5','N6','N7','N8']) from dim_control_chart");
    double z = NormalDistribution.quantile(0.975);
    s.execute("insert into dim_trend_test select kpi_id, w, 0.05, " + z + " from dim_control_chart, (values (12), (26))"
        + " as t(w)");
  }

  private static long count(Statement s, String table) throws Exception {
    try (ResultSet r = s.executeQuery("select count(*) from " + table)) {
      r.next();
      return r.getLong(1);
    }
  }
}
