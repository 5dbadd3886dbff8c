package org.plumbline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Legacy .xls workbooks and the 1904 date system, read like any XLSX workbook of a source. */
class LegacyWorkbookIngestTests {

  private static final String SOURCES = """

      - id: prod_legacy_kpis
        department: PROD
        kind: self_reported
        format: xlsx
        files: "Legacy_KPI_*"
        sheet: Weekly KPIs
        header_row: 3
        period: { column: Week starting, grain: week }
        skip_rows: { column: Week starting, matches: "(?i)^\\\\s*total" }
        metrics:
          - { column: Units produced }
          - { column: Critical parts inspected, unit: fraction }

      - { id: corpus_rows, system: CORPUS, kind: system_of_record, format: xlsx, files: "*.rows.xls",
          shape: rows_only, header_row: auto }
    """;

  private static final Path CORPORA = Path.of("..", "..", "shared", "corpora").toAbsolutePath().normalize();

  @RegisterExtension final IngestHome home = IngestHome.eachTest(SOURCES);

  @Test
  void anXlsWorkbookLoadsLikeAnXlsxOne() throws Exception {
    // given: a cover sheet first, then the KPI sheet with a title, dates, a percent column,
    // formulas with cached values and a totals row
    Path file = home.deliver("Legacy_KPI_2025.xls", kpiWorkbook(null));

    // when
    FileOutcome outcome = home.load(file);

    // then: two weeks loaded, the totals row kept as layout, nothing quarantined
    assertThat(outcome.reason()).isNull();
    assertThat(List.of(outcome.rowsRead(), outcome.rowsLoaded(), outcome.rowsSkipped(), outcome.rowsQuarantined()))
        .containsExactly(3L, 2L, 1L, 0L);
    assertThat(home.query("select row_number, metric_name, period_date::varchar, value from raw_value"
        + " order by row_number, metric_name")).containsExactly(
            List.of(4, "Critical parts inspected", "2025-01-06", 98.0),
            List.of(4, "Units produced", "2025-01-06", 1200.0),
            List.of(5, "Critical parts inspected", "2025-01-13", 100.0),
            List.of(5, "Units produced", "2025-01-13", 1250.0));
    assertThat(home.query("select sheet_name, row_number, is_layout, fields from raw_row order by row_number"))
        .containsExactly(
            List.of("Weekly KPIs", 4, false, List.of("2025-01-06", "1200", "0.98")),
            List.of("Weekly KPIs", 5, false, List.of("2025-01-13", "1250", "1")),
            List.of("Weekly KPIs", 6, true, java.util.Arrays.asList("Total", "2450", null)));
  }

  @Test
  void aPasswordProtectedXlsIsRejectedSayingSo() throws Exception {
    // given: the same workbook saved with a password
    Path file = home.deliver("Legacy_KPI_secret.xls", kpiWorkbook("secret"));

    // when
    FileOutcome outcome = home.load(file);

    // then
    assertThat(outcome.kind()).isEqualTo(FileOutcome.Kind.REJECTED);
    assertThat(outcome.reason()).contains("password-protected").contains("remove the password");
    assertThat(home.query("select count(*) from raw_row")).containsExactly(List.of(0L));
  }

  @Test
  void anXlsxInThe1904DateSystemHasItsDatesReadInThatSystem() throws Exception {
    // given: serial numbers that are 2025-01-06 and 2025-01-13 counted from 1904-01-01
    // (in the 1900 system the same numbers would be four years and a day earlier)
    long first = ChronoUnit.DAYS.between(LocalDate.of(1904, 1, 1), LocalDate.of(2025, 1, 6));
    Path file = home.deliver("Legacy_KPI_1904.xlsx", in1904System(xlsxWithSerials(first, first + 7)));

    // when
    FileOutcome outcome = home.load(file);

    // then
    assertThat(outcome.reason()).isNull();
    assertThat(outcome.rowsLoaded()).isEqualTo(2);
    assertThat(home.query("select distinct period_date::varchar from raw_value order by 1"))
        .containsExactly(List.of("2025-01-06"), List.of("2025-01-13"));
  }

  @Test
  void aDateSerialWithoutDateFormatIsHintedAtInTheWorkbooksDateSystem() throws Exception {
    // given a 1904-system workbook whose second week lost its date format: the cell shows 44208,
    // which is 2025-01-13 counted from 1904-01-01 (and 2021-01-12 counted from 1899-12-30)
    long first = ChronoUnit.DAYS.between(LocalDate.of(1904, 1, 1), LocalDate.of(2025, 1, 6));
    Path file = home.deliver("Legacy_KPI_1904_general.xlsx",
        in1904System(xlsxWithSerials(first, first + 7, false)));

    // when
    home.load(file);

    // then the hint names the date the workbook means
    assertThat(home.query("select reason from raw_quarantine")).containsExactly(List.of("The period \"44208\" in"
        + " column \"Week starting\" is not a date. 44208 looks like an Excel date serial (13.01.2025) in a cell not"
        + " formatted as a date: format the column as a date in the workbook."));
  }

