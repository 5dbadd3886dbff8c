package org.plumbline.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.plumbline.demo.GeneratedFiles.count;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plumbline.demo.GeneratedInbox.GeneratedFile;

class DemoInboxGeneratorTests {

  @TempDir
  static Path inbox;

  static DemoStory story;
  static GeneratedInbox generated;

  @BeforeAll
  static void generate() {
    story = DemoStory.load();
    generated = new DemoInboxGenerator(story).generate(inbox);
  }

  @Test
  void writesEveryFileOfTheYearAndNothingElse() throws IOException {
    // given
    List<String> months = IntStream.rangeClosed(1, 12).mapToObj(m -> String.format("2025-%02d", m)).toList();
    List<String> quarters = List.of("2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4");
    List<String> expected = new ArrayList<>();
    months.forEach(m -> expected.add("Produktion_KPI_" + m + ".xlsx"));
    // The story's retroactive revision: June's workbook sent again, polished.
    expected.add("Produktion_KPI_2025-06_korrigiert.xlsx");
    quarters.forEach(q -> expected.add("Qualitaet_Audits_" + q + ".csv"));
    quarters.forEach(q -> expected.add("Logistik_Wochenbericht_" + q + ".csv"));
    // 2025-W01 starts on 30 December 2024, so the monthly system exports begin with 2024-12.
    expected.add("mes_inspection_lots_2024-12.parquet");
    months.forEach(m -> expected.add("mes_inspection_lots_" + m + ".parquet"));
    quarters.forEach(q -> expected.add("crm_complaints_" + q + ".json"));
    expected.add("erp_production_2024-12.csv");
    months.forEach(m -> expected.add("erp_production_" + m + ".csv"));

    // when
    List<String> returned = generated.paths().stream().map(p -> p.getFileName().toString()).toList();
    List<String> onDisk;
    try (var files = Files.list(inbox)) {
      onDisk = files.map(p -> p.getFileName().toString()).sorted().toList();
    }

    // then
    assertThat(returned).containsExactlyElementsOf(expected);
    assertThat(onDisk).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void countsOneRowPerWeekPerLotPerPartDayAndComplaint() {
    // given: 249 production days (Mon-Fri without the 11 holidays), 10 lots and 4 parts a day
    int productionDays = story.weeks().stream().mapToInt(w -> story.workingDays(w).size()).sum();

    // when
    var rows = generated.rowsBySource();

    // then
    assertThat(productionDays).isEqualTo(249);
    // 52 weeks, and the 4 weeks of June again in the resent workbook
    assertThat(rows).containsEntry("prod_weekly_kpis", 52 + 4)
        .containsEntry("qual_audit_scores", 52)
        .containsEntry("log_weekly_report", 52)
        .containsEntry("mes_inspection_lots", productionDays * 10)
        .containsEntry("erp_production", productionDays * 4)
        .containsKey("crm_complaints")
        .hasSize(6);
    assertThat(generated.files()).allSatisfy(f -> assertThat(f.rows()).isPositive());
  }

  @Test
  void returnedRowCountsEqualTheRowsInTheFiles() throws IOException, SQLException {
    for (GeneratedFile file : generated.files()) {
      String name = file.path().getFileName().toString();
      long rowsInFile;
      if (name.endsWith(".xlsx")) {
        rowsInFile = GeneratedFiles.kpiRows(file.path()).size();
      } else if (name.endsWith(".csv")) {
        rowsInFile = GeneratedFiles.lines(file.path()).size() - 1;
      } else if (name.endsWith(".parquet")) {
        rowsInFile = count("select count(*) from read_parquet(?)", file.path().toString());
      } else {
        rowsInFile = count("select count(*) from read_json(?, format = 'array')", file.path().toString());
      }
      assertThat(rowsInFile).as(name).isEqualTo(file.rows());
    }
    assertThat(generated.files().stream().mapToInt(GeneratedFile::rows).sum())
        .isEqualTo(generated.rowsBySource().values().stream().mapToInt(Integer::intValue).sum());
  }

  @Test
  void datesEachFileToItsDelivery() throws IOException {
    // every file's last-modified time is the time the story delivers it
    for (GeneratedFile file : generated.files()) {
      assertThat(Files.getLastModifiedTime(file.path()).toInstant()).as(file.path().toString())
          .isEqualTo(file.receivedAt());
    }
    assertThat(receivedAt("Produktion_KPI_2025-01.xlsx")).isEqualTo("2025-02-06T16:40+01:00[Europe/Berlin]");
    assertThat(receivedAt("Qualitaet_Audits_2025-Q3.csv")).isEqualTo("2025-10-06T10:05+02:00[Europe/Berlin]");
    assertThat(receivedAt("Logistik_Wochenbericht_2025-Q4.csv")).isEqualTo("2026-01-02T08:30+01:00[Europe/Berlin]");
    assertThat(receivedAt("mes_inspection_lots_2024-12.parquet")).isEqualTo("2025-01-01T02:15+01:00[Europe/Berlin]");
    assertThat(receivedAt("erp_production_2025-06.csv")).isEqualTo("2025-07-01T03:00+02:00[Europe/Berlin]");
    assertThat(receivedAt("crm_complaints_2025-Q4.json")).isEqualTo("2026-01-01T04:00+01:00[Europe/Berlin]");
  }

  private static String receivedAt(String name) throws IOException {
    return ZonedDateTime.ofInstant(Files.getLastModifiedTime(inbox.resolve(name)).toInstant(), story.timezone())
        .toString();
  }
}
