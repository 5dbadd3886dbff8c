package org.plumbline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * When a file was received is its last-modified time, unless that cannot be when it reached us:
 * then the load time, so that no file hides in the future and no correction ranks below what it
 * corrects. (IngestHome's clock says 2026-01-31 20:00 UTC.)
 */
class ReceivedTimeIngestTests {

  private static final LocalDateTime LOAD_TIME = LocalDateTime.of(2026, 1, 31, 20, 0);

  /** A department's weekly figures, a week dated by any of its days. */
  private static final String WEEKLY = """

      - id: test_weekly
        department: PROD
        kind: self_reported
        format: csv
        files: "Woche_*.csv"
        csv: { delimiter: ";" }
        period: { column: Woche, grain: week }
        metrics:
          - { column: Menge, name: Units produced }
    """;

  @RegisterExtension final IngestHome home = IngestHome.eachTest(IngestHome.EXPORT_SOURCE + WEEKLY);

  @Test
  void aFileIsReceivedAtItsLastModifiedTime() throws Exception {
    // given a file written in the inbox on 5 January
    Path file = deliverModified("export_1.csv", "day,qty\n2025-01-06,10\n", "2026-01-05T07:30:00Z");

    // when
    FileOutcome outcome = home.load(file);

    // then
    assertThat(home.query("select received_at, file_modified_at from load_audit")).containsExactly(
        List.of(timestamp("2026-01-05T07:30"), timestamp("2026-01-05T07:30")));
    assertThat(outcome.reason()).isNull();
  }

  @Test
  void aFileModifiedInTheFutureIsReceivedAtTheLoadTime() throws Exception {
    // given a file whose server clock is years ahead
    Path file = deliverModified("export_1.csv", "day,qty\n2025-01-06,10\n", "2030-01-01T00:00:00Z");

    // when
    FileOutcome outcome = home.load(file);

    // then it is received now, so it is in the reports from now on, its own time is kept, and the log says so
    assertThat(home.query("select received_at, file_modified_at from load_audit")).containsExactly(
        List.of(Timestamp.valueOf(LOAD_TIME), timestamp("2030-01-01T00:00")));
    assertThat(home.query("select received_at from file_delivery")).containsExactly(
        List.of(Timestamp.valueOf(LOAD_TIME)));
    assertThat(outcome.reason()).isEqualTo(
        "received at the load time, as its last-modified time 2030-01-01 00:00 UTC cannot be when it arrived");
  }

  @Test
  void aCorrectionThatKeptAnOlderTimeIsReceivedAtTheLoadTimeAndRanksAboveWhatItCorrects() throws Exception {
    // given a file received on 4 January, and its correction copied with the time of an older file
    home.load(deliverModified("export_1.csv", "day,qty\n2025-01-06,10\n", "2026-01-04T10:00:00Z"));
    Path correction = deliverModified("export_1.csv", "day,qty\n2025-01-06,11\n", "2025-12-01T10:00:00Z");

    // when
    home.load(correction);

    // then the correction is received at the load time, after the file it corrects, so it is the one in force
    assertThat(home.query("select load_id, received_at, file_modified_at from load_audit order by load_id"))
        .containsExactly(List.of(1L, timestamp("2026-01-04T10:00"), timestamp("2026-01-04T10:00")),
            List.of(2L, Timestamp.valueOf(LOAD_TIME), timestamp("2025-12-01T10:00")));
  }

  @Test
  void aCorrectionDatingTheWeekByAnotherOfItsDaysStillRanksAboveWhatItCorrects() throws Exception {
    // given a week dated by its Monday, received on 4 January, and a correction dating it by its
    // Friday (the same ISO week), copied with the time of an older file
    home.load(deliverModified("Woche_1.csv", "Woche;Menge\n2025-01-06;10\n", "2026-01-04T10:00:00Z"));
    Path correction = deliverModified("Woche_2.csv", "Woche;Menge\n2025-01-10;11\n", "2025-12-01T10:00:00Z");

    // when
    home.load(correction);

    // then it competes for the same week, so it is received at the load time, after what it corrects
    assertThat(home.query("select load_id, received_at from load_audit order by load_id")).containsExactly(
        List.of(1L, timestamp("2026-01-04T10:00")), List.of(2L, Timestamp.valueOf(LOAD_TIME)));
  }

  @Test
  void anOlderFileForOtherPeriodsKeepsItsTimeAsItReplacesNothing() throws Exception {
    // given a file received on 4 January, then a late export of another day, written on 1 December
    home.load(deliverModified("export_1.csv", "day,qty\n2025-01-06,10\n", "2026-01-04T10:00:00Z"));
    Path late = deliverModified("export_2.csv", "day,qty\n2025-01-05,11\n", "2025-12-01T10:00:00Z");

    // when
    FileOutcome outcome = home.load(late);

    // then it keeps its own time: it competes with no value loaded before
    assertThat(home.query("select load_id, received_at from load_audit order by load_id")).containsExactly(
        List.of(1L, timestamp("2026-01-04T10:00")), List.of(2L, timestamp("2025-12-01T10:00")));
    assertThat(outcome.reason()).isNull();
  }

  @Test
  void filesOfAnotherSourceKeepTheirOwnOlderTimes() throws Exception {
    // given a file of the export source received on 4 January
    home.load(deliverModified("export_1.csv", "day,qty\n2025-01-06,10\n", "2026-01-04T10:00:00Z"));
    Path other = deliverModified("unmatched_1.csv", "day,qty\n2025-01-06,12\n", "2025-12-01T10:00:00Z");

    // when a file of no source, modified earlier, is rejected
    FileOutcome outcome = home.load(other);

    // then its delivery keeps the time it was written
    assertThat(outcome.kind()).isEqualTo(FileOutcome.Kind.REJECTED);
    assertThat(home.query("select received_at from file_delivery where outcome = 'rejected'")).containsExactly(
        List.of(timestamp("2025-12-01T10:00")));
  }

  private Path deliverModified(String name, String text, String modified) throws Exception {
    Path file = home.deliver(name, text);
    Files.setLastModifiedTime(file, FileTime.from(Instant.parse(modified)));
    return file;
  }

  private static Timestamp timestamp(String utc) {
    return Timestamp.valueOf(LocalDateTime.parse(utc));
  }
}
