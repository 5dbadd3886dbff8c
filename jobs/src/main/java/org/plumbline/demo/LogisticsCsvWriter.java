package org.plumbline.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.plumbline.demo.DepartmentReports.LogisticsWeek;

/**
 * Writes Logistics' quarterly weekly reports {@code Logistik_Wochenbericht_YYYY-Qn.csv}:
 * semicolons, decimal comma, thousands dot, no byte-order mark. A week belongs to the
 * quarter of its Thursday, so 2025-Q1 starts with the week of Monday 30.12.2024.
 */
final class LogisticsCsvWriter {

  static final String SOURCE_ID = "log_weekly_report";
  static final List<String> HEADER = List.of("Woche ab", "Liefertreue (%)", "Frachtkosten (EUR)");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  private LogisticsCsvWriter() {}

  static List<WrittenFile> write(Path inbox, List<LogisticsWeek> weeks) throws IOException {
    Map<Quarter, List<LogisticsWeek>> byQuarter = new TreeMap<>();
    for (LogisticsWeek week : weeks) {
      byQuarter.computeIfAbsent(Quarter.of(week.week().day(DayOfWeek.THURSDAY)), q -> new ArrayList<>()).add(week);
    }
    List<WrittenFile> files = new ArrayList<>();
    for (Map.Entry<Quarter, List<LogisticsWeek>> quarter : byQuarter.entrySet()) {
      List<LogisticsWeek> rows = quarter.getValue();
      List<String> lines = new ArrayList<>();
      lines.add(CsvText.line(";", HEADER));
      for (LogisticsWeek w : rows) {
        lines.add(CsvText.line(";", List.of(DATE.format(w.week().monday()),
            CsvText.german(w.onTimePercent(), "0.0"), CsvText.german(w.freightCostEur(), "#,##0.00"))));
      }
      Path file = inbox.resolve("Logistik_Wochenbericht_" + quarter.getKey() + ".csv");
      CsvText.write(file, lines, CsvText.CRLF, false);
      files.add(new WrittenFile(SOURCE_ID, file, rows.size(), rows.get(rows.size() - 1).week().sunday()));
    }
    return files;
  }
}
