package org.plumbline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.plumbline.governance.GovernanceLoader;
import org.plumbline.governance.GovernanceModel;

/**
 * A loaded file read again from the archive under a fixed config (plumbline reload): a new reading
 * of the same load, kept beside the first, with the load's identity unchanged.
 */
class LoadRereaderTests {

  /** A system's daily export whose quantities the first config wrongly scales by 1000. */
  private static final String SCRAP = """

      - id: test_scrap
        system: MES
        kind: system_of_record
        format: csv
        files: "scrap_*.csv"
        csv: { delimiter: "," }
        period: { column: day, grain: day }
        metrics:
          - { column: qty, name: produced_units, scale: 1000 }
    """;

  private static final String FILE = "day,posted,qty\n"
      + "2026-01-05,2026-01-05,12\n"
      + "2026-01-06,,15\n"
      + "2026-01-07,2026-01-07,9\n"
      + "2026-01-08,later,20\n";

  @RegisterExtension final IngestHome home = IngestHome.eachTest(SCRAP);

  @Test
  void aReloadUnderAFixedScaleKeepsANewReadingOfTheSameLoad() throws Exception {
    // given a file loaded under a scale of 1000 that should have been none
    home.load(home.deliver("scrap_2026-01.csv", FILE));
    List<List<Object>> identity = home.query("select load_id, content_hash, received_at, version_key, rows_read,"
        + " rows_loaded, rows_skipped, rows_quarantined from load_audit");
    assertThat(home.query("select value from raw_value order by row_number"))
        .containsExactly(List.of(12000.0), List.of(15000.0), List.of(9000.0), List.of(20000.0));

    // when the scale is removed and the load read again
    LoadRereader.Result result = reread(fixed("produced_units, scale: 1000 }", "produced_units }"), 1);

    // then its values are read anew, the first reading stays in the table, and the load is as it was
    assertThat(result.failure()).isNull();
    assertThat(result.after()).isEqualTo(new LoadRereader.Counts(4, 4, 0, 0, 4));
    assertThat(result.load().counts()).isEqualTo(new LoadRereader.Counts(4, 4, 0, 0, 4));
    assertThat(result.valuesChanged()).isEqualTo(4);
    assertThat(home.query("select value, value_text from raw_value order by row_number")).containsExactly(
        List.of(12.0, "12"), List.of(15.0, "15"), List.of(9.0, "9"), List.of(20.0, "20"));
    assertThat(home.query("select count(*) from raw_row")).containsExactly(List.of(4L));
    assertThat(home.query("select reading_id, sum(value) from raw_record_value group by all order by all"))
        .containsExactly(List.of(1L, 56.0), java.util.Arrays.asList(null, 56000.0));
    assertThat(home.query("select count(*) from raw_record")).containsExactly(List.of(8L));
    assertThat(home.query("select load_id, content_hash, received_at, version_key, rows_read, rows_loaded,"
        + " rows_skipped, rows_quarantined from load_audit")).isEqualTo(identity);
    assertThat(home.query("select reading_id, load_id, reason, requested_by, rows_read, rows_loaded, rows_skipped,"
        + " rows_quarantined, first_period, last_period, value_count, values_changed from load_reading"))
        .containsExactly(List.of(1L, 1L, "scale was 1000", "steward", 4L, 4L, 0L, 0L,
            java.time.LocalDate.of(2026, 1, 5), java.time.LocalDate.of(2026, 1, 8), 4L, 4L));
  }

  @Test
  void aReloadUnderTheSameConfigChangesNoValueAndSaysSo() throws Exception {
    // given a load already read again once
    home.load(home.deliver("scrap_2026-01.csv", FILE));
    reread(fixed("produced_units, scale: 1000 }", "produced_units }"), 1);

    // when it is read again under the same config
    LoadRereader.Result second = reread(fixed("produced_units }", "produced_units }"), 1);

    // then the second reading is the latest, with nothing changed against the first
    assertThat(second.readingId()).isEqualTo(2);
    assertThat(second.sameConfig()).isTrue();
    assertThat(second.valuesChanged()).isZero();
    assertThat(second.load().latestReadingId()).isEqualTo(1L);
    assertThat(home.query("select count(*), sum(value) from raw_value")).containsExactly(List.of(4L, 56.0));
    assertThat(home.query("select count(*) from raw_sheet_latest")).containsExactly(List.of(1L));
    assertThat(home.query("select count(*) from raw_sheet")).containsExactly(List.of(3L));
  }

