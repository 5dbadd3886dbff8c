package org.plumbline.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.plumbline.demo.DepartmentReports.Audit;

/**
 * Writes Quality Management's quarterly audit lists {@code Qualitaet_Audits_YYYY-Qn.csv} as
 * Excel's "CSV UTF-8" export on a German desktop makes them: byte-order mark, semicolons,
 * decimal comma, dd.mm.yyyy dates.
 */
final class AuditCsvWriter {

  static final String SOURCE_ID = "qual_audit_scores";
  static final List<String> HEADER = List.of("Auditdatum", "Bereich", "Audit-Typ", "Ergebnis (%)");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  private AuditCsvWriter() {}

  static List<WrittenFile> write(Path inbox, List<Audit> audits) throws IOException {
    Map<Quarter, List<Audit>> byQuarter = new TreeMap<>();
    for (Audit audit : audits) {
      byQuarter.computeIfAbsent(Quarter.of(audit.date()), q -> new ArrayList<>()).add(audit);
    }
    List<WrittenFile> files = new ArrayList<>();
    for (Map.Entry<Quarter, List<Audit>> quarter : byQuarter.entrySet()) {
      List<String> lines = new ArrayList<>();
      lines.add(CsvText.line(";", HEADER));
      for (Audit a : quarter.getValue()) {
        lines.add(CsvText.line(";",
            List.of(DATE.format(a.date()), a.area(), a.type(), CsvText.german(a.score(), "0.0"))));
      }
      Path file = inbox.resolve("Qualitaet_Audits_" + quarter.getKey() + ".csv");
      CsvText.write(file, lines, CsvText.CRLF, true);
      files.add(new WrittenFile(SOURCE_ID, file, quarter.getValue().size(), quarter.getKey().lastDay()));
    }
    return files;
  }
}
