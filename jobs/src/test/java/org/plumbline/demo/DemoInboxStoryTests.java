package org.plumbline.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.plumbline.demo.GeneratedFiles.count;
import static org.plumbline.demo.GeneratedFiles.glob;
import static org.plumbline.demo.GeneratedFiles.query;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plumbline.demo.GeneratedFiles.KpiRow;
import org.yaml.snakeyaml.Yaml;

/** The generated inbox tells the story, and nothing else: the only findings are the expected ones. */
class DemoInboxStoryTests {

  private static final String WEEK = "strftime(%s, '%%G-W%%V')";

  @TempDir
  static Path inbox;

  static DemoStory story;

  @BeforeAll
  static void generate() {
    story = DemoStory.load();
    new DemoInboxGenerator(story).generate(inbox);
  }

  @Test
  void criticalPartsAreFullyInspectedExceptInTheExpectedWeeks() throws SQLException {
    // when: coverage of CRITICAL parts per ISO week, as kpis.yml measures it
    List<List<Object>> weeks = query("select " + WEEK.formatted("production_date") + " as week,"
        + " sum(qty_inspected), sum(qty_produced) from read_parquet(?) where part_class = 'CRITICAL'"
        + " group by week order by week", glob(inbox, "mes_inspection_lots_*.parquet"));

    // then
    List<String> expected = story.expected().breachedWeeks().stream().map(IsoWeek::toString).toList();
    List<String> belowFull = new ArrayList<>();
    assertThat(weeks).hasSize(52);
    for (List<Object> week : weeks) {
      long inspected = ((Number) week.get(1)).longValue();
      long produced = ((Number) week.get(2)).longValue();
      if (expected.contains((String) week.get(0))) {
        assertThat(inspected).as("inspected in %s", week.get(0)).isLessThan(produced);
        belowFull.add((String) week.get(0));
      } else {
        assertThat(inspected).as("inspected in %s", week.get(0)).isEqualTo(produced);
      }
    }
    assertThat(belowFull).containsExactlyElementsOf(expected);
  }

  @Test
  void noLotIsInspectedMoreThanItsProduction() throws SQLException {
    assertThat(count("select count(*) from read_parquet(?) where qty_inspected > qty_produced"
        + " or qty_rejected > qty_inspected or qty_inspected < 0", glob(inbox, "mes_inspection_lots_*.parquet")))
        .isZero();
  }

  @Test
  void productionReportsTheErpWeeklySumsAndAFullInspectionEveryWeek() throws IOException, SQLException {
    // given
    Map<String, List<Object>> erp = new HashMap<>();
    for (List<Object> row : query("select " + WEEK.formatted("posting_date") + " as week, sum(qty_good),"
        + " sum(scrap_cost_eur) from read_csv(?, header = true, types = {'scrap_cost_eur': 'DECIMAL(18,2)'})"
        + " group by week", glob(inbox, "erp_production_*.csv"))) {
      erp.put((String) row.get(0), row);
    }

    // when
    List<KpiRow> reported = allKpiRows();

    // then
    assertThat(reported).hasSize(52);
    assertThat(erp).hasSize(52);
    for (KpiRow row : reported) {
      List<Object> sums = erp.get(IsoWeek.of(row.weekStarting()).toString());
      assertThat(row.units()).as("units in week of %s", row.weekStarting())
          .isEqualByComparingTo(BigDecimal.valueOf(((Number) sums.get(1)).longValue()));
      assertThat(row.scrapCost()).as("scrap cost in week of %s", row.weekStarting())
          .isEqualByComparingTo((BigDecimal) sums.get(2));
      assertThat(row.inspected()).isEqualByComparingTo(BigDecimal.ONE);
    }
  }