  @Test
  void theCorpusXlsPairInBothDateSystemsReadsTheSameDates() throws Exception {
    Path w1900 = CORPORA.resolve("xlsx/1900DateWindowing.xls");
    Path w1904 = CORPORA.resolve("xlsx/1904DateWindowing.xls");
    Assumptions.assumeTrue(Files.isRegularFile(w1900) && Files.isRegularFile(w1904),
        "Skipped: the shared corpora are not at " + CORPORA);
    // given: two BIFF8 workbooks holding the same dates, one in each date system
    FileOutcome a = home.load(home.deliver("w1900.rows.xls", Files.readAllBytes(w1900)));
    FileOutcome b = home.load(home.deliver("w1904.rows.xls", Files.readAllBytes(w1904)));

    // then: both read 1 January 2000 (their one row, taken as the header by header_row: auto)
    assertThat(a.reason()).isNull();
    assertThat(b.reason()).isNull();
    String header = "select column_names from raw_sheet where load_id = ?";
    assertThat(home.query(header, a.loadId())).containsExactly(List.of(List.of("2000-01-01", "2000-01-01")));
    assertThat(home.query(header, b.loadId())).containsExactly(List.of(List.of("2000-01-01", "2000-01-01")));
  }

  private static byte[] kpiWorkbook(String password) throws Exception {
    try (HSSFWorkbook wb = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      wb.createSheet("Cover").createRow(0).createCell(0).setCellValue("Read me first");
      Sheet sheet = wb.createSheet("Weekly KPIs");
      CellStyle date = wb.createCellStyle();
      date.setDataFormat(wb.createDataFormat().getFormat("dd.mm.yyyy"));
      CellStyle percent = wb.createCellStyle();
      percent.setDataFormat(wb.createDataFormat().getFormat("0.0%"));
      sheet.createRow(0).createCell(0).setCellValue("Production KPIs 2025");
      Row header = sheet.createRow(2);
      header.createCell(0).setCellValue("Week starting");
      header.createCell(1).setCellValue("Units produced");
      header.createCell(2).setCellValue("Critical parts inspected");
      Row w1 = sheet.createRow(3);
      w1.createCell(0).setCellValue(LocalDate.of(2025, 1, 6));
      w1.getCell(0).setCellStyle(date);
      w1.createCell(1).setCellValue(1200);
      w1.createCell(2).setCellValue(0.98);
      w1.getCell(2).setCellStyle(percent);
      Row w2 = sheet.createRow(4);
      w2.createCell(0).setCellFormula("A4+7");
      w2.getCell(0).setCellStyle(date);
      w2.createCell(1).setCellFormula("B4+50");
      w2.createCell(2).setCellValue(1);
      w2.getCell(2).setCellStyle(percent);
      Row total = sheet.createRow(5);
      total.createCell(0).setCellValue("Total");
      total.createCell(1).setCellFormula("SUM(B4:B5)");
      wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
      if (password != null) {
        Biff8EncryptionKey.setCurrentUserPassword(password);
      }
      try {
        wb.write(out);
      } finally {
        Biff8EncryptionKey.setCurrentUserPassword(null);
      }
      return out.toByteArray();
    }
  }

  private static byte[] xlsxWithSerials(long first, long second) throws Exception {
    return xlsxWithSerials(first, second, true);
  }

  /** Two weeks of a workbook, the second's period formatted as a date only when {@code secondAsDate}. */
  private static byte[] xlsxWithSerials(long first, long second, boolean secondAsDate) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = bytes) {
      Workbook wb = new Workbook(out, "test", "1.0");
      Worksheet ws = wb.newWorksheet("Weekly KPIs");
      ws.value(2, 0, "Week starting");
      ws.value(2, 1, "Units produced");
      ws.value(2, 2, "Critical parts inspected");
      ws.value(3, 2, 0.98);
      ws.value(4, 2, 0.99);
      ws.value(3, 0, first);
      ws.style(3, 0).format("yyyy-mm-dd").set();
      ws.value(3, 1, 1200);
      ws.value(4, 0, second);
      if (secondAsDate) {
        ws.style(4, 0).format("yyyy-mm-dd").set();
      }
      ws.value(4, 1, 1250);
      wb.finish();
    }
    return bytes.toByteArray();
  }

  /** The same workbook, its workbook part switched to the 1904 date system as Excel for Mac wrote it. */
  private byte[] in1904System(byte[] xlsx) throws Exception {
    Path original = Files.write(home.root().resolve("1900.xlsx"), xlsx);
    ByteArrayOutputStream result = new ByteArrayOutputStream();
    try (ZipFile in = new ZipFile(original.toFile()); ZipOutputStream out = new ZipOutputStream(result)) {
      for (ZipEntry entry : java.util.Collections.list(in.entries())) {
        byte[] part = in.getInputStream(entry).readAllBytes();
        if (entry.getName().equals("xl/workbook.xml")) {
          String xml = new String(part, StandardCharsets.UTF_8);
          xml = xml.contains("date1904=\"false\"") ? xml.replace("date1904=\"false\"", "date1904=\"true\"")
              : xml.contains("<workbookPr")
              ? xml.replace("<workbookPr", "<workbookPr date1904=\"1\"")
              : xml.replaceFirst("(<workbook[^>]*>)", "$1<workbookPr date1904=\"1\"/>");
          part = xml.getBytes(StandardCharsets.UTF_8);
        }
        out.putNextEntry(new ZipEntry(entry.getName()));
        out.write(part);
        out.closeEntry();
      }
    }
    return result.toByteArray();
  }
}
