package org.plumbline.governance;

import java.util.List;
import java.util.Map;

/**
 * Where a department's spreadsheet or a system's export arrives and how to read it. A source
 * says where a number is; what it means comes from the department's local KPI names or, for a
 * system of record, from the KPI measurements that use its metrics.
 *
 * @param system the system of record's name (MES, ERP...), null for a department's own file
 * @param filePattern a glob matched against file names in the inbox
 * @param sheet the worksheet to read (XLSX), null for the first
 * @param headerRow the 1-based row or line holding the column names
 * @param csv the CSV dialect, null for other formats
 * @param skipRows layout rows (totals) that are not data, or null
 * @param attributes attribute (part_id, part_class, lot_id) to the column that holds it
 * @param shape where the values are in the table: a column per metric, a metric per row, or
 *     periods across the columns (unpivoted on the way in); {@code ROWS_ONLY} keeps rows with
 *     their lineage but derives no values (a file being onboarded, or kept for the record)
 * @param metricColumn the column naming the metric, for the metric-per-row and
 *     periods-across shapes (its text is the department's local KPI name or the measure)
 * @param valueColumn the column holding the value, for the metric-per-row shape
 * @param versionKey what makes two files versions of one document rather than two documents
 * @param currency the currency (ISO code) the source's money columns are in, or null: the reporting currency
 * @param tables the table regions of a workbook sheet that holds several tables, in sheet order;
 *     empty when the sheet is one table (from {@code headerRow} to its end)
 * @param dateFormat the strptime format of period texts in any format of file ({@code date_format}:
 *     a workbook or JSON file whose dates are typed as text), or null: the csv dialect's, else ISO
 * @param decimal a workbook's decimal mark ({@code .} or {@code ,}) for numbers typed as text
 *     ({@code decimal}); null when it declares none (a csv source gives its mark in its csv block)
 * @param departmentColumn the column naming each row's department ({@code department_column}: one
 *     system export covering several departments), or null: every row is {@code departmentCode}'s.
 *     Its text is a department's code, name or alias (departments.yml); an empty cell falls back
 *     to {@code departmentCode}
 */
