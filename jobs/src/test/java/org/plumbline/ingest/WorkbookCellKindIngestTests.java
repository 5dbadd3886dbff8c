package org.plumbline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A workbook cell is typed by what it is, not by its text alone: a number typed as text is read
 * with the source's declared decimal mark (or quarantined where it reads two ways), a number cell
 * always with its stored decimal point, a cell formatted as a percentage as it shows, a plain
 * number above 1 in a column of fractions is quarantined, and a duration is no date.
 */
class WorkbookCellKindIngestTests {

  private static final String SOURCES = """

      - id: sheet_undeclared
        department: PROD
        kind: self_reported
        format: xlsx
        files: "Undeclared_*.xls*"
        period: { column: Woche, grain: week }
        metrics:
          - { column: Units produced }
          - { column: Critical parts inspected, unit: fraction }

      - id: sheet_comma
        department: PROD
        kind: self_reported
        format: xlsx
        files: "Comma_*.xlsx"
        decimal: ","
        period: { column: Woche, grain: week }
        metrics:
          - { column: Units produced }

      - id: sheet_stated
        department: PROD
        kind: self_reported
        format: xlsx
        files: "Stated_*.xls*"
        period: { column: Woche, grain: week }
        metrics:
          - { column: Critical parts inspected }
    """;

  private static final LocalDate WEEK_2 = LocalDate.of(2025, 1, 6);

  @RegisterExtension final IngestHome home = IngestHome.eachTest(SOURCES);

  @Test
  void aNumberTypedAsTextThatReadsTwoWaysIsQuarantinedNamingBothReadings() throws Exception {
    // given a workbook whose source declares no decimal mark: a number cell, then figures pasted as text
    Path file = home.deliver("Undeclared_1.xlsx", workbook(ws -> {
      header(ws, "Woche", "Units produced", "Critical parts inspected");
      week(ws, 1, 0);
      ws.value(1, 1, 12500);
      week(ws, 2, 1);
      ws.value(2, 1, "12.500");
      week(ws, 3, 2);
      ws.value(3, 1, "12.500,00");
      week(ws, 4, 3);
      ws.value(4, 1, "1,234");
    }));

    // when
    FileOutcome outcome = home.load(file);

    // then the number cell and the text with one reading load; the texts that read two ways are quarantined
    assertThat(List.of(outcome.rowsRead(), outcome.rowsLoaded(), outcome.rowsQuarantined()))
        .containsExactly(4L, 2L, 2L);
    assertThat(home.query("select row_number, value from raw_value order by row_number"))
        .containsExactly(List.of(2, 12500.0), List.of(4, 12500.0));
    assertThat(home.query("select row_number, reason from raw_quarantine order by row_number")).containsExactly(
        List.of(3, "The value \"12.500\" in column \"Units produced\" is not a number as the workbook stores it: it is"
            + " text, which reads as 12.5 with a decimal point and as 12500 with a decimal comma. Enter it as a number"
            + " in the workbook, or declare how this source writes numbers typed as text (sources.yml: decimal: \",\""
            + " or decimal: \".\" on the source)."),
        List.of(5, "The value \"1,234\" in column \"Units produced\" is not a number as the workbook stores it: it is"
            + " text, which reads as 1234 with a decimal point and as 1.234 with a decimal comma. Enter it as a number"
            + " in the workbook, or declare how this source writes numbers typed as text (sources.yml: decimal: \",\""
            + " or decimal: \".\" on the source)."));
  }

  @Test
  void aDeclaredDecimalCommaReadsTextCellsWithItAndNumberCellsWithTheirPoint() throws Exception {
    // given a source with decimal: ",": a number cell 12.5 and texts pasted from SAP
    Path file = home.deliver("Comma_1.xlsx", workbook(ws -> {
      header(ws, "Woche", "Units produced");
      week(ws, 1, 0);
      ws.value(1, 1, 12.5);
      week(ws, 2, 1);
      ws.value(2, 1, "12.500");
      week(ws, 3, 2);
      ws.value(3, 1, "4.100,50");
    }));

    // when
    FileOutcome outcome = home.load(file);

    // then every row loads, each as its cell shows it
    assertThat(outcome.rowsQuarantined()).isZero();
    assertThat(home.query("select row_number, value from raw_value order by row_number"))
        .containsExactly(List.of(2, 12.5), List.of(3, 12500.0), List.of(4, 4100.5));
    assertThat(home.query("select fields[2] from raw_record order by row_number"))
        .containsExactly(List.of("12.5"), List.of("12.500"), List.of("4.100,50"));
  }