  @Test
  void theOnlyReportingDiscrepanciesAreTheExpectedWeeks() throws IOException, SQLException {
    // given: the tolerance kpis.yml allows, and the measured coverage per week
    double tolerance = inspectionCoverageTolerance();
    Map<String, Double> measured = new TreeMap<>();
    for (List<Object> row : query("select " + WEEK.formatted("production_date") + " as week,"
        + " 100.0 * sum(qty_inspected) / sum(qty_produced) from read_parquet(?) where part_class = 'CRITICAL'"
        + " group by week", glob(inbox, "mes_inspection_lots_*.parquet"))) {
      measured.put((String) row.get(0), ((Number) row.get(1)).doubleValue());
    }

    // when
    List<IsoWeek> discrepancies = new ArrayList<>();
    for (KpiRow row : allKpiRows()) {
      IsoWeek week = IsoWeek.of(row.weekStarting());
      double selfReported = row.inspected().doubleValue() * 100;
      if (Math.abs(selfReported - measured.get(week.toString())) > tolerance) {
        discrepancies.add(week);
      }
    }

    // then (units and scrap agree exactly: see the test above)
    assertThat(discrepancies).containsExactlyElementsOf(story.expected().discrepancyWeeks());
  }

  @Test
  void erpPostingsAddUpToTheMesLotsOfEachPartAndDay() throws SQLException {
    // given
    String joined = "with mes as (select part_no, production_date, sum(qty_produced) as produced"
        + " from read_parquet(?) group by all),"
        + " erp as (select * from read_csv(?, header = true, types = {'scrap_cost_eur': 'DECIMAL(18,2)'}))"
        + " select erp.part_no, qty_scrap, scrap_cost_eur, qty_good + qty_scrap - produced"
        + " from erp full join mes on erp.part_no = mes.part_no and erp.posting_date = mes.production_date";

    // when
    List<List<Object>> rows = query(joined, glob(inbox, "mes_inspection_lots_*.parquet"),
        glob(inbox, "erp_production_*.csv"));

    // then
    assertThat(rows).hasSize(249 * 4);
    for (List<Object> row : rows) {
      assertThat(row.get(0)).as("a part-day in only one system").isNotNull();
      assertThat(((Number) row.get(3)).longValue()).as("good + scrap - produced").isZero();
      BigDecimal unitCost = story.part((String) row.get(0)).unitCostEur();
      assertThat((BigDecimal) row.get(2))
          .isEqualByComparingTo(unitCost.multiply(BigDecimal.valueOf(((Number) row.get(1)).longValue())));
    }
  }

  @Test
  void everyComplaintNamesAnExistingLotOfItsPart() throws SQLException {
    assertThat(count("select count(*) from read_json(?, format = 'array') c"
        + " left join read_parquet(?) m on c.lot_id = m.lot_id and c.part_no = m.part_no where m.lot_id is null",
        glob(inbox, "crm_complaints_*.json"), glob(inbox, "mes_inspection_lots_*.parquet"))).isZero();
  }

  @Test
  void theOemIncidentIsTheOnlyComplaintWithAMeasuredDefectRate() throws SQLException {
    // when
    List<List<Object>> measured = query("select customer, c.part_no, " + WEEK.formatted("received_date") + ","
        + " defect_rate, " + WEEK.formatted("production_date") + ", qty_inspected < qty_produced"
        + " from read_json(?, format = 'array') c join read_parquet(?) m using (lot_id)"
        + " where defect_rate is not null",
        glob(inbox, "crm_complaints_*.json"), glob(inbox, "mes_inspection_lots_*.parquet"));

    // then
    assertThat(measured).containsExactly(List.of("OEM Stuttgart", "EV-2207", "2025-W45", 0.04, "2025-W41", true));
  }

  @Test
  void complaintsRiseAboutThreeWeeksAfterTheShiftAndConcernSampledValves() throws SQLException {
    // when
    Map<String, Long> perWeek = new TreeMap<>();
    for (List<Object> row : query("select " + WEEK.formatted("received_date") + " as week, count(*)"
        + " from read_json(?, format = 'array') group by week", glob(inbox, "crm_complaints_*.json"))) {
      perWeek.put((String) row.get(0), ((Number) row.get(1)).longValue());
    }
    long late = count("select count(*) from read_json(?, format = 'array') c join read_parquet(?) m using (lot_id)"
        + " where received_date >= ? and not (part_class = 'CRITICAL' and qty_inspected < qty_produced)",
        glob(inbox, "crm_complaints_*.json"), glob(inbox, "mes_inspection_lots_*.parquet"),
        IsoWeek.parse("2025-W34").monday());

    // then
    assertThat(mean(perWeek, 1, 33)).isLessThan(0.6);
    assertThat(mean(perWeek, 37, 49)).isBetween(1.5, 3.5);
    assertThat(late).as("complaints from 2025-W34 about anything but a sampled critical lot").isZero();
  }