public record Source(
    String id,
    String departmentCode,
    String system,
    Kind kind,
    Format format,
    String filePattern,
    String sheet,
    int headerRow,
    PeriodSpec period,
    CsvDialect csv,
    SkipRule skipRows,
    Map<String, String> attributes,
    List<SourceMetric> metrics,
    Shape shape,
    String metricColumn,
    String valueColumn,
    VersionKey versionKey,
    String currency,
    List<Table> tables,
    String dateFormat,
    String decimal,
    String departmentColumn) {

  /** A source whose sheet is one table, with ISO dates or its csv dialect's. */
  public Source(String id, String departmentCode, String system, Kind kind, Format format, String filePattern,
      String sheet, int headerRow, PeriodSpec period, CsvDialect csv, SkipRule skipRows, Map<String, String> attributes,
      List<SourceMetric> metrics, Shape shape, String metricColumn, String valueColumn, VersionKey versionKey,
      String currency) {
    this(id, departmentCode, system, kind, format, filePattern, sheet, headerRow, period, csv, skipRows, attributes,
        metrics, shape, metricColumn, valueColumn, versionKey, currency, List.of(), null, null, null);
  }

  /** A source whose money is in the reporting currency. */
  public Source(String id, String departmentCode, String system, Kind kind, Format format, String filePattern,
      String sheet, int headerRow, PeriodSpec period, CsvDialect csv, SkipRule skipRows, Map<String, String> attributes,
      List<SourceMetric> metrics, Shape shape, String metricColumn, String valueColumn, VersionKey versionKey) {
    this(id, departmentCode, system, kind, format, filePattern, sheet, headerRow, period, csv, skipRows, attributes,
        metrics, shape, metricColumn, valueColumn, versionKey, null);
  }

  public enum Kind { SELF_REPORTED, SYSTEM_OF_RECORD }

  public enum Format { XLSX, CSV, JSON, PARQUET }

  /** Where a table's values are; see {@code config/governance/sources.yml}. */
  public enum Shape { COLUMN_PER_METRIC, METRIC_PER_ROW, PERIODS_ACROSS, ROWS_ONLY }

  /**
   * Two files of a source are versions of one document when they share this key: the file
   * name (a department re-sends a corrected workbook under the same name) or the periods the
   * file covers (a system re-exports the same weeks under a new time-stamped name).
   */
  public enum VersionKey { FILE_NAME, PERIODS }

  /** The header row is found by looking for the source's columns, not given as a number. */
  public static final int HEADER_AUTO = 0;

  /**
   * The column holding the period (null where the periods are the column headers), and
   * whether a value describes a day or an ISO week.
   */
  public record PeriodSpec(String column, Grain grain) {
    public enum Grain { DAY, WEEK, MONTH }
  }

  /** How a CSV file is written: field delimiter, decimal mark, date format (strptime). */
  public record CsvDialect(String delimiter, String decimal, String dateFormat, String encoding, String escape) {

    public CsvDialect(String delimiter, String decimal, String dateFormat, String encoding) {
      this(delimiter, decimal, dateFormat, encoding, QUOTE_ESCAPE);
    }

    /** A quote inside a quoted field is written twice (RFC 4180), unless the source says otherwise. */
    public static final String QUOTE_ESCAPE = "\"";

    /** How a quote inside a quoted field can be escaped: doubled, or after a backslash. */
    public static final List<String> ESCAPES = List.of(QUOTE_ESCAPE, "\\");

    /** The date formats sql/staging/stg_observation.sql can type (DuckDB wants them constant). */
    public static final List<String> DATE_FORMATS =
        List.of("%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y", "%d/%m/%Y", "%m/%d/%Y", "%d-%m-%Y", "%Y/%m/%d", "%Y%m%d");

    /** The encodings a CSV file is read in (Latin-1 as Windows-1252, which it is part of). */
    public static final List<String> ENCODINGS = List.of("UTF-8", "UTF-16", "Latin-1", "Windows-1252");
  }

  /** Rows whose {@code column} matches the regular expression {@code matches} are layout. */
  public record SkipRule(String column, String matches) {}

  /**
   * A column holding values.
   *
   * @param column the header in the file, or null when every row counts as {@code constantValue}
   * @param name the measure (system of record) or the department's local KPI name
   * @param scale multiplies the value (1000 for figures in thousands)
   * @param unit the unit the file states the value in ({@code percent}, {@code fraction},
   *     {@code ppm}), converted to the KPI's unit on the way in; null when it is the KPI's
   */
  public record SourceMetric(String column, String name, double scale, Double constantValue, String unit,
      String currency) {

    public SourceMetric(String column, String name, double scale, Double constantValue, String unit) {
      this(column, name, scale, constantValue, unit, null);
    }

    public SourceMetric(String column, String name, double scale, Double constantValue) {
      this(column, name, scale, constantValue, null);
    }
  }

  /** The units a value can be converted between; a text value ending in % is in percent. */
  public static final List<String> RATIO_UNITS = List.of("percent", "fraction", "ppm");

  /**
   * One of several tables on a sheet. It starts at its header row, given as a number or as the
   * first non-blank row after a title row (the row whose column A reads {@code title}); it ends
   * at its first blank row ({@link End#BLANK_ROW}) or where the next table starts
   * ({@link End#NEXT_TABLE}, blank rows inside being skipped). A table reads its values as the
   * source says, except where it says otherwise: a weekly table with a column per metric above
   * a monthly table with the months across its columns is one source with two tables.
   *
   * @param name how the ledger tells the table from the sheet's others (raw_sheet.table_name)
   * @param headerRow the header's row number, 0 when the header is the first non-blank row after
   *     {@code title}, or {@link #HEADER_AUTO} when it is the first non-blank row (after the table
   *     before it, or after {@code title} where given) that names every column the table reads
   * @param title the text in column A above the header, or null
   * @param metrics the table's own value columns, or null when it shares the source's
   * @param shape the table's shape, or null: the source's
   * @param period the table's period column and grain, each null where it is the source's
   * @param metricColumn the table's metric column, or null: the source's (where its shape has one)
   * @param valueColumn the table's value column, or null: the source's (where its shape has one)
   * @param attributes the table's attribute columns, or null: the source's
   * @param skipRows the table's layout rule, or null: the source's
   * @param dateFormat the strptime format of the table's period texts (one of
   *     {@link CsvDialect#DATE_FORMATS}), or null: the source's
   */
  public record Table(String name, int headerRow, String title, End end, List<SourceMetric> metrics, Shape shape,
      PeriodSpec period, String metricColumn, String valueColumn, Map<String, String> attributes,
      SkipRule skipRows, String dateFormat) {

    /** A table read entirely as its source says, but for its value columns. */
    public Table(String name, int headerRow, String title, End end, List<SourceMetric> metrics) {
      this(name, headerRow, title, end, metrics, null, null, null, null, null, null, null);
    }

    /** The header is found by looking for the columns the table reads ({@code header_row: auto}). */
    public static final int HEADER_AUTO = -1;

    public enum End { BLANK_ROW, NEXT_TABLE }

    /** Whether the header is found from the table's columns rather than given or right below the title. */
    public boolean headerAutoDetected() {
      return headerRow == HEADER_AUTO;
    }

    /** Whether column A of a row reads this table's title (case and surrounding spaces ignored). */
    public boolean isTitle(String columnA) {
      return title != null && columnA != null && columnA.strip().equalsIgnoreCase(title.strip());
    }
  }

  /** The metrics a table reads: its own, or the source's. */
  public List<SourceMetric> metricsOf(Table table) {
    return table == null || table.metrics() == null ? metrics : table.metrics();
  }

  /** The shape a table is read in: its own, or the source's. */
  public Shape shapeOf(Table table) {
    return table == null || table.shape() == null ? shape : table.shape();
  }

  /**
   * A table's period: its own column and grain where given, else the source's. A table with the
   * periods across its columns has no period column unless it names one (the source's would be
   * a column of another table).
   */
  public PeriodSpec periodOf(Table table) {
    if (table == null) {
      return period;
    }
    PeriodSpec own = table.period();
    String column = own != null && own.column() != null ? own.column()
        : shapeOf(table) == Shape.PERIODS_ACROSS || period == null ? null : period.column();
    PeriodSpec.Grain grain = own != null && own.grain() != null ? own.grain() : period == null ? null : period.grain();
    return column == null && grain == null ? null : new PeriodSpec(column, grain);
  }

  /** The column naming a table's metric, where its shape has one: its own, or the source's. */
  public String metricColumnOf(Table table) {
    if (table == null) {
      return metricColumn;
    }
    Shape tableShape = shapeOf(table);
    if (tableShape != Shape.METRIC_PER_ROW && tableShape != Shape.PERIODS_ACROSS) {
      return null;
    }
    return table.metricColumn() != null ? table.metricColumn() : metricColumn;
  }

  /** The column holding a table's value, for the metric-per-row shape: its own, or the source's. */
  public String valueColumnOf(Table table) {
    if (table == null) {
      return valueColumn;
    }
    if (shapeOf(table) != Shape.METRIC_PER_ROW) {
      return null;
    }
    return table.valueColumn() != null ? table.valueColumn() : valueColumn;
  }

  /** A table's attribute columns: its own (all of them), or the source's. */
  public Map<String, String> attributesOf(Table table) {
    return table == null || table.attributes() == null ? attributes : table.attributes();
  }

  /** A table's layout rule: its own, or the source's. */
  public SkipRule skipRowsOf(Table table) {
    return table == null || table.skipRows() == null ? skipRows : table.skipRows();
  }

  /**
   * The strptime format of a table's period texts: its own, or the source's ({@code date_format},
   * or a csv source's {@code csv.date_format}); null for ISO dates. A workbook's date cells are
   * read as ISO dates whatever the format; it applies to dates typed as text.
   */
  public String dateFormatOf(Table table) {
    if (table != null && table.dateFormat() != null) {
      return table.dateFormat();
    }
    if (dateFormat != null) {
      return dateFormat;
    }
    return csv == null ? null : csv.dateFormat();
  }

  /**
   * How the typing reads a number written as text: with the csv dialect's mark; in a workbook
   * with its declared {@code decimal}, or, where it declares none, '' (a text cell that reads as
   * two different numbers, "12.500", is quarantined); elsewhere with a decimal point. A workbook's
   * number cells always store a decimal point, whatever this says.
   */
  public String textDecimalMark() {
    if (csv != null) {
      return csv.decimal() == null ? "." : csv.decimal();
    }
    if (format == Format.XLSX) {
      return decimal == null ? "" : decimal;
    }
    return ".";
  }

  /**
   * Whether a row of this source can carry the attribute (part_id, part_class, lot_id): on a
   * sheet of several tables, whether any table reads it (its own attributes, or the source's
   * where it has none of its own).
   */
  public boolean readsAttribute(String attribute) {
    if (tables.isEmpty()) {
      return attributes.containsKey(attribute);
    }
    return tables.stream().anyMatch(table -> attributesOf(table).containsKey(attribute));
  }

  /**
   * The metric names a KPI's measurement or a cost of poor quality may use: those some table of
   * the source reads (its own list, or the source's where it has none; the source's on a sheet
   * of one table), in config order and without repeats. A name only the source lists while
   * every table has its own list is read nowhere, so it is not offered, as for attributes
   * ({@link #readsAttribute}). With the shapes metric_per_row and periods_across the names come
   * from the file, but only a name listed (with how its values are stated) may be measured.
   */
  public List<String> metricNames() {
    java.util.stream.Stream<SourceMetric> read = tables.isEmpty() ? metrics.stream()
        : tables.stream().flatMap(table -> metricsOf(table).stream());
    return read.map(SourceMetric::name).filter(java.util.Objects::nonNull).distinct().toList();
  }

  /** Whether the source or one of its tables lists a metric of this name (see {@link #metricNames()}). */
  public boolean readsMetric(String name) {
    return metricNames().contains(name);
  }

  /** The columns a table of this source reads, which its header must have. */
  public List<String> columnsRead(Table table) {
    PeriodSpec tablePeriod = periodOf(table);
    List<String> columns = new java.util.ArrayList<>();
    if (tablePeriod != null && tablePeriod.column() != null) {
      columns.add(tablePeriod.column());
    }
    if (metricColumnOf(table) != null) {
      columns.add(metricColumnOf(table));
    }
    if (valueColumnOf(table) != null) {
      columns.add(valueColumnOf(table));
    }
    if (shapeOf(table) == Shape.COLUMN_PER_METRIC) {
      metricsOf(table).stream().map(SourceMetric::column).filter(java.util.Objects::nonNull).forEach(columns::add);
    }
    columns.addAll(attributesOf(table).values());
    if (departmentColumn != null) {
      columns.add(departmentColumn);
    }
    return columns.stream().distinct().toList();
  }

  /** Whether the header row is found from the source's columns rather than given. */
  public boolean headerAutoDetected() {
    return headerRow == HEADER_AUTO;
  }

  /** The columns this source reads, which a file's header must have. */
  public List<String> columnsRead() {
    return columnsRead(null);
  }
}
