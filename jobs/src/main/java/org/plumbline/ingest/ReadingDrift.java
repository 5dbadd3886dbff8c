package org.plumbline.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.plumbline.governance.GovernanceModel;
import org.plumbline.governance.ReadingSettings;
import org.plumbline.system.SqlScript;

/**
 * The loaded files whose latest reading was made under other settings than their source has now
 * ({@link ReadingSettings}): their figures are still as those settings read them, until
 * {@code plumbline reload --source ID} reads them again. Said by the ingest step (and so by
 * {@code status} and the run's summary) and by {@code config check}; the report's data-quality
 * appendix says it from {@code rpt_stale_reading}. A load last read before ledger V15 has no
 * fingerprint: it is unknown, not counted, and said once (the first run after the upgrade).
 */
public final class ReadingDrift {

  /**
   * What the ledger holds against the config now.
   *
   * @param sources the configured sources with at least one load read under other settings, in id order
   * @param unknownLoads loads last read before the ledger kept settings (ledger V15)
   * @param unknownTold whether a run has reconciled since V15 was applied, and so has said so already
   */
  public record Found(List<SourceDrift> sources, long unknownLoads, boolean unknownTold) {

    /** A sentence a line: each source, then (until a run has said it) the unknown loads. */
    public List<String> sentences() {
      List<String> sentences = new ArrayList<>(sources.stream().map(SourceDrift::sentence).toList());
      if (unknownLoads > 0 && !unknownTold) {
        sentences.add(unknownLoads + (unknownLoads == 1 ? " loaded file was" : " loaded files were") + " loaded"
            + " before Plumbline kept the settings a file is read under: whether " + (unknownLoads == 1 ? "it was"
            : "they were") + " read under the config now is unknown, so " + (unknownLoads == 1 ? "it is" : "they are")
            + " not counted as read under other settings (said once; `plumbline reload --source ID --reason TEXT`"
            + " reads a source's files again and keeps their settings).");
      }
      return sentences;
    }
  }

  /**
   * A source some of whose loaded files were last read under other settings.
   *
   * @param loads its loads
   * @param readUnderOther of those, the ones whose latest reading was made under other settings than it has now
   */
  public record SourceDrift(String sourceId, long loads, long readUnderOther) {

    public String reloadCommand() {
      return "plumbline reload --source " + sourceId + " --reason TEXT";
    }

    public String sentence() {
      return readUnderOther + " of " + loads + " loaded file" + (loads == 1 ? "" : "s") + " of source " + sourceId
          + (readUnderOther == 1 ? " was" : " were") + " read under other settings than the config gives it now;"
          + " " + (readUnderOther == 1 ? "its" : "their") + " values stay as then read until `" + reloadCommand()
          + "` (columns, units, scale, periods, what was quarantined, the departments a department column"
          + " named), while the department a source is given and the KPIs its names stand for follow the config"
          + " now, at every run.";
    }
  }

  private ReadingDrift() {}

  /** Nothing known: a ledger from before V15 (read without migrating it, as config check does). */
  private static final Found NOTHING_KEPT = new Found(List.of(), 0, false);

  /** The loads of each configured source held against its fingerprint now. */
  public static Found of(Connection connection, GovernanceModel model) throws SQLException {
    boolean unknownTold;
    try (PreparedStatement s = connection.prepareStatement(SqlScript.text("sql/reload/settings_history.sql"));
        ResultSet r = s.executeQuery()) {
      r.next();
      if (!r.getBoolean("settings_kept")) {
        return NOTHING_KEPT;
      }
      unknownTold = r.getBoolean("unknown_told");
    }
    Map<String, String> now = ReadingSettings.fingerprints(model);
    Map<String, long[]> bySource = new LinkedHashMap<>(); // source -> {loads, read under other settings}
    long unknown = 0;
    try (PreparedStatement s = connection.prepareStatement(SqlScript.text("sql/reload/settings_by_source.sql"));
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        String sourceId = r.getString("source_id");
        String fingerprint = r.getString("settings_fingerprint");
        long loads = r.getLong("load_count");
        if (fingerprint == null) {
          unknown += loads;
        }
        long[] counts = bySource.computeIfAbsent(sourceId, id -> new long[2]);
        counts[0] += loads;
        // A source no longer configured has nothing to read its files under: reload refuses it.
        if (fingerprint != null && now.containsKey(sourceId) && !Objects.equals(fingerprint, now.get(sourceId))) {
          counts[1] += loads;
        }
      }
    }
    List<SourceDrift> drifted = new ArrayList<>();
    bySource.forEach((sourceId, counts) -> {
      if (counts[1] > 0) {
        drifted.add(new SourceDrift(sourceId, counts[0], counts[1]));
      }
    });
    return new Found(drifted, unknown, unknownTold);
  }
}
