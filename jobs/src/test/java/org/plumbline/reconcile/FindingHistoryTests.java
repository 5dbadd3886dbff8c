package org.plumbline.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plumbline.findings.FindingAcknowledgements;
import org.plumbline.findings.FindingKeys;
import org.plumbline.findings.FindingTrace;

/** Findings from run to run: new, persisting, resolved; acknowledged; config versions kept; traced. */
class FindingHistoryTests {

  @TempDir
  Path folder;

  @Test
  void eachRunClassifiesItsFindingsAgainstThePreviousRun() throws Exception {
    try (FindingFixture fixture = FindingFixture.create(folder, "")) {
      // given a first run with breaches in W28 and W29
      fixture.mesDay("2025-07-07", 100, 90).mesDay("2025-07-14", 100, 90).reconcile("2025-07-31");
      // and the MES export for W28 sent again, corrected, and a new breach in W30
      fixture.deliver("mes", "mes_2025-07-07.csv", java.time.LocalDateTime.parse("2025-08-01T02:00"),
          FindingFixture.MES_HEADER, List.of(List.of("2025-07-07", "CRITICAL", "100", "100")));
      fixture.mesDay("2025-07-21", 100, 90);

      // when
      fixture.reconcile("2025-08-05");

      // then
      assertThat(fixture.query("select period_label, status, first_seen_run_id from fct_finding_status"
          + " where finding_type = 'policy_breach' order by 1")).containsExactly(
          List.of("2025-W28", "resolved", 1L), List.of("2025-W29", "persisting", 1L), List.of("2025-W30", "new", 2L));
      assertThat(fixture.query("select run_id, count(*) from finding_history where finding_type = 'policy_breach'"
          + " group by all order by 1")).containsExactly(List.of(1L, 2L), List.of(2L, 2L));
      // the corrected export is itself a revision of a system-of-record value
      assertThat(fixture.query("select status from fct_finding_status where finding_type = 'retroactive_revision'"))
          .containsExactly(List.of("new"));
    }
  }

  @Test
  void aReissueOfAPastDateSaysWhatWasNewThenAndLaterRunsDoNotCompareWithIt() throws Exception {
    try (FindingFixture fixture = FindingFixture.create(folder, "")) {
      // given runs at the end of W28 (a breach in W28), W30 and W31 (breaches in W29 and W30 too)
      fixture.mesDay("2025-07-07", 100, 90).reconcile("2025-07-13");
      fixture.mesDay("2025-07-14", 100, 90).mesDay("2025-07-21", 100, 90).reconcile("2025-07-27").reconcile("2025-08-03");
      // and W29 acknowledged after them
      String w29 = new FindingAcknowledgements(fixture.connection(), Clock.systemUTC())
          .acknowledge("POL-INSP-001/PROD/2025-W29", "8D report opened", "A. Weber");

      // when the report at the end of W29 is issued again, and then the next nightly runs
      fixture.reconcile("2025-07-20");
      List<List<Object>> reissue = fixture.query("select period_label, status, display_status, first_seen_run_id,"
          + " previous_run_id from fct_finding_status where finding_type = 'policy_breach' order by 1");
      fixture.reconcile("2025-08-04");

      // then the re-issue compares with the run at the end of W28: W29 was new on 20 July, W30 not yet
      // measured, and the acknowledgement not yet given
      assertThat(reissue).containsExactly(List.of("2025-W28", "persisting", "persisting", 1L, 1L),
          List.of("2025-W29", "new", "new", 4L, 1L));
      assertThat(fixture.query("select as_of_date::varchar, is_reissue, latest_as_of_date::varchar from run_context"))
          .containsExactly(List.of("2025-08-04", false, "2025-08-03"));
      // and the next nightly compares with the run of 3 August, not with the re-issue
      assertThat(fixture.query("select period_label, status, display_status, first_seen_run_id, previous_run_id"
          + " from fct_finding_status where finding_type = 'policy_breach' order by 1")).containsExactly(
          List.of("2025-W28", "persisting", "persisting", 1L, 3L),
          List.of("2025-W29", "persisting", "acknowledged", 2L, 3L),
          List.of("2025-W30", "persisting", "persisting", 2L, 3L));
      assertThat(w29).isEqualTo("policy_breach:POL-INSP-001/PROD/2025-W29");
    }
  }

