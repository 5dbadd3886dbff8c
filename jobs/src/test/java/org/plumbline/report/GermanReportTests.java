package org.plumbline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A report configured in German is German throughout: no English heading or sentence of the
 * report's own (every English bundle text that German words differently, in pieces between its
 * placeholders, and the English the templates used to hard-code) appears anywhere in it. The
 * data's own words (policy statements, KPI names from the governance model) stay as configured.
 */
class GermanReportTests {

  private static final ZonedDateTime GENERATED_AT =
      ZonedDateTime.of(2026, 1, 5, 6, 0, 0, 0, ZoneId.of("Europe/Berlin"));
  /** English the templates and ReportText printed before they read the bundles. */
  private static final List<String> FORMERLY_HARD_CODED = List.of("Headline finding",
      "Self-reported vs measured, week by week", "Weeks in breach", "threshold", "Where the lines meet",
      "was breached in", "Owner:", "ISO week", "Coverage (%)", "Week start", "Units produced", "Self-reported",
      "January", "December", "Page ", " of ", "Since the previous run", "persisting");

  @TempDir
  Path dir;

  @Test
  void aGermanReportHasNoEnglishHeadingOrSentence() throws Exception {
    // given
    Path pdf = dir.resolve("bericht.pdf");
    ReportOptions german = ReportOptions.of(Locale.GERMANY, "quarter");
    try (Connection duckdb = RptFixtures.open(dir.resolve("warehouse.duckdb"))) {
      RptFixtures.oneOfEverySection(duckdb);
      germanConfiguration(duckdb);

      // when
      RptFixtures.a4().render(duckdb, pdf, GENERATED_AT, german);
    }

    // then
    String text = PdfText.of(pdf);
    assertThat(text).contains("Inhalt", "Was sich seit 2025-Q3 geändert hat", "Wichtigste Befunde je Richtlinie",
        "Wochen mit Richtlinienverstoß", "wurde in 16 Wochen verletzt (2025-W31 bis 2025-W46)",
        "Erstellt am 5. Januar 2026, 06:00 Uhr (MEZ)", "Datenstand 5. Januar 2026", "28.07.2025",
        "Production: Richtlinienverstoß POL-INSP-001 — größte Lücke 75,2 Prozentpunkte in 2025-Q4, 10,0 Prozentpunkte in 2025-",
        "abgewiesen", "Quarantäne",
        "Unter früheren Einstellungen gelesene Dateien mes (MES): 3 Dateien von 5 unter früheren Einstellungen dieser"
            + " Quelle gelesen; die Zahlen daraus erscheinen so, wie sie damals gelesen wurden.",
        "Production: Prüfabdeckung 98,0\u00a0% → 62,5\u00a0% (-35,5).",
        "Prüfabdeckung (p-Karte): ein Punkt jenseits von 3 Sigma (WE1), erstmals in 2025-W41 mit 60,0\u00a0% bei einer"
            + " Mittellinie von 99,9\u00a0% und Eingriffsgrenzen von 99,3\u00a0% bis 100,0\u00a0% (Punkte 2025-W41); die Regel schlug in"
            + " 6 Wochen an, zuletzt in 2025-W46.",
        "Die Basisperiode 2025-W01 .. 2025-W26 schwankte nie (100,0\u00a0% in jeder ihrer 26 Wochen), daher hat die Karte"
            + " keine Eingriffsgrenzen und keine Regel ist anwendbar; zuerst wich 2025-W31 mit 33,0\u00a0% davon ab,"
            + " insgesamt 4 Wochen bis 2025-W34.",
        "Reihen ohne Regelkarte Reklamationen · Logistik (c-Karte) Die Basisperiode 2025-W01 .. 2025-W26 enthält"
            + " 2 Wochenwerte; für Eingriffsgrenzen sind mindestens 20 nötig, daher wird keine Regelkarte gezeichnet"
            + " und keine Regel angewandt.",
        "Verantwortlich Leitung Qualität Befundschlüssel"
            + " k-policy_breach 1 Befund Abweichende Meldungen");
    assertThat(text).doesNotContain("1 Befunde");
    List<String> english = new ArrayList<>(FORMERLY_HARD_CODED);
    english.addAll(englishOnlyPieces());
    assertThat(english).hasSizeGreaterThan(100);
    assertThat(english).allSatisfy(piece -> assertThat(text).as("English '%s'", piece).doesNotContain(piece));
  }

  /** The governance model's own words (KPI names, policy statements, roles), as a German company writes them. */
  private static void germanConfiguration(Connection duckdb) throws java.sql.SQLException {
    try (var statement = duckdb.createStatement()) {
      statement.execute("""
          update rpt_finding set kpi_name = 'Prüfabdeckung', owner_title = 'Leitung Qualität',
            subject_name = replace(subject_name, 'Inspection coverage of critical parts', 'Prüfabdeckung'),
            evidence_args = replace(evidence_args, 'Inspection coverage of critical parts', 'Prüfabdeckung');
          update rpt_finding_change set kpi_name = 'Prüfabdeckung',
            subject_name = replace(subject_name, 'Inspection coverage of critical parts', 'Prüfabdeckung');
          update rpt_kpi_movement set kpi_name = 'Prüfabdeckung';
          update rpt_coverage_by_period set kpi_name = 'Prüfabdeckung', department_name = 'Produktion';
          update rpt_triad_scorecard set quality_worst_kpi = 'Prüfabdeckung', department_name = 'Produktion';
          update rpt_policy_execution set kpi_name = 'Prüfabdeckung', statement = 'Jedes Ventil wird geprüft.',
            owner_title = 'Leitung Qualität';
          update rpt_headline set kpi_name = 'Prüfabdeckung', policy_statement = 'Jedes Ventil wird geprüft.',
            owner_title = 'Leitung Qualität';
          update rpt_control_point set kpi_name = 'Ausschussquote';
          update rpt_control_chart_note set kpi_name = 'Reklamationen', department_name = 'Logistik';
          update rpt_quarantine set reason = 'Kein gültiges Datum.';
          update rpt_file_delivery set reason = 'Blatt fehlt.' where reason is not null;
          """);
    }
    org.plumbline.system.SqlScript.execute(duckdb, "sql/reports/rpt_top_gap.sql");
    RptFixtures.summaryHeadline(duckdb);
  }

  /** Each English bundle text that German words differently, cut at its placeholders into pieces of 3+ words. */
  private static List<String> englishOnlyPieces() {
    ResourceBundle english = ReportSentences.bundle(Locale.UK);
    ResourceBundle german = ReportSentences.bundle(Locale.GERMANY);
    List<String> pieces = new ArrayList<>();
    for (String key : english.keySet()) {
      if (key.startsWith("format.") || !german.containsKey(key) || english.getString(key).equals(german.getString(key))) {
        continue;
      }
      for (String piece : english.getString(key).replace("''", "'").split("\\{[^}]*}|\\n")) {
        String words = piece.strip().replaceAll("\\s+", " ");
        if (words.split(" ").length >= 3 || (words.length() >= 8 && !words.contains(" "))) {
          pieces.add(words);
        }
      }
    }
    return pieces;
  }

}
