package org.plumbline.governance;

import static org.plumbline.governance.Block.Need.OPTIONAL;
import static org.plumbline.governance.Block.Need.REQUIRED;

import java.nio.file.FileSystems;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.plumbline.governance.Source.CsvDialect;
import org.plumbline.governance.Source.Format;
import org.plumbline.governance.Source.Kind;
import org.plumbline.governance.Source.PeriodSpec;
import org.plumbline.governance.Source.PeriodSpec.Grain;
import org.plumbline.governance.Source.Shape;
import org.plumbline.governance.Source.VersionKey;
import org.plumbline.governance.Source.SkipRule;
import org.plumbline.governance.Source.SourceMetric;
import org.plumbline.governance.Source.Table;

/** Reads one entry of {@code sources}: where a file comes from and how to read it. */
final class SourceReader {

  private SourceReader() {}

  static Source read(Block entry) {
    String id = entry.text("id", REQUIRED);
    Kind kind = entry.choice("kind", Kind.class, REQUIRED);
    // A self-reported source's metric names are its department's local KPI names: it needs one.
    String department = entry.text("department", kind == Kind.SELF_REPORTED ? REQUIRED : OPTIONAL);
    String departmentColumn = departmentColumn(entry, kind);
    String system = entry.text("system", OPTIONAL);
    Format format = entry.choice("format", Format.class, REQUIRED);
    String files = glob(entry);
    String sheet = entry.text("sheet", OPTIONAL);
    if (sheet != null && format != null && format != Format.XLSX) {
      entry.problem("sheet", "'sheet' only applies to xlsx workbooks, but this source's format is " + name(format) + ".");
    }
    int headerRow = headerRow(entry);
    Shape shape = entry.has("shape") ? entry.choice("shape", Shape.class, REQUIRED) : Shape.COLUMN_PER_METRIC;
    shape = shape == null ? Shape.COLUMN_PER_METRIC : shape;
    // With several tables on the sheet, each table may name its own period column and metric or
    // value column instead; SourceTablesReader checks that every table ends up with what it needs.
    boolean hasTables = entry.has("tables");
    PeriodSpec period = period(entry.child("period", "period", shape == Shape.ROWS_ONLY ? OPTIONAL : REQUIRED),
        shape == Shape.PERIODS_ACROSS || hasTables ? OPTIONAL : REQUIRED);
    CsvDialect csv = csv(entry, format);
    String dateFormat = dateFormat(entry);
    String decimal = workbookDecimal(entry, format);
    if (dateFormat != null && csv != null && csv.dateFormat() != null) {
      entry.problem("date_format", "The date format is given twice, as 'date_format' and as the csv block's"
          + " 'date_format'; keep one.");
    }
    SkipRule skipRows = skipRule(entry.child("skip_rows", "skip_rows rule", OPTIONAL));
    Map<String, String> attributes = entry.attributeMap("attributes");
    boolean namedByColumn = shape == Shape.METRIC_PER_ROW || shape == Shape.PERIODS_ACROSS;
    String metricColumn = entry.text("metric_column", namedByColumn && !hasTables ? REQUIRED : OPTIONAL);
    String valueColumn = entry.text("value_column", shape == Shape.METRIC_PER_ROW && !hasTables ? REQUIRED : OPTIONAL);
    if (metricColumn != null && !namedByColumn) {
      entry.problem("metric_column", "'metric_column' only applies to the shapes metric_per_row and periods_across;"
          + " this source has a column per metric (list them under 'metrics').");
    }
    if (valueColumn != null && shape != Shape.METRIC_PER_ROW) {
      entry.problem("value_column", "'value_column' only applies to the shape metric_per_row.");
    }
    // With several tables on the sheet, each table may list its own value columns instead.
    List<SourceMetric> metrics = metrics(entry.list("metrics", "metric",
        shape == Shape.COLUMN_PER_METRIC && !hasTables ? REQUIRED : OPTIONAL), shape);
    VersionKey versionKey = entry.has("version_key") ? entry.choice("version_key", VersionKey.class, REQUIRED) : null;
    String currency = currency(entry);
    Source source = new Source(id, department, system, kind, format, files, sheet, headerRow, period, csv, skipRows,
        attributes, metrics, shape, metricColumn, valueColumn, versionKey == null ? VersionKey.FILE_NAME : versionKey,
        currency, List.of(), dateFormat, decimal, departmentColumn);
    List<Table> tables = SourceTablesReader.read(entry, format, source);
    return new Source(id, department, system, kind, format, files, sheet, headerRow, period, csv, skipRows,
        attributes, metrics, shape, metricColumn, valueColumn, source.versionKey(), currency, tables, dateFormat,
        decimal, departmentColumn);
  }