  @Test
  void aCellFormattedAsAPercentageIsReadAsItShowsWithoutAUnit() throws Exception {
    // given a ratio column without unit: a cell 0.98 formatted 0% (shows 98 %) and a plain 97
    Path file = home.deliver("Stated_1.xlsx", workbook(ws -> {
      header(ws, "Woche", "Critical parts inspected");
      week(ws, 1, 0);
      ws.value(1, 1, 0.98);
      ws.style(1, 1).format("0%").set();
      week(ws, 2, 1);
      ws.value(2, 1, 97);
    }));

    // when
    home.load(file);

    // then both are percent in the KPI's unit; the ledger keeps the stored 0.98 as the raw text
    assertThat(home.query("select row_number, value from raw_value order by row_number"))
        .containsExactly(List.of(2, 98.0), List.of(3, 97.0));
    assertThat(home.query("select fields[2] from raw_record order by row_number"))
        .containsExactly(List.of("0.98"), List.of("97"));
  }

  @Test
  void aPercentageInAColumnWhoseKpiIsNoRatioIsQuarantinedSayingWhatItShows() throws Exception {
    // given units produced (a count) as a cell 0.5 formatted 0%: it shows 50 %
    Path file = home.deliver("Undeclared_5.xlsx", workbook(ws -> {
      header(ws, "Woche", "Units produced", "Critical parts inspected");
      week(ws, 1, 0);
      ws.value(1, 1, 0.5);
      ws.style(1, 1).format("0%").set();
    }));

    // when
    home.load(file);

    // then
    assertThat(home.query("select count(*) from raw_value")).containsExactly(List.of(0L));
    assertThat(home.query("select row_number, reason from raw_quarantine")).containsExactly(
        List.of(2, "The value \"0.5\" in column \"Units produced\" is a percentage (a cell formatted as one, showing"
            + " 50 %), but its KPI is not measured as a ratio."));
  }

  @Test
  void aPlainNumberAboveOneInAColumnOfFractionsIsQuarantined() throws Exception {
    // given a unit: fraction column: 0.98 formatted 0%, a plain 0.97, and 98 typed over the format
    Path file = home.deliver("Undeclared_2.xlsx", workbook(ws -> {
      header(ws, "Woche", "Units produced", "Critical parts inspected");
      week(ws, 1, 0);
      ws.value(1, 2, 0.98);
      ws.style(1, 2).format("0%").set();
      week(ws, 2, 1);
      ws.value(2, 2, 0.97);
      week(ws, 3, 2);
      ws.value(3, 2, 98);
    }));

    // when
    home.load(file);

    // then the fractions load as percent, and the 98 (9800 %) is quarantined saying why
    assertThat(home.query("select row_number, value from raw_value order by row_number"))
        .containsExactly(List.of(2, 98.0), List.of(3, 97.0));
    assertThat(home.query("select row_number, reason from raw_quarantine")).containsExactly(
        List.of(4, "The value \"98\" in column \"Critical parts inspected\": 98 in a column of fractions (sources.yml:"
            + " unit: fraction) would be 9800 %; type it as 98 % (Excel then stores 0.98, formatted as a percentage)"
            + " or as 0.98, or declare unit: percent if the column holds percentages."));
  }

  @Test
  void aDurationKeepsItsNumberAndADateSerialWithoutFormatGetsAHint() throws Exception {
    // given 1.5 formatted [h]:mm (shows 36:00), and a period 45664 formatted General (shows 45664)
    Path file = home.deliver("Undeclared_3.xlsx", workbook(ws -> {
      header(ws, "Woche", "Units produced", "Critical parts inspected");
      week(ws, 1, 0);
      ws.value(1, 1, 1.5);
      ws.style(1, 1).format("[h]:mm").set();
      ws.value(2, 0, 45664);
      ws.value(2, 1, 100);
    }));

    // when
    home.load(file);

    // then both are quarantined with what the cells hold, and the duration's raw text is its number
    assertThat(home.query("select row_number, reason, fields from raw_quarantine order by row_number")).containsExactly(
        List.of(2, "The value 1.5 in column \"Units produced\" is a duration or a time of day (1.5 days, shown as"
            + " 36:00), not a number: enter the figure as a number, in the unit of its KPI, in a cell formatted as a"
            + " number.", Arrays.asList("2025-01-06", "1.5", null)),
        List.of(3, "The period \"45664\" in column \"Woche\" is not a date. 45664 looks like an Excel date serial"
            + " (07.01.2025) in a cell not formatted as a date: format the column as a date in the workbook.",
            Arrays.asList("45664", "100", null)));
  }

