package org.plumbline.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.plumbline.demo.DepartmentReports.WeeklyKpi;

/**
 * Writes Production's monthly KPI workbooks {@code Produktion_KPI_YYYY-MM.xlsx} the way a
 * department keeps them: a notes sheet first, then a titled sheet with a header on row 3,
 * one row per week and a totals row with formulas.
 */
final class KpiWorkbookWriter {

  static final String SOURCE_ID = "prod_weekly_kpis";
  static final String SHEET = "Weekly KPIs";
  static final List<String> HEADER = List.of(
      "Week starting", "Units produced", "Critical parts inspected", "Scrap cost (EUR)", "Output per shift");
  /** 0-based row of the header in the sheet: row 3 as Excel shows it. */
  static final int HEADER_ROW = 2;

  private final DemoStory story;

  KpiWorkbookWriter(DemoStory story) {
    this.story = story;
  }

  List<WrittenFile> write(Path inbox, List<WeeklyKpi> weeks) throws IOException {
    Map<YearMonth, List<WeeklyKpi>> byMonth = new TreeMap<>();
    for (WeeklyKpi week : weeks) {
      byMonth.computeIfAbsent(week.week().month(), m -> new ArrayList<>()).add(week);
    }
    List<WrittenFile> files = new ArrayList<>();
    for (Map.Entry<YearMonth, List<WeeklyKpi>> month : byMonth.entrySet()) {
      files.add(writeMonth(inbox.resolve(fileName(month.getKey())), month.getKey(), month.getValue()));
    }
    return files;
  }

  static String fileName(YearMonth month) {
    return "Produktion_KPI_" + month + ".xlsx";
  }

  /**
   * The month's workbook again, under the resend's name, with the polished weeks' output per
   * shift multiplied by the resend's factor: the department "corrects" figures already sent.
   */
  WrittenFile resend(Path inbox, DemoStory.Resend resend, List<WeeklyKpi> weeks) throws IOException {
    if (!HEADER.get(4).equals(resend.column())) {
      throw new IllegalArgumentException("The demo can polish only the column '" + HEADER.get(4) + "', not '"
          + resend.column() + "'.");
    }
    YearMonth month = resend.weeks().get(0).month();
    List<WeeklyKpi> rows = weeks.stream().filter(w -> w.week().month().equals(month))
        .map(w -> !resend.weeks().contains(w.week()) ? w : new WeeklyKpi(w.week(), w.unitsProduced(),
            w.criticalPartsInspected(), w.scrapCostCents(),
            w.outputPerShift().multiply(resend.factor()).setScale(1, java.math.RoundingMode.HALF_UP)))
        .toList();
    return writeMonth(inbox.resolve(resend.resentAs()), month, rows);
  }

  private WrittenFile writeMonth(Path file, YearMonth month, List<WeeklyKpi> rows) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      Workbook workbook = new Workbook(out, "Plumbline demo", "1.0");
      notes(workbook.newWorksheet("Notes"), month, rows);
      kpis(workbook.newWorksheet(SHEET), month, rows);
      workbook.finish();
    }
    LocalDate lastDay = rows.get(rows.size() - 1).week().sunday();
    // Created on the last day it covers, as a department fills in its month's workbook then; a
    // corrected copy keeps the date, as a copy saved under a new name does.
    ReproducibleWorkbook.rewrite(file, lastDay.atStartOfDay(story.timezone()).toInstant());
    return new WrittenFile(SOURCE_ID, file, rows.size(), lastDay);
  }

  private void notes(Worksheet sheet, YearMonth month, List<WeeklyKpi> rows) {
    List<String> lines = List.of(
        "Weekly KPI report of the Production department",
        story.company() + ", plant " + story.plant().name() + " (" + story.plant().code() + ")",
        "Reporting month: " + monthName(month) + ", weeks " + rows.get(0).week() + " to "
            + rows.get(rows.size() - 1).week() + " (a week belongs to the month of its Thursday).",
        "Units produced and scrap cost (EUR) are copied from the ERP weekly totals.",
        "Critical parts inspected: share of critical engine valves inspected before shipment"
            + " (POL-INSP-001 requires 100%).",
        "Output per shift: units produced divided by the shifts worked ("
            + story.calendar().shiftsPerDay() + " per production day).",
        "Prepared by Production controlling.");
    for (int i = 0; i < lines.size(); i++) {
      sheet.value(i, 0, lines.get(i));
    }
    sheet.style(0, 0).bold().set();
    sheet.width(0, 100);
  }

  private void kpis(Worksheet sheet, YearMonth month, List<WeeklyKpi> rows) {
    int lastColumn = HEADER.size() - 1;
    sheet.value(0, 0, "Production \u2013 weekly KPI report \u2013 " + monthName(month));
    sheet.range(0, 0, 0, lastColumn).merge();
    sheet.style(0, 0).bold().fontSize(14).set();
    sheet.value(1, 0,
        story.company() + " \u00b7 plant " + story.plant().name() + " \u00b7 self-reported by Production");
    sheet.range(1, 0, 1, lastColumn).merge();
    sheet.style(1, 0).italic().set();
    for (int c = 0; c <= lastColumn; c++) {
      sheet.value(HEADER_ROW, c, HEADER.get(c));
      sheet.style(HEADER_ROW, c).bold().fillColor("D9E1F2").wrapText(true).set();
      sheet.width(c, c == 0 ? 14 : 18);
    }
    int r = HEADER_ROW + 1;
    for (WeeklyKpi row : rows) {
      sheet.value(r, 0, row.week().monday());
      sheet.style(r, 0).format("dd.mm.yyyy").set();
      sheet.value(r, 1, row.unitsProduced());
      sheet.style(r, 1).format("#,##0").set();
      // A fraction shown as a percentage, as people type it into Excel: 1 shows as 100%.
      sheet.value(r, 2, row.criticalPartsInspected());
      sheet.style(r, 2).format("0%").set();
      sheet.value(r, 3, BigDecimal.valueOf(row.scrapCostCents(), 2));
      sheet.style(r, 3).format("#,##0.00").set();
      sheet.value(r, 4, row.outputPerShift());
      sheet.style(r, 4).format("#,##0.0").set();
      r++;
    }
    String firstData = Integer.toString(HEADER_ROW + 2);
    String lastData = Integer.toString(r);
    sheet.value(r, 0, "Total");
    sheet.formula(r, 1, "SUM(B" + firstData + ":B" + lastData + ")");
    sheet.formula(r, 3, "SUM(D" + firstData + ":D" + lastData + ")");
    sheet.style(r, 0).bold().set();
    sheet.style(r, 1).bold().format("#,##0").set();
    sheet.style(r, 3).bold().format("#,##0.00").set();
  }

  private static String monthName(YearMonth month) {
    return month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + month.getYear();
  }
}