  /**
   * The column naming each row's department, for one system export covering several departments.
   * A department's own figures are its own by definition and read under its local KPI names, which
   * are the department's: a self-reported source names its one department instead.
   */
  private static String departmentColumn(Block entry, Kind kind) {
    String column = entry.text("department_column", OPTIONAL);
    if (column != null && kind == Kind.SELF_REPORTED) {
      entry.problem("department_column", "'department_column' is for a system's export whose rows belong to"
          + " several departments (kind: system_of_record). A self-reported source is one department's own"
          + " figures, read under that department's local KPI names: name it with 'department', and give each"
          + " department's sheet a source of its own.");
      return null;
    }
    return column;
  }

  /** A row number, or {@code auto}: the first row that has every column the source reads. */
  private static int headerRow(Block entry) {
    if ("auto".equalsIgnoreCase(entry.text("header_row", OPTIONAL))) {
      return Source.HEADER_AUTO;
    }
    Integer row = entry.count("header_row", OPTIONAL);
    return row == null ? 1 : row;
  }

  private static String glob(Block entry) {
    String files = entry.text("files", REQUIRED);
    if (files != null) {
      try {
        FileSystems.getDefault().getPathMatcher("glob:" + files);
      } catch (PatternSyntaxException e) {
        entry.problem("files", "'files' is not a valid file-name pattern (" + e.getDescription()
            + "); use * for any characters, for example Produktion_KPI_*.xlsx.");
      }
    }
    return files;
  }

  /** Where the periods are the column headers, there is no period column. */
  static PeriodSpec period(Block block, Block.Need column) {
    return period(block, column, REQUIRED);
  }

  static PeriodSpec period(Block block, Block.Need column, Block.Need grain) {
    return block == null ? null : new PeriodSpec(block.text("column", column), block.choice("grain", Grain.class, grain));
  }

  /**
   * A workbook's decimal mark for numbers typed as text ("Zahl als Text gespeichert", pasted from
   * SAP): a number cell needs none, and a csv source says it in its csv block, where it applies
   * to every value; JSON and Parquet carry numbers as numbers.
   */
  private static String workbookDecimal(Block entry, Format format) {
    String decimal = entry.oneOf("decimal", List.of(".", ","), OPTIONAL);
    if (decimal != null && format == Format.CSV) {
      entry.problem("decimal", "A csv source gives its decimal mark in its csv block, for example"
          + " csv: { delimiter: \";\", decimal: \",\" }; remove 'decimal' here.");
      return null;
    }
    if (decimal != null && format != null && format != Format.XLSX) {
      entry.problem("decimal", "'decimal' only applies to xlsx workbooks (how numbers typed as text are written),"
          + " but this source's format is " + name(format) + ", whose numbers are numbers; remove it.");
      return null;
    }
    return decimal;
  }

  /** Required exactly for csv files; elsewhere it would have no effect, which hides a mistake. */
  private static CsvDialect csv(Block entry, Format format) {
    if (format == Format.CSV && !entry.has("csv")) {
      entry.problem("csv", "A csv source needs a 'csv' block with at least its delimiter, for example"
          + " csv: { delimiter: \";\" }.");
      return null;
    }
    CsvDialect dialect = dialect(entry.child("csv", "csv block", OPTIONAL));
    if (dialect != null && format != null && format != Format.CSV) {
      entry.problem("csv", "The 'csv' block only applies to csv files, but this source's format is "
          + name(format) + "; remove it.");
      return null;
    }
    return dialect;
  }

  private static CsvDialect dialect(Block block) {
    if (block == null) {
      return null;
    }
    // A tab cannot be seen (and YAML trims it), so it is written by name.
    String delimiter = block.text("delimiter", REQUIRED);
    delimiter = "tab".equalsIgnoreCase(delimiter) || "\\t".equals(delimiter) ? "\t" : delimiter;
    String decimal = block.oneOf("decimal", List.of(".", ","), OPTIONAL);
    String dateFormat = dateFormat(block);
    String encoding = block.oneOf("encoding", CsvDialect.ENCODINGS, OPTIONAL);
    // Most exports double a quote inside a quoted field; some (MySQL, many Unix tools) write \".
    String escape = block.oneOf("escape", CsvDialect.ESCAPES, OPTIONAL);
    if (delimiter != null && delimiter.equals(decimal)) {
      block.problem("decimal", "The delimiter and the decimal mark are both '" + decimal
          + "', so a value such as 1" + decimal + "5 could not be told from two fields.");
    }
    // A null date format means ISO dates (yyyy-mm-dd), which need no format.
    return new CsvDialect(delimiter, decimal == null ? "." : decimal, dateFormat, encoding == null ? "UTF-8" : encoding,
        escape == null ? CsvDialect.QUOTE_ESCAPE : escape);
  }

