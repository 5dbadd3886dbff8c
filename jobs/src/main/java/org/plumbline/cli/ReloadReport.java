package org.plumbline.cli;

import org.plumbline.ingest.LoadRereader;

/** What `plumbline reload` prints for one load: its counts before and after, or why it was left as it was. */
final class ReloadReport {

  private ReloadReport() {}

  static String line(LoadRereader.Result result) {
    LoadRereader.Load load = result.load();
    String name = "Load " + load.loadId() + " (" + load.fileName() + ")";
    if (!result.succeeded()) {
      // the reason is a rejection's sentence, which ends in its own full stop
      return name + ": not read again, left as it was: " + result.failure().strip().replaceAll("\\.+$", "") + ".";
    }
    LoadRereader.Counts before = load.counts();
    LoadRereader.Counts after = result.after();
    StringBuilder line = new StringBuilder(name).append(", reading ").append(result.readingId()).append(": ")
        .append(after.values()).append(after.values() == 1 ? " value" : " values")
        .append(" (").append(before.values()).append(" before), ").append(result.valuesChanged()).append(" changed;")
        .append(" rows read ").append(change(before.read(), after.read()))
        .append(", loaded ").append(change(before.loaded(), after.loaded()))
        .append(", quarantined ").append(change(before.quarantined(), after.quarantined()))
        .append(", skipped ").append(change(before.skipped(), after.skipped())).append('.');
    if (result.sameConfig()) {
      line.append(System.lineSeparator()).append("  It was last read under this same configuration.");
    }
    if (result.archiveRewritten()) {
      line.append(System.lineSeparator()).append("  Its archived file was rewritten by an erasure since it was"
          + " loaded; it was read as it is now.");
    }
    return line.toString();
  }

  private static String change(long before, long after) {
    return before + " → " + after;
  }
}