  @Test
  void aReloadWhoseConfigQuarantinesRowsConservesEveryRowRead() throws Exception {
    // given a file loaded with its period in the column day
    home.load(home.deliver("scrap_2026-01.csv", FILE));

    // when the period is mapped to the column posted, empty in one row and not a date in another
    LoadRereader.Result result = reread(fixed("column: day, grain: day", "column: posted, grain: day"), 1);

    // then two rows are quarantined with why, two loaded, and every row read is accounted for
    assertThat(result.failure()).isNull();
    assertThat(result.after()).isEqualTo(new LoadRereader.Counts(4, 2, 0, 2, 2));
    assertThat(result.valuesChanged()).isZero();
    assertThat(home.query("select row_number, reading_id from raw_quarantine_latest order by row_number"))
        .containsExactly(List.of(3, 1L), List.of(5, 1L));
    assertThat(home.query("select reason from raw_quarantine_latest order by row_number"))
        .allSatisfy(reason -> assertThat((String) reason.get(0)).contains("posted"));
    assertThat(home.query("select count(*) from raw_quarantine where reading_id is null")).containsExactly(List.of(0L));
    assertThat(home.query("select row_number from raw_row order by row_number"))
        .containsExactly(List.of(2), List.of(4));
    assertThat(home.query("select rows_quarantined from load_audit")).containsExactly(List.of(0L));
  }

  @Test
  void aFileThatCannotBeReadUnderTheNewConfigLeavesTheLoadAsItWas() throws Exception {
    // given a loaded file
    home.load(home.deliver("scrap_2026-01.csv", FILE));

    // when the config now names a column the file lacks
    LoadRereader.Result result = reread(fixed("column: qty,", "column: quantity,"), 1);

    // then the reading is refused with why, and nothing of it is kept
    assertThat(result.succeeded()).isFalse();
    assertThat(result.failure()).startsWith("it cannot be read under the configuration as it is now:")
        .contains("quantity");
    assertThat(home.query("select count(*) from load_reading")).containsExactly(List.of(0L));
    assertThat(home.query("select count(*), count(reading_id) from raw_record")).containsExactly(List.of(4L, 0L));
    assertThat(home.query("select count(*), sum(value) from raw_value")).containsExactly(List.of(4L, 56000.0));
  }

  @Test
  void aLoadWhoseArchivedFileIsMissingIsLeftAsItWas() throws Exception {
    // given a loaded file whose archived copy was deleted
    home.load(home.deliver("scrap_2026-01.csv", FILE));
    Files.delete(home.home.root().resolve((String) home.query("select archive_path from load_audit").get(0).get(0)));

    // when it is read again
    LoadRereader.Result result = reread(fixed("produced_units, scale: 1000 }", "produced_units }"), 1);

    // then it is refused, naming the file
    assertThat(result.failure()).isEqualTo("its archived file archive/1-scrap_2026-01.csv is missing from the home"
        + " folder (archived files are kept for good: restore it from a backup to read it again)");
    assertThat(home.query("select count(*) from load_reading")).containsExactly(List.of(0L));
  }

  /** The source's config with one text replaced, as the steward's fix. */
  private GovernanceModel fixed(String wrong, String right) throws Exception {
    Path sources = home.home.governance().resolve("sources.yml");
    String text = Files.readString(sources, StandardCharsets.UTF_8);
    assertThat(text).contains(wrong);
    Files.writeString(sources, text.replace(wrong, right), StandardCharsets.UTF_8);
    return new GovernanceLoader().load(home.home.governance());
  }

  private LoadRereader.Result reread(GovernanceModel model, long loadId) throws Exception {
    LoadRereader rereader = new LoadRereader(home.warehouse.connection(), home.home, model,
        Clock.fixed(Instant.parse("2026-02-02T08:00:00Z"), ZoneOffset.UTC));
    return rereader.reread(rereader.find(loadId), "scale was 1000", "steward");
  }
}
