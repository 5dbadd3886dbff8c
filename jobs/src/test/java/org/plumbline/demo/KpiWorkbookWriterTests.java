package org.plumbline.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The January workbook is laid out as a department keeps it: notes, title, header on row 3, totals. */
class KpiWorkbookWriterTests {

  @TempDir
  static Path inbox;

  static Path january;

  @BeforeAll
  static void generate() {
    new DemoInboxGenerator(DemoStory.load()).generate(inbox);
    january = inbox.resolve("Produktion_KPI_2025-01.xlsx");
  }

  @Test
  void notesComeFirstThenTheWeeklyKpis() throws IOException {
    try (ReadableWorkbook wb = new ReadableWorkbook(january.toFile())) {
      assertThat(wb.getSheets().map(s -> s.getName())).containsExactly("Notes", "Weekly KPIs");
    }
    assertThat(GeneratedFiles.sheet(january, "Notes").get(0).getCellText(0))
        .isEqualTo("Weekly KPI report of the Production department");
  }

  @Test
  void hasATitleASubtitleAndTheHeaderOnRowThree() throws IOException {
    // when
    List<Row> rows = GeneratedFiles.sheet(january, "Weekly KPIs");

    // then
    assertThat(rows.get(0).getRowNum()).isEqualTo(1);
    assertThat(rows.get(0).getCellText(0)).isEqualTo("Production \u2013 weekly KPI report \u2013 January 2025");
    assertThat(rows.get(1).getCellText(0)).startsWith("Nordwerk Ventiltechnik GmbH");
    assertThat(rows.get(2).getRowNum()).isEqualTo(3);
    assertThat(rows.get(2).stream().map(c -> c.getText()).toList()).containsExactly(
        "Week starting", "Units produced", "Critical parts inspected", "Scrap cost (EUR)", "Output per shift");
  }

  @Test
  void mergesTheTitleAndSubtitleOverTheFiveColumns() throws IOException {
    // fastexcel-reader does not expose merged cells, so read the sheet's XML
    String xml = sheetXml(january, "Weekly KPIs");

    assertThat(xml).contains("<mergeCell ref=\"A1:E1\"/>", "<mergeCell ref=\"A2:E2\"/>");
  }

  @Test
  void formatsWeeksAsDatesAndTheInspectionFigureAsAPercentage() throws IOException {
    // when: the first week, 2025-W01
    Row first = GeneratedFiles.sheet(january, "Weekly KPIs").get(3);

    // then
    assertThat(first.getCell(0).asDate()).isEqualTo(LocalDateTime.of(2024, 12, 30, 0, 0));
    assertThat(first.getCell(0).getDataFormatString()).isEqualTo("dd.mm.yyyy");
    assertThat(first.getCell(2).asNumber()).isEqualByComparingTo("1");
    assertThat(first.getCell(2).getDataFormatString()).isEqualTo("0%");
    assertThat(first.getCell(3).getDataFormatString()).isEqualTo("#,##0.00");
    assertThat(first.getCell(4).asNumber()).isPositive();
  }

  @Test
  void endsWithATotalsRowOfSumFormulas() throws IOException {
    // when: January has the five weeks 2025-W01 to 2025-W05 on rows 4 to 8
    List<Row> rows = GeneratedFiles.sheet(january, "Weekly KPIs");
    Row totals = rows.get(rows.size() - 1);

    // then
    assertThat(rows).hasSize(3 + 5 + 1);
    assertThat(totals.getRowNum()).isEqualTo(9);
    assertThat(totals.getCellText(0)).isEqualTo("Total");
    assertThat(totals.getCell(1).getFormula()).isEqualTo("SUM(B4:B8)");
    assertThat(totals.getCell(3).getFormula()).isEqualTo("SUM(D4:D8)");
  }

  /** The XML part of a sheet, found through the workbook's relationships. */
  private static String sheetXml(Path workbook, String sheetName) throws IOException {
    try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + workbook.toUri()), Map.of())) {
      String book = Files.readString(zip.getPath("/xl/workbook.xml"));
      String rels = Files.readString(zip.getPath("/xl/_rels/workbook.xml.rels"));
      String id = find(book, "<sheet name=\"" + Pattern.quote(sheetName) + "\"[^>]*r:id=\"([^\"]+)\"");
      String target = find(rels, "<Relationship[^>]*Id=\"" + Pattern.quote(id) + "\"[^>]*Target=\"([^\"]+)\"");
      return Files.readString(zip.getPath("/xl/" + target.replaceFirst("^/?xl/", "")));
    }
  }

  private static String find(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertThat(m.find()).as("%s in %s", regex, text).isTrue();
    return m.group(1);
  }
}
