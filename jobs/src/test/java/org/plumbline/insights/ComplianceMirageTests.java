package org.plumbline.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sql/insights/fct_compliance_mirage.sql: a passing score beside a significantly rising watched KPI. */
class ComplianceMirageTests {

  @TempDir
  Path folder;
  ModelBench bench;

  @BeforeEach
  void givenAnAuditScoreWatchedAgainstComplaints() throws SQLException {
    bench = ModelBench.open(folder).withSeriesTable();
    bench.sql("insert into dim_kpi values"
        + " ('audit_score', 'Quality audit score', 'quality', 'percent', 'higher_is_better', 95, 'head_of_quality',"
        + " 0, null, null, null, null, 'mean'),"
        + " ('complaints', 'Customer complaints', 'quality', 'count', 'lower_is_better', 1, 'head_of_quality',"
        + " 0, 'crm', 'complaints', null, 1, 'sum')",
        "insert into dim_compliance_mirage values ('audits-vs-field', 'audit_score', 95, 12, 0.05, 'high')",
        "insert into dim_compliance_mirage_watch values ('audits-vs-field', 'complaints')",
        "insert into dim_trend_test values ('complaints', 12, 0.05, " + NormalDistribution.quantile(0.975) + ")");
  }

  @AfterEach
  void closeBench() throws SQLException {
    bench.close();
  }

  @Test
  void aPassingAuditWhileComplaintsRiseIsAMirage() throws SQLException {
    bench.weeklySeries("audit_score", "QUAL", Collections.nCopies(12, 98.0));
    bench.weeklySeries("complaints", "QUAL", TrendTests.RISING_COUNTS_WITH_TIES);

    bench.run("int_kpi_trend", "fct_compliance_mirage");

    List<Object> mirage = bench.query("select finding_key, finding_type, severity, department_code, kpi_id,"
        + " watch_kpi_id, lowest_score, window_count, first_p_value, period_label, owner_role from fct_compliance_mirage")
        .get(0);
    assertThat(mirage.subList(0, 6)).containsExactly("audits-vs-field/QUAL/complaints/QUAL", "compliance_mirage",
        "high", "QUAL", "audit_score", "complaints");
    assertThat(mirage.get(6)).isEqualTo(98.0);
    assertThat(mirage.get(7)).isEqualTo(1L);
    assertThat((Double) mirage.get(8)).isCloseTo(0.0038, within(1e-4));
    assertThat(mirage.subList(9, 11)).containsExactly("2025-W01 .. 2025-W12", "head_of_quality");
    // and the lineage holds the rows of both series (load ids 0-11 of each, the same here)
    assertThat(bench.single("select len(load_ids) from fct_compliance_mirage")).isEqualTo(12L);
  }

  @Test
  void anAuditThatDropsBelowItsFloorInTheWindowIsNoMirage() throws SQLException {
    List<Double> scores = new ArrayList<>(Collections.nCopies(12, 98.0));
    scores.set(6, 94.5);
    bench.weeklySeries("audit_score", "QUAL", scores);
    bench.weeklySeries("complaints", "QUAL", TrendTests.RISING_COUNTS_WITH_TIES);

    bench.run("int_kpi_trend", "fct_compliance_mirage");

    assertThat(bench.single("select count(*) from fct_compliance_mirage")).isEqualTo(0L);
  }

  @Test
  void flatComplaintsBesideAPassingAuditRaiseNothing() throws SQLException {
    bench.weeklySeries("audit_score", "QUAL", Collections.nCopies(12, 98.0));
    bench.weeklySeries("complaints", "QUAL", TrendTests.FLAT);

    bench.run("int_kpi_trend", "fct_compliance_mirage");

    assertThat(bench.single("select count(*) from fct_compliance_mirage")).isEqualTo(0L);
  }

  @Test
  void fallingComplaintsAreNoMirageEvenWhenSignificant() throws SQLException {
    bench.weeklySeries("audit_score", "QUAL", Collections.nCopies(12, 98.0));
    List<Double> falling = new ArrayList<>(TrendTests.RISING);
    Collections.reverse(falling);
    bench.weeklySeries("complaints", "QUAL", falling);

    bench.run("int_kpi_trend", "fct_compliance_mirage");

    assertThat(bench.single("select count(*) from int_kpi_trend where is_significant and direction = 'down'"))
        .isEqualTo(1L);
    assertThat(bench.single("select count(*) from fct_compliance_mirage")).isEqualTo(0L);
  }

}
