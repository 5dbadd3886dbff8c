package org.plumbline.findings;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;

/**
 * {@code plumbline ack <finding>}: a note a person attaches to a finding, kept with who and when
 * in the append-only {@code finding_acknowledgement} table; the next run shows the finding as
 * acknowledged. A later note for the same finding is in force; earlier ones stay.
 */
public final class FindingAcknowledgements {

  private final Connection duckdb;
  private final Clock clock;

  public FindingAcknowledgements(Connection duckdb, Clock clock) {
    this.duckdb = duckdb;
    this.clock = clock;
  }

  /**
   * @return the full key of the finding acknowledged
   * @throws FindingKeys.UnknownFindingException when the key names no finding or several
   */
  public String acknowledge(String givenKey, String note, String by) throws SQLException {
    if (note == null || note.isBlank()) {
      throw new IllegalArgumentException("An acknowledgement needs a note saying why, for whoever reads it later.");
    }
    if (by == null || by.isBlank()) {
      throw new IllegalArgumentException("An acknowledgement needs the name of who gives it.");
    }
    String key = FindingKeys.resolve(duckdb, givenKey);
    try (PreparedStatement s = duckdb.prepareStatement("insert into finding_acknowledgement values (?, ?, ?, ?)")) {
      s.setString(1, key);
      s.setString(2, note.strip());
      s.setString(3, by.strip());
      s.setTimestamp(4, Timestamp.valueOf(LocalDateTime.now(clock)));
      s.executeUpdate();
    }
    return key;
  }
}
