package org.plumbline.governance;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What reading a source's file depends on in the config, and its fingerprint: a file is typed,
 * scaled and mapped when it is loaded (or read again by {@code plumbline reload}), so a later
 * change to any of this leaves the files already loaded as they were read. The ledger keeps each
 * reading's fingerprint (ledger V15) and a differing one says a source's loads were read under
 * other settings than it has now.
 *
 * <p>The fingerprint hashes a canonical text of the settings, not the files: a comment, a key
 * order or another source's entry changes nothing. It holds:
 * <ul>
 *   <li>the source's entry as parsed, every setting the readers and the typing take from it
 *       (format, sheet, header row, csv dialect, shape, columns, period, layout rule, metrics
 *       with their scale, unit and constant, tables, date format, decimal mark, department and
 *       department column), except what no reading applies: {@code files} (which source a new
 *       file is; a loaded file stays its source's), {@code system} (a label), {@code currency}
 *       (money is converted at every run, not at load) and {@code version_key} (decided when a
 *       file is loaded and kept by a reload, so a reload could not clear it);
 *   <li>for a department's own file, each metric name it types with the catalogue KPI's
 *       {@code unit} (a figure is converted into it) and {@code valid_range} (a figure outside
 *       is quarantined). Not the KPI's name or target, which only word a reason or a note, nor
 *       its aggregation, direction or tolerance, which every run applies. A system's export
 *       converts nothing: its names keep their numbers;
 *   <li>for a source with a {@code department_column}, every department's code, name and
 *       aliases as a cell is matched with them (departments.yml);
 *   <li>the plant's time zone (calendar.yml), in which an instant's day is read: whether a
 *       source's periods are instants is in its files, not its config, so it counts for all.
 * </ul>
 * Empty and unset settings are left out of the text, so a setting a later version adds, unset,
 * does not make every file look read under other settings.
 */
public final class ReadingSettings {

  /** Record components that no reading applies (see above), as Type.component. */
  private static final Set<String> NOT_READ = Set.of("Source.filePattern", "Source.system", "Source.currency",
      "Source.versionKey", "SourceMetric.currency");

  private ReadingSettings() {}

  /** Each source's fingerprint, by source id. */
  public static Map<String, String> fingerprints(GovernanceModel model) {
    Map<String, String> byId = new LinkedHashMap<>();
    model.sources().forEach(source -> byId.put(source.id(), fingerprint(model, source)));
    return byId;
  }

  /** The hex SHA-256 of {@link #canonical}. */
  public static String fingerprint(GovernanceModel model, Source source) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical(model, source)
          .getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256.", e);
    }
  }

  /** The settings reading a file of the source depends on, one line each, in a fixed order. */
  static String canonical(GovernanceModel model, Source source) {
    List<String> lines = new ArrayList<>();
    lines.add("source " + canonical(source));
    if (source.kind() == Source.Kind.SELF_REPORTED) {
      for (Source.Table table : tablesRead(source)) {
        metricsByName(model, source, table).keySet().forEach(name -> {
          Kpi kpi = kpiOf(model, source, name);
          if (kpi != null) {
            Kpi.ValidRange range = kpi.validRange();
            lines.add("kpi " + (table == null ? "" : table.name()) + "/" + name + " unit=" + kpi.unit()
                + (range == null ? "" : " valid_range=" + range.min() + ".." + range.max()));
          }
        });
      }
    }
    if (source.departmentColumn() != null) {
      departmentNames(model).forEach((name, code) -> lines.add("department " + name + "=" + code));
    }
    lines.add("time_zone " + model.calendar().timezone().getId());
    return String.join("\n", lines);
  }

  /**
   * The metrics a table of the source is typed with, by name, in the order the loader numbers
   * them: a column per metric reads the metrics configured; a metric per row or periods across
   * take names from the file, so every local KPI name of the source's department is there too
   * (converted to its KPI's unit), and a configured metric says how a name's values are stated
   * (null: as the KPI's unit). {@code table} null is a sheet of one table.
   */
  public static Map<String, Source.SourceMetric> metricsByName(GovernanceModel model, Source source,
      Source.Table table) {
    Map<String, Source.SourceMetric> byName = new LinkedHashMap<>();
    if (source.shapeOf(table) != Source.Shape.COLUMN_PER_METRIC) {
      localKpiNames(model, source).keySet().forEach(name -> byName.put(name, null));
    }
    source.metricsOf(table).forEach(metric -> byName.put(metric.name(), metric));
    return byName;
  }

  /** The catalogue KPI a department's own metric stands for; null for a system's measure or a name the catalogue lacks. */
  public static Kpi kpiOf(GovernanceModel model, Source source, String metricName) {
    if (source.kind() != Source.Kind.SELF_REPORTED || metricName == null) {
      return null;
    }
    String kpiId = localKpiNames(model, source).get(metricName);
    return kpiId == null ? null : model.kpis().stream().filter(k -> k.id().equals(kpiId)).findFirst().orElse(null);
  }

  /** The source's department's own names for catalogue KPIs; none for a department the model lacks. */
  public static Map<String, String> localKpiNames(GovernanceModel model, Source source) {
    return model.departments().stream().filter(d -> d.code().equals(source.departmentCode())).findFirst()
        .map(Department::localKpiNames).orElse(Map.of());
  }

  /** The tables a file of the source is typed as: its tables, or the sheet as one (null). */
  private static List<Source.Table> tablesRead(Source source) {
    List<Source.Table> tables = new ArrayList<>();
    if (source.tables().isEmpty()) {
      tables.add(null);
    }
    tables.addAll(source.tables());
    return tables;
  }

  /**
   * Each text a department cell may name a department by, as the loader matches it (trimmed, one
   * spelling of each letter, case aside), the first department to claim it winning, in text order.
   */
  private static Map<String, String> departmentNames(GovernanceModel model) {
    Map<String, String> byName = new LinkedHashMap<>();
    for (Department department : model.departments()) {
      Stream.concat(Stream.of(department.code(), department.name()), department.aliases().stream())
          .forEach(name -> byName.putIfAbsent(
              Normalizer.normalize(name.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT), department.code()));
    }
    return new TreeMap<>(byName);
  }

  /**
   * A value as canonical text: a record as its components by name (those no reading applies, and
   * the unset ones, left out), a map sorted by key, a list in its order (a table's place on the
   * sheet matters; a reordered metric list counts too, which a reload reads the same).
   */
  private static String canonical(Object value) {
    if (value instanceof Record record) {
      StringBuilder text = new StringBuilder(record.getClass().getSimpleName()).append('{');
      TreeSet<String> parts = new TreeSet<>();
      for (RecordComponent component : record.getClass().getRecordComponents()) {
        if (NOT_READ.contains(record.getClass().getSimpleName() + "." + component.getName())) {
          continue;
        }
        Object part = read(component, record);
        if (!isUnset(part)) {
          parts.add(component.getName() + "=" + canonical(part));
        }
      }
      return text.append(String.join(", ", parts)).append('}').toString();
    }
    if (value instanceof Map<?, ?> map) {
      TreeMap<String, String> sorted = new TreeMap<>();
      map.forEach((k, v) -> sorted.put(String.valueOf(k), canonical(v)));
      return sorted.toString();
    }
    if (value instanceof List<?> list) {
      return list.stream().map(ReadingSettings::canonical).toList().toString();
    }
    return String.valueOf(value);
  }

  private static boolean isUnset(Object value) {
    return value == null || value instanceof Map<?, ?> map && map.isEmpty()
        || value instanceof List<?> list && list.isEmpty();
  }

  private static Object read(RecordComponent component, Record record) {
    try {
      return component.getAccessor().invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot read " + component.getName() + " of " + record, e);
    }
  }
}