  /** A source's, a csv dialect's or a sheet table's {@code date_format}: one the typing knows, or null for ISO dates. */
  static String dateFormat(Block block) {
    String dateFormat = block.text("date_format", OPTIONAL);
    if (dateFormat != null && !CsvDialect.DATE_FORMATS.contains(dateFormat)) {
      block.problem("date_format", "'date_format' must be one of " + String.join(", ", CsvDialect.DATE_FORMATS)
          + " (or left out for ISO dates such as 2025-01-31), but it is '" + dateFormat + "'.");
    }
    return dateFormat;
  }

  static SkipRule skipRule(Block block) {
    if (block == null) {
      return null;
    }
    String column = block.text("column", REQUIRED);
    String matches = block.text("matches", REQUIRED);
    if (matches != null) {
      try {
        Pattern.compile(matches);
      } catch (PatternSyntaxException e) {
        block.problem("matches", "'matches' is not a valid regular expression (" + e.getDescription() + ").");
      }
    }
    return new SkipRule(column, matches);
  }

  /**
   * A scale multiplies every value it applies to: 0 would make each one 0 and a negative one flip
   * its sign, silently, so only a number above 0 is a scale (shared with kpis.yml's measurements).
   */
  static Double positiveScale(Block block) {
    Double scale = block.number("scale", OPTIONAL);
    if (scale != null && !(scale > 0)) {
      block.problem("scale", "'scale' multiplies every value (100 for a fraction reported as percent, 1000 for"
          + " figures in thousands), so it must be a number above 0, not " + Scalars.plain(scale) + ".");
      return null;
    }
    return scale;
  }

  static List<SourceMetric> metrics(List<Block> blocks, Shape shape) {
    List<SourceMetric> metrics = new ArrayList<>();
    Map<String, Block> byName = new HashMap<>();
    for (Block block : blocks) {
      String column = block.text("column", OPTIONAL);
      Double value = block.number("value", OPTIONAL);
      String name = block.text("name", OPTIONAL);
      Double scale = positiveScale(block);
      String unit = block.oneOf("unit", Source.RATIO_UNITS, OPTIONAL);
      String currency = currency(block);
      boolean hasColumn = block.has("column");
      boolean hasValue = block.has("value");
      if (shape != Shape.COLUMN_PER_METRIC) {
        // The metric's name is in the file; an entry here only says how a named metric's values are stated.
        if (hasColumn || hasValue || name == null) {
          block.problem("With shape " + shape.name().toLowerCase(Locale.ROOT) + " the metric names come from the"
              + " file; a metric entry gives only a 'name' with its 'unit' or 'scale'.");
        }
      } else if (hasColumn == hasValue) {
        block.problem("A metric needs either 'column' (its header in the file) or 'value' (the same number for"
            + " every row), " + (hasColumn ? "not both." : "but it has neither."));
      } else if (hasValue && name == null) {
        block.problem("name", "A metric with a constant 'value' needs a 'name', as there is no column to name it after.");
      }
      String metricName = name != null ? name : column;
      Block earlier = metricName == null ? null : byName.putIfAbsent(metricName, block);
      if (earlier != null) {
        block.problem(name != null ? "name" : "column", "The metric name '" + metricName + "' is already used on line "
            + earlier.line() + " of this source; each metric needs its own name.");
      }
      if (currency != null && unit != null) {
        block.problem("currency", "A metric is either money (currency) or a ratio (unit), not both.");
      }
      if (unit != null && scale != null) {
        // Both convert: 0.98 with unit: fraction is 98 % already, and scale: 100 would make it 9800 %.
        block.problem("scale", "A metric gives either its 'unit' (how a ratio is written, converted to the KPI's"
            + " unit) or a 'scale', not both: both would convert, so 0.98 with unit: fraction and scale: 100 would"
            + " load as 9800 %.");
      }
      metrics.add(new SourceMetric(column, metricName, scale == null ? 1 : scale, value, unit, currency));
    }
    return List.copyOf(metrics);
  }

  /** An ISO 4217 code such as EUR or USD, the currency money columns are stated in; or null. */
  private static String currency(Block block) {
    return currency(block, "currency");
  }

  static String currency(Block block, String key) {
    String currency = block.text(key, OPTIONAL);
    if (currency != null && !currency.matches("[A-Z]{3}")) {
      block.problem(key, "'" + key + "' is a three-letter ISO currency code such as EUR or USD, not '" + currency
          + "'.");
      return null;
    }
    return currency;
  }

  private static String name(Format format) {
    return format.name().toLowerCase(Locale.ROOT);
  }
}