  @Test
  void auditsScoreNearPerfectEveryWeek() throws IOException, SQLException {
    // when
    List<List<Object>> audits = query("select " + WEEK.formatted("strptime(Auditdatum, '%d.%m.%Y')") + " as week,"
        + " replace(\"Ergebnis (%)\", ',', '.')::decimal(4,1) from read_csv(?, delim = ';', header = true,"
        + " all_varchar = true) order by week", glob(inbox, "Qualitaet_Audits_*.csv"));

    // then
    assertThat(audits).extracting(a -> a.get(0)).doesNotHaveDuplicates().hasSize(52);
    assertThat(audits).extracting(a -> (BigDecimal) a.get(1))
        .allSatisfy(score -> assertThat(score).isBetween(new BigDecimal("97.0"), new BigDecimal("99.5")));
  }

  @Test
  void logisticsStaysOnTargetAllYear() throws SQLException {
    // when
    List<List<Object>> weeks = query("select replace(\"Liefertreue (%)\", ',', '.')::decimal(4,1),"
        + " replace(replace(\"Frachtkosten (EUR)\", '.', ''), ',', '.')::decimal(10,2)"
        + " from read_csv(?, delim = ';', header = true, all_varchar = true)",
        glob(inbox, "Logistik_Wochenbericht_*.csv"));

    // then
    assertThat(weeks).hasSize(52).allSatisfy(w -> {
      assertThat((BigDecimal) w.get(0)).isGreaterThanOrEqualTo(new BigDecimal("95.0"));
      assertThat((BigDecimal) w.get(1)).isLessThanOrEqualTo(new BigDecimal("9000.00"));
    });
  }

  /** The workbooks as first sent; the story's resends are checked on their own. */
  private static List<KpiRow> allKpiRows() throws IOException {
    List<String> resent = DemoStory.load().resends().stream().map(DemoStory.Resend::resentAs).toList();
    List<KpiRow> rows = new ArrayList<>();
    for (Path workbook : GeneratedFiles.files(inbox, "Produktion_KPI_*.xlsx")) {
      if (!resent.contains(workbook.getFileName().toString())) {
        rows.addAll(GeneratedFiles.kpiRows(workbook));
      }
    }
    return rows;
  }

  @Test
  void theResentWorkbookRepeatsTheOriginalsUnitsScrapAndInspection() throws IOException {
    for (DemoStory.Resend resend : DemoStory.load().resends()) {
      // given / when
      List<KpiRow> original = GeneratedFiles.kpiRows(inbox.resolve(resend.file()));
      List<KpiRow> resent = GeneratedFiles.kpiRows(inbox.resolve(resend.resentAs()));

      // then: only output per shift (not in KpiRow) is polished
      assertThat(resent).hasSize(4).isEqualTo(original);
    }
  }

  private static double mean(Map<String, Long> perWeek, int fromWeek, int toWeek) {
    long sum = 0;
    for (int w = fromWeek; w <= toWeek; w++) {
      sum += perWeek.getOrDefault(new IsoWeek(2025, w).toString(), 0L);
    }
    return sum / (double) (toWeek - fromWeek + 1);
  }

  @SuppressWarnings("unchecked")
  private static double inspectionCoverageTolerance() throws IOException {
    try (InputStream in = DemoInboxStoryTests.class.getClassLoader()
        .getResourceAsStream("config-example/governance/kpis.yml")) {
      Map<String, Object> config = new Yaml().load(in);
      return ((List<Map<String, Object>>) config.get("kpis")).stream()
          .filter(k -> "inspection_coverage".equals(k.get("id")))
          .map(k -> ((Number) k.get("tolerance")).doubleValue())
          .findFirst().orElseThrow();
    }
  }
}
