package org.plumbline.demo;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.duckdb.DuckDBAppender;
import org.plumbline.demo.Production.Lot;

/**
 * Writes the MES's monthly inspection-lot exports {@code mes_inspection_lots_YYYY-MM.parquet}
 * by month of production date, through DuckDB's own Parquet writer.
 */
final class MesParquetWriter {

  static final String SOURCE_ID = "mes_inspection_lots";
  private static final String TABLE = "mes_inspection_lots";

  private MesParquetWriter() {}

  static List<WrittenFile> write(DuckDbExport duckdb, Path inbox, List<Lot> lots) throws SQLException {
    duckdb.execute("create table " + TABLE + " (lot_id varchar, part_no varchar, part_class varchar,"
        + " production_date date, line varchar, qty_produced integer, qty_inspected integer, qty_rejected integer)");
    Map<YearMonth, List<Lot>> byMonth = new TreeMap<>();
    for (Lot lot : lots) {
      byMonth.computeIfAbsent(YearMonth.from(lot.productionDate()), m -> new ArrayList<>()).add(lot);
    }
    List<WrittenFile> files = new ArrayList<>();
    for (Map.Entry<YearMonth, List<Lot>> month : byMonth.entrySet()) {
      try (DuckDBAppender appender = duckdb.appender(TABLE)) {
        for (Lot lot : month.getValue()) {
          appender.beginRow()
              .append(lot.lotId())
              .append(lot.part().partNo())
              .append(lot.part().partClass().name())
              .append(lot.productionDate())
              .append(lot.part().line())
              .append(lot.produced())
              .append(lot.inspected())
              .append(lot.rejected())
              .endRow();
        }
      }
      Path file = inbox.resolve("mes_inspection_lots_" + month.getKey() + ".parquet");
      duckdb.copyAndClear(TABLE, file, "format parquet");
      files.add(new WrittenFile(SOURCE_ID, file, month.getValue().size(), month.getKey().atEndOfMonth()));
    }
    return files;
  }
}