  @Test
  void aLegacyWorkbookGivesTheSameKinds() throws Exception {
    // given the same cells in an .xls: a percentage without unit, text that reads two ways, a duration
    HSSFWorkbook stated = legacy("Critical parts inspected");
    CellStyle percent = stated.createCellStyle();
    percent.setDataFormat(stated.createDataFormat().getFormat("0%"));
    stated.getSheetAt(0).getRow(1).createCell(1).setCellValue(0.98);
    stated.getSheetAt(0).getRow(1).getCell(1).setCellStyle(percent);
    HSSFWorkbook undeclared = legacy("Units produced", "Critical parts inspected");
    CellStyle duration = undeclared.createCellStyle();
    duration.setDataFormat(undeclared.createDataFormat().getFormat("[h]:mm"));
    undeclared.getSheetAt(0).getRow(1).createCell(1).setCellValue("12.500");
    undeclared.getSheetAt(0).createRow(2).createCell(0).setCellValue("2025-01-13");
    undeclared.getSheetAt(0).getRow(2).createCell(1).setCellValue(1.5);
    undeclared.getSheetAt(0).getRow(2).getCell(1).setCellStyle(duration);

    // when
    home.load(home.deliver("Stated_2.xls", bytes(stated)));
    home.load(home.deliver("Undeclared_4.xls", bytes(undeclared)));

    // then
    assertThat(home.query("select row_number, value from raw_value")).containsExactly(List.of(2, 98.0));
    assertThat(home.query("select row_number, fields[2], reason from raw_quarantine order by row_number"))
        .containsExactly(
            List.of(2, "12.500", "The value \"12.500\" in column \"Units produced\" is not a number as the workbook"
                + " stores it: it is text, which reads as 12.5 with a decimal point and as 12500 with a decimal comma."
                + " Enter it as a number in the workbook, or declare how this source writes numbers typed as text"
                + " (sources.yml: decimal: \",\" or decimal: \".\" on the source)."),
            List.of(3, "1.5", "The value 1.5 in column \"Units produced\" is a duration or a time of day (1.5 days,"
                + " shown as 36:00), not a number: enter the figure as a number, in the unit of its KPI, in a cell"
                + " formatted as a number."));
  }

  private interface Sheet {
    void write(Worksheet ws) throws Exception;
  }

  private static byte[] workbook(Sheet sheet) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Workbook wb = new Workbook(out, "Excel", "1.0");
    sheet.write(wb.newWorksheet("KPIs"));
    wb.finish();
    return out.toByteArray();
  }

  private static void header(Worksheet ws, String... names) {
    WorksheetRows.cells(ws, 0, (Object[]) names);
  }

  /** The week's Monday as a date cell in column A. */
  private static void week(Worksheet ws, int row, int weeksAfterTheSecond) {
    ws.value(row, 0, WEEK_2.plusWeeks(weeksAfterTheSecond));
    ws.style(row, 0).format("dd.mm.yyyy").set();
  }

  /** An .xls whose row 2 has the week 2025-01-06 as text (ISO) in column A. */
  private static HSSFWorkbook legacy(String... columns) {
    HSSFWorkbook wb = new HSSFWorkbook();
    var sheet = wb.createSheet("KPIs");
    sheet.createRow(0).createCell(0).setCellValue("Woche");
    for (int c = 0; c < columns.length; c++) {
      sheet.getRow(0).createCell(c + 1).setCellValue(columns[c]);
    }
    sheet.createRow(1).createCell(0).setCellValue("2025-01-06");
    return wb;
  }

  private static byte[] bytes(HSSFWorkbook wb) throws Exception {
    try (wb; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      wb.write(out);
      return out.toByteArray();
    }
  }
}