  @Test
  void anAcknowledgementIsKeptWithWhoAndWhenAndShownByTheNextRun() throws Exception {
    try (FindingFixture fixture = FindingFixture.create(folder, "")) {
      // given
      fixture.mesDay("2025-07-14", 100, 90).reconcile("2025-07-31");
      Clock clock = Clock.fixed(Instant.parse("2025-08-01T09:30:00Z"), ZoneOffset.UTC);

      // when: acknowledged by the end of its key
      String key = new FindingAcknowledgements(fixture.connection(), clock)
          .acknowledge("POL-INSP-001/PROD/2025-W29", "8D report opened", "A. Weber");
      fixture.reconcile("2025-07-31");

      // then
      assertThat(key).isEqualTo("policy_breach:POL-INSP-001/PROD/2025-W29");
      assertThat(fixture.query("select display_status, acknowledgement_note, acknowledged_by,"
          + " acknowledged_at::varchar, status from fct_finding_status where finding_key = '" + key + "'"))
          .containsExactly(List.of("acknowledged", "8D report opened", "A. Weber", "2025-08-01 09:30:00", "persisting"));
    }
  }

  @Test
  void anUnknownOrAmbiguousKeyIsRefusedWithTheCandidates() throws Exception {
    try (FindingFixture fixture = FindingFixture.create(folder, "")) {
      fixture.mesDay("2025-07-07", 100, 90).mesDay("2025-07-14", 100, 90).reconcile("2025-07-31");
      FindingAcknowledgements acks = new FindingAcknowledgements(fixture.connection(), Clock.systemUTC());

      assertThatThrownBy(() -> acks.acknowledge("POL-INSP-001/PROD/2025-W01", "note", "me"))
          .isInstanceOf(FindingKeys.UnknownFindingException.class)
          .hasMessageStartingWith("No finding has the key 'POL-INSP-001/PROD/2025-W01'.");
      assertThatThrownBy(() -> acks.acknowledge("POL-INSP-001/PROD/2025-W2_", "note", "me"))
          .isInstanceOf(FindingKeys.UnknownFindingException.class);
      assertThat(fixture.query("select count(*) from finding_acknowledgement").get(0).get(0)).isEqualTo(0L);
    }
  }

  @Test
  void aChangedConfigIsANewVersionWhoseFilesAreKept() throws Exception {
    try (FindingFixture fixture = FindingFixture.create(folder, "")) {
      // given a run, then a changed tolerance
      fixture.mesDay("2025-07-14", 100, 90).reconcile("2025-07-31");
      Path model = folder.resolve("governance/model.yml");
      Files.writeString(model, Files.readString(model).replace("tolerance: 0.5", "tolerance: 1.5"));

      // when
      fixture.reconcile("2025-07-31");

      // then: two versions, each with its file; findings stamped with the version of their run
      assertThat(fixture.query("select first_run_id, file_text like '%tolerance: 1.5%' from config_version_history"
          + " order by first_run_id")).containsExactly(List.of(1L, false), List.of(2L, true));
      assertThat(fixture.query("select count(distinct config_version) from finding_history").get(0).get(0))
          .isEqualTo(2L);
      assertThat(fixture.query("select previous_config_version <> config_version from fct_finding_status"
          + " where finding_type = 'policy_breach'"))
          .containsExactly(List.of(true));
    }
  }

  @Test
  void traceNamesTheFileSheetRowAndRawTextBehindAFinding() throws Exception {
    try (FindingFixture fixture = FindingFixture.create(folder, "")) {
      // given
      fixture.mesDay("2025-07-14", 100, 90).reconcile("2025-07-31");

      // when
      String trace = new FindingTrace(fixture.connection()).trace("POL-INSP-001/PROD/2025-W29", 50);

      // then
      assertThat(trace).contains("Finding policy_breach:POL-INSP-001/PROD/2025-W29",
          "policy breach, severity high, new (first found in run 1)", "measured (system of record): 90",
          "target: 95", "gap: -5", "Behind it, 1 row:", "mes_2025-07-14.csv  (load 1, received 2025-07-15 02:00 UTC",
          "measured  line 2: day=\"2025-07-14\", class=\"CRITICAL\", produced=\"100\", inspected=\"90\"");
    }
  }
}
