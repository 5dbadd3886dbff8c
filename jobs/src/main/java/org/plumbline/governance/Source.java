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
    List<SourceMetric> metrics) {

  public enum Kind { SELF_REPORTED, SYSTEM_OF_RECORD }

  public enum Format { XLSX, CSV, JSON, PARQUET }

  /** The column holding the period, and whether a value describes a day or an ISO week. */
  public record PeriodSpec(String column, Grain grain) {
    public enum Grain { DAY, WEEK }
  }

  /** How a CSV file is written: field delimiter, decimal mark, date format (strptime). */
  public record CsvDialect(String delimiter, String decimal, String dateFormat, String encoding) {

    /** The date formats sql/staging/stg_observation.sql can type (DuckDB wants them constant). */
    public static final List<String> DATE_FORMATS =
        List.of("%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y", "%d/%m/%Y", "%m/%d/%Y", "%d-%m-%Y", "%Y/%m/%d", "%Y%m%d");

    /** The encodings DuckDB's CSV reader decodes. */
    public static final List<String> ENCODINGS = List.of("UTF-8", "UTF-16", "Latin-1");
  }

  /** Rows whose {@code column} matches the regular expression {@code matches} are layout. */
  public record SkipRule(String column, String matches) {}

  /**
   * A column holding values.
   *
   * @param column the header in the file, or null when every row counts as {@code constantValue}
   * @param name the measure (system of record) or the department's local KPI name
   * @param scale multiplies the value (a fraction to percent is 100)
   */
  public record SourceMetric(String column, String name, double scale, Double constantValue) {}
}
