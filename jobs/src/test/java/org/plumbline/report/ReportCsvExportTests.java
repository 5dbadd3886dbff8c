package org.plumbline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCsvExportTests {

  @TempDir
  Path dir;

  @Test
  void writesTheWholeQuarantineAndEveryFindingBesideThePdf() throws Exception {
    // given 12 quarantined rows (the PDF prints 10 of them) and two findings, and an outbox
    // whose path would break SQL built by pasting it in
    Path outbox = dir.resolve("o'brien's \"outbox\"");
    try (Connection duckdb = RptFixtures.open(dir.resolve("warehouse.duckdb"))) {
      RptFixtures.yearWithOneBreach(duckdb);
      RptFixtures.twelveQuarantinedRows(duckdb);
      try (Statement s = duckdb.createStatement()) {
        s.execute("""
            insert into rpt_finding (finding_key, section, finding_type, severity, severity_weight,
              department_code, department_name, kpi_id, kpi_name, unit, period_label, target_value,
              measured_value, status, display_status, evidence)
            values ('policy_breach:POL-INSP-001/PROD/2025-W38', 'policy_breach', 'policy_breach', 'critical', 4,
                    'PROD', 'Production', 'inspection_coverage', 'Inspection coverage', 'percent', '2025-W38',
                    100.0, 24.8, 'new', 'new', null),
                   ('rogue_metric:LOG/otif_ext', 'rogue_metric', 'rogue_metric', 'low', 1,
                    'LOG', 'Logistics', null, null, null, '2025-Q3', null, null, 'new', 'new', 'Reported "OTIF ext", unknown')""");
      }

      // when
      int written = ReportCsvExport.write(duckdb, outbox, "2026-01-06", Locale.UK);

      // then
      assertThat(written).isEqualTo(2);
    }
    assertThat(Files.readAllLines(outbox.resolve("quarantine_as-of-2026-01-06.csv")))
        .hasSize(13)
        .startsWith("reason,file_name,source_id,sheet_name,row_number,row_text",
            "Week is not a date,Qualitaet_Audits_2025-Q1.csv,quality_audits,,1,\"KW1 | 3, 5\"")
        .endsWith("Week is not a date,Qualitaet_Audits_2025-Q1.csv,quality_audits,,12,\"KW12 | 3, 5\"");
    assertThat(Files.readAllLines(outbox.resolve("findings_as-of-2026-01-06.csv"))).containsExactly(
        "finding_key,section,finding_type,severity,status,display_status,deviation_id,department_code,department_name,kpi_id,kpi_name,unit,"
            + "policy_id,period_label,period_start,period_end,target_value,measured_value,self_reported_value,gap,"
            + "owner_title,evidence",
        "policy_breach:POL-INSP-001/PROD/2025-W38,policy_breach,policy_breach,critical,new,new,,PROD,Production,"
            + "inspection_coverage,Inspection coverage,percent,,2025-W38,,,100.0,24.8,,,,",
        "rogue_metric:LOG/otif_ext,rogue_metric,rogue_metric,low,new,new,,LOG,Logistics,,,,,2025-Q3,,,,,,,,"
            + "\"Reported \"\"OTIF ext\"\", unknown\"");
    try (var leftovers = Files.list(outbox)) {
      assertThat(leftovers.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".part"));
    }
  }

  @Test
  void theFindingsEvidenceIsInTheReportsLanguage() throws Exception {
    // given a triad gap with its English sentence and its key and figures, as fct_finding makes them
    Path outbox = dir.resolve("outbox");
    String insertTriadGap = """
        insert into rpt_finding (finding_key, section, finding_type, severity, severity_weight, department_code,
          department_name, period_label, status, display_status, evidence, evidence_key, evidence_args)
        values ('triad_gap:LOG', 'insight', 'triad_gap', 'low', 1, 'LOG', 'Logistik', '2025-Q3', 'new', 'new',
                'Logistik reports cost (freight_cost) but not quality or speed.', 'evidence.triad_gap',
                '["Logistik", {"list": [{"word": "evidence.dimension.cost"}], "join": "and"}, "freight_cost",
                  {"list": [{"word": "evidence.dimension.quality"}, {"word": "evidence.dimension.speed"}],
                   "join": "or"}]')""";
    try (Connection duckdb = RptFixtures.open(dir.resolve("warehouse.duckdb"))) {
      RptFixtures.yearWithOneBreach(duckdb);
      try (Statement s = duckdb.createStatement()) {
        s.execute(insertTriadGap);
      }

      // when the German report's CSV files are written, then the English one's
      ReportCsvExport.write(duckdb, outbox.resolve("de"), "2026-01-06", Locale.GERMANY);
      ReportCsvExport.write(duckdb, outbox.resolve("en"), "2026-01-06", Locale.UK);
    }

    // then each says it in its report's language
    assertThat(Files.readAllLines(outbox.resolve("de").resolve("findings_as-of-2026-01-06.csv")).get(1))
        .endsWith(",\"Logistik berichtet zu Kosten (freight_cost), aber nicht zu Qualität oder Tempo.\"");
    assertThat(Files.readAllLines(outbox.resolve("en").resolve("findings_as-of-2026-01-06.csv")).get(1))
        .endsWith(",Logistik reports cost (freight_cost) but not quality or speed.");
  }
}
