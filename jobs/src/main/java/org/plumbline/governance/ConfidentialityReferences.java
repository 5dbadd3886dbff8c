package org.plumbline.governance;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Cross-checks of the {@code confidentiality} section: each entry names an existing source,
 * marks a column once, and never a column the source computes with (its period, metrics,
 * attributes or skip rule). Those values are typed into raw_value and the facts downstream,
 * which the analysts' snapshot and the lake carry unmasked; a confidential column must stay
 * in the raw text only, where it is masked and where erasure finds it.
 */
final class ConfidentialityReferences {

  private final SectionEntries entries;
  private final Map<String, Source> sources;

  ConfidentialityReferences(SectionEntries entries, Map<String, Source> sources) {
    this.entries = entries;
    this.sources = sources;
  }

  void check() {
    Map<String, Located<ConfidentialColumn>> seen = new HashMap<>();
    for (Located<ConfidentialColumn> entry : entries.of(Section.CONFIDENTIALITY)) {
      ConfidentialColumn marked = entry.value();
      if (marked.sourceId() == null || marked.column() == null) {
        continue;
      }
      Source source = sources.get(marked.sourceId());
      if (source == null) {
        entry.block().problem("source", "The confidential column names the source '" + marked.sourceId()
            + "', which is not among the sources (" + entries.whereToLook(Section.SOURCES) + ")."
            + Suggestions.didYouMean(marked.sourceId(), sources.keySet()));
        continue;
      }
      Located<ConfidentialColumn> earlier = seen.putIfAbsent(marked.sourceId() + "\u0000" + marked.column(), entry);
      if (earlier != null) {
        entry.block().problem("column", "The column '" + marked.column() + "' of source '" + marked.sourceId()
            + "' is already marked on line " + earlier.block().line("column") + " of "
            + earlier.block().file().getFileName() + "; mark each column once.");
      }
      if (computedWith(source).contains(marked.column())) {
        entry.block().problem("column", "Source '" + source.id() + "' reads its values from the column '"
            + marked.column() + "' (its period, a metric, an attribute or its skip rule), so the column cannot be"
            + " confidential: its values reach the facts, the analysts' snapshot and the lake unmasked. Stop"
            + " reading it in sources.yml, or do not mark it.");
      }
    }
  }

  /** The columns whose text the source types into values or uses to classify rows. */
  private static Set<String> computedWith(Source source) {
    Set<String> columns = new LinkedHashSet<>();
    if (source.period() != null) {
      columns.add(source.period().column());
    }
    source.metrics().forEach(metric -> columns.add(metric.column()));
    columns.addAll(source.attributes().values());
    columns.add(source.metricColumn());
    columns.add(source.valueColumn());
    if (source.skipRows() != null) {
      columns.add(source.skipRows().column());
    }
    // and what each table of a sheet of several reads in its own way
    for (Source.Table table : source.tables()) {
      columns.addAll(source.columnsRead(table));
      source.metricsOf(table).forEach(metric -> columns.add(metric.column()));
      if (source.skipRowsOf(table) != null) {
        columns.add(source.skipRowsOf(table).column());
      }
    }
    columns.removeIf(Objects::isNull);
    return columns;
  }
}
