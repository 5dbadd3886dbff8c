package org.plumbline.demo;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.plumbline.demo.Production.Posting;

/**
 * Writes the ERP's monthly production exports {@code erp_production_YYYY-MM.csv}: plain
 * comma CSV, ISO dates, one row per part per production day. Files follow the posting month,
 * so the first week's 30 and 31 December land in {@code erp_production_2024-12.csv}.
 */
final class ErpCsvWriter {

  static final String SOURCE_ID = "erp_production";
  static final List<String> HEADER = List.of(
      "posting_date", "plant", "part_no", "qty_good", "qty_scrap", "scrap_cost_eur", "rework_cost_eur");

  private ErpCsvWriter() {}

  static List<WrittenFile> write(Path inbox, String plant, List<Posting> postings) throws IOException {
    Map<YearMonth, List<Posting>> byMonth = new TreeMap<>();
    for (Posting posting : postings) {
      byMonth.computeIfAbsent(YearMonth.from(posting.postingDate()), m -> new ArrayList<>()).add(posting);
    }
    List<WrittenFile> files = new ArrayList<>();
    for (Map.Entry<YearMonth, List<Posting>> month : byMonth.entrySet()) {
      List<String> lines = new ArrayList<>();
      lines.add(CsvText.line(",", HEADER));
      for (Posting p : month.getValue()) {
        lines.add(CsvText.line(",", List.of(p.postingDate().toString(), plant, p.part().partNo(),
            Integer.toString(p.good()), Integer.toString(p.scrap()),
            BigDecimal.valueOf(p.scrapCostCents(), 2).toPlainString(),
            BigDecimal.valueOf(p.reworkCostCents(), 2).toPlainString())));
      }
      Path file = inbox.resolve("erp_production_" + month.getKey() + ".csv");
      CsvText.write(file, lines, CsvText.LF, false);
      files.add(new WrittenFile(SOURCE_ID, file, month.getValue().size(), month.getKey().atEndOfMonth()));
    }
    return files;
  }
}
