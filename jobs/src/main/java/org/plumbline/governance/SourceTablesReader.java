package org.plumbline.governance;

import static org.plumbline.governance.Block.Need.OPTIONAL;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.plumbline.governance.Source.Format;
import org.plumbline.governance.Source.PeriodSpec;
import org.plumbline.governance.Source.SkipRule;
import org.plumbline.governance.Source.Shape;
import org.plumbline.governance.Source.SourceMetric;
import org.plumbline.governance.Source.Table;

/**
 * Reads a source's {@code tables}: the table regions of one workbook sheet that holds several
 * tables. Each table starts at a header row given by number or following a title in column A,
 * and ends at its first blank row or where the next table starts. Declaring them in sheet order
 * is what lets a reader tell a row between two tables (layout or quarantined) from a data row.
 */
final class SourceTablesReader {

  private SourceTablesReader() {}

  static List<Table> read(Block entry, Format format, Source source) {
    Shape shape = source.shape();
    List<SourceMetric> sourceMetrics = source.metrics();
    if (!entry.has("tables")) {
      return List.of();
    }
    List<Block> blocks = entry.list("tables", "table", OPTIONAL);
    if (format != null && format != Format.XLSX) {
      entry.problem("tables", "'tables' only applies to xlsx workbooks, but this source's format is "
          + format.name().toLowerCase(Locale.ROOT) + ".");
    }
    if (entry.has("header_row")) {
      entry.problem("header_row", "A source with 'tables' gives each table its own header_row or title;"
          + " remove the source's header_row.");
    }
    if (blocks.isEmpty()) {
      entry.problem("tables", "'tables' is empty; list the sheet's tables, or remove 'tables' for a sheet that"
          + " is one table.");
    }
    List<Table> tables = new ArrayList<>();
    Map<String, Block> byName = new HashMap<>();
    Map<String, Block> byTitle = new HashMap<>();
    Table previous = null;
    Block previousBlock = null;
    for (Block block : blocks) {
      Table table = table(block, source);
      if (table.name() != null) {
        Block earlier = byName.putIfAbsent(table.name().toLowerCase(Locale.ROOT), block);
        if (earlier != null) {
          block.problem("name", "The table name '" + table.name() + "' is already used on line " + earlier.line()
              + "; each table of a sheet needs its own name.");
        }
      }
      if (table.title() != null) {
        Block earlier = byTitle.putIfAbsent(table.title().strip().toLowerCase(Locale.ROOT), block);
        if (earlier != null) {
          block.problem("title", "The title '" + table.title() + "' is already the title of the table on line "
              + earlier.line() + "; a title must tell its table from the others.");
        }
      }
      if (previous != null && previous.headerRow() > 0 && table.headerRow() > 0
          && table.headerRow() <= previous.headerRow()) {
        block.problem("header_row", "This table's header_row " + table.headerRow() + " is not below the header"
            + " of the table before it (header_row " + previous.headerRow() + " on line " + previousBlock.line()
            + "): tables overlap. List the tables in the order they appear on the sheet.");
      }
      tables.add(table);
      previous = table;
      previousBlock = block;
    }
    return List.copyOf(tables);
  }

  private static Table table(Block block, Source source) {
    String name = block.text("name", Block.Need.REQUIRED);
    // header_row: auto finds the header by the columns the table reads, below its title if it has one.
    boolean auto = "auto".equalsIgnoreCase(block.text("header_row", OPTIONAL));
    Integer headerRow = auto ? Integer.valueOf(Table.HEADER_AUTO) : block.count("header_row", OPTIONAL);
    String title = block.text("title", OPTIONAL);
    if ((headerRow == null) == (title == null) && !block.has("header_row") && !block.has("title")) {
      block.problem("A table needs where its header is: 'header_row' (its row number, or auto: the first row"
          + " naming every column the table reads) or 'title' (the text in column A of the row above the header).");
    } else if (block.has("header_row") && block.has("title") && !auto) {
      block.problem("title", "A table has either a numbered 'header_row' or 'title', not both: with a title, the"
          + " header is the first non-blank row below it (or, with header_row: auto, the first below it that names"
          + " every column the table reads).");
    }
    Table.End end = block.has("end") ? block.choice("end", Table.End.class, Block.Need.REQUIRED) : null;
    // How the table is read, where it differs from the source: each setting falls back to the source's.
    Shape shape = block.has("shape") ? block.choice("shape", Shape.class, Block.Need.REQUIRED) : null;
    Shape effective = shape != null ? shape : source.shape();
    PeriodSpec period = SourceReader.period(block.child("period", "period", OPTIONAL), OPTIONAL, OPTIONAL);
    String metricColumn = block.text("metric_column", OPTIONAL);
    String valueColumn = block.text("value_column", OPTIONAL);
    Map<String, String> attributes = block.has("attributes") ? block.attributeMap("attributes") : null;
    SkipRule skipRows = SourceReader.skipRule(block.child("skip_rows", "skip_rows rule", OPTIONAL));
    String dateFormat = SourceReader.dateFormat(block);
    List<SourceMetric> metrics = null;
    if (block.has("metrics")) {
      metrics = SourceReader.metrics(block.list("metrics", "metric", Block.Need.REQUIRED), effective);
    } else if (effective == Shape.COLUMN_PER_METRIC && source.metrics().isEmpty()) {
      block.problem("metrics", "This table needs 'metrics' (its value columns), as the source lists none to share.");
    }
    Table table = new Table(name, headerRow == null ? 0 : headerRow, title, end == null ? Table.End.BLANK_ROW : end,
        metrics, shape, period, metricColumn, valueColumn, attributes, skipRows, dateFormat);
    checkReading(block, source, table, effective);
    return table;
  }

  /** What the table's shape needs, from the table or else the source; and nothing its shape ignores. */
  private static void checkReading(Block block, Source source, Table table, Shape shape) {
    String shapeName = shape.name().toLowerCase(Locale.ROOT);
    boolean namedByColumn = shape == Shape.METRIC_PER_ROW || shape == Shape.PERIODS_ACROSS;
    if (table.metricColumn() != null && !namedByColumn) {
      block.problem("metric_column", "'metric_column' only applies to the shapes metric_per_row and periods_across;"
          + " this table has the shape " + shapeName + ".");
    } else if (namedByColumn && source.metricColumnOf(table) == null) {
      block.problem("metric_column", "This table has the shape " + shapeName + " and needs 'metric_column' (the"
          + " column naming each row's metric), as the source gives none to share.");
    }
    if (table.valueColumn() != null && shape != Shape.METRIC_PER_ROW) {
      block.problem("value_column", "'value_column' only applies to the shape metric_per_row; this table has the"
          + " shape " + shapeName + ".");
    } else if (shape == Shape.METRIC_PER_ROW && source.valueColumnOf(table) == null) {
      block.problem("value_column", "This table has the shape metric_per_row and needs 'value_column' (the column"
          + " holding each row's value), as the source gives none to share.");
    }
    PeriodSpec period = source.periodOf(table);
    if (shape != Shape.ROWS_ONLY && shape != Shape.PERIODS_ACROSS && (period == null || period.column() == null)) {
      block.problem("period", "This table needs the column holding its period: 'period: { column: ... }' on the"
          + " table, as the source gives none to share.");
    }
    if (shape != Shape.ROWS_ONLY && (period == null || period.grain() == null)) {
      block.problem("period", "This table needs its period's grain (day, week or month): 'period: { grain: ... }'"
          + " on the table or on the source.");
    }
  }
}
