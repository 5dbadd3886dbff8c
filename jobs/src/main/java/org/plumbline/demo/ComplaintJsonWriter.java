package org.plumbline.demo;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.duckdb.DuckDBAppender;

/**
 * Writes the CRM's quarterly complaint exports {@code crm_complaints_YYYY-Qn.json}: a JSON
 * array of objects, one per complaint, with ISO dates and an explicit null where no defect
 * rate was measured. DuckDB writes the JSON, so no JSON library is needed.
 */
final class ComplaintJsonWriter {

  static final String SOURCE_ID = "crm_complaints";
  private static final String TABLE = "crm_complaints";

  private ComplaintJsonWriter() {}

  static List<WrittenFile> write(DuckDbExport duckdb, Path inbox, List<Complaint> complaints) throws SQLException {
    duckdb.execute("create table " + TABLE + " (complaint_id varchar, received_date date, customer varchar,"
        + " contact_name varchar, part_no varchar, lot_id varchar, category varchar, description varchar,"
        + " defect_rate double)");
    Map<Quarter, List<Complaint>> byQuarter = new TreeMap<>();
    for (Complaint complaint : complaints) {
      byQuarter.computeIfAbsent(Quarter.of(complaint.receivedDate()), q -> new ArrayList<>()).add(complaint);
    }
    List<WrittenFile> files = new ArrayList<>();
    for (Map.Entry<Quarter, List<Complaint>> quarter : byQuarter.entrySet()) {
      try (DuckDBAppender appender = duckdb.appender(TABLE)) {
        for (Complaint c : quarter.getValue()) {
          appender.beginRow()
              .append(c.complaintId())
              .append(c.receivedDate())
              .append(c.customer())
              .append(c.contactName())
              .append(c.partNo())
              .append(c.lotId())
              .append(c.category())
              .append(c.description());
          if (c.defectRate() == null) {
            appender.appendNull();
          } else {
            appender.append(c.defectRate().doubleValue());
          }
          appender.endRow();
        }
      }
      Path file = inbox.resolve("crm_complaints_" + quarter.getKey() + ".json");
      duckdb.copyAndClear(TABLE, file, "format json, array true");
      files.add(new WrittenFile(SOURCE_ID, file, quarter.getValue().size(), quarter.getKey().lastDay()));
    }
    return files;
  }
}
