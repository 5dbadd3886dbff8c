package org.plumbline.ingest;

/**
 * What became of one inbox file.
 *
 * @param rowsRead every row read from the file (data and layout rows)
 * @param rowsLoaded the rows that carry values
 * @param rowsSkipped layout rows (totals) kept in the ledger but not used as values
 * @param rowsQuarantined rows that could not be read, typed or mapped, kept in raw_quarantine
 * @param reason why a file was rejected; for a loaded one, what its reader should know about how
 *     it was taken (its received time, say), or null
 */
public record FileOutcome(String fileName, Kind kind, Long loadId, long rowsRead, long rowsLoaded,
    long rowsSkipped, long rowsQuarantined, String reason) {

  public enum Kind {
    /** Loaded into the ledger. */
    LOADED,
    /** The same bytes were loaded before; recorded and archived, nothing added. */
    DUPLICATE,
    /** Loaded by an earlier, interrupted run; only the archiving was left to do. */
    COMPLETED_EARLIER,
    /** Could not be read; moved to the rejected folder with the reason. */
    REJECTED,
    /** Still being written (modified a moment ago, or while it was read): left in the inbox for the next run. */
    DEFERRED
  }

  static FileOutcome deferred(String fileName, String reason) {
    return new FileOutcome(fileName, Kind.DEFERRED, null, 0, 0, 0, 0, reason);
  }

  static FileOutcome rejected(String fileName, String reason) {
    return new FileOutcome(fileName, Kind.REJECTED, null, 0, 0, 0, 0, reason);
  }
}
