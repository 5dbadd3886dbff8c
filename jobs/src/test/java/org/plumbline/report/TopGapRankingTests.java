package org.plumbline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plumbline.system.SqlScript;

/**
 * How the summary ranks its worst gaps (rpt_top_gap, by its real SQL): open policy breaches first,
 * then by severity, and only then by materiality, which cannot compare a 1-point shortfall of a 97%
 * yield (0.01) with a finding that has no target at all (0.5); gaps resolved since the previous
 * run after every open one.
 */
class TopGapRankingTests {

  @TempDir
  Path dir;

  @Test
  void aBreachedPolicyAndHighFindingsAreNeverOutrankedByMediumAdministrativeOnes() throws Exception {
    try (Connection duckdb = RptFixtures.open(dir.resolve("gaps.duckdb"))) {
      // given Brenner Pumpen's findings as rpt_finding holds them: the headline policy POL-FPY-001
      // 1 point short of 97% (materiality 0.01), POL-PAINT-002 0.6 over 3%, a high incentive conflict
      // and discrepancy, and three medium findings without a target (materiality 0.5 each)
      RptFixtures.execute(duckdb, RptFixtures.EMPTY_SECTIONS + """
          insert into rpt_finding (finding_key, finding_type, section, severity, severity_weight, department_code,
                                   department_name, policy_id, period_label, target_value, gap, status, materiality,
                                   rank_score, subject, display_status)
          select finding_key, finding_type, 'x', severity, weight, department_code, department_code, policy_id,
                 '2025-07', target, gap, status, materiality, weight * (0.5 + materiality), subject, status
          from (values
              ('policy_breach:FPY', 'policy_breach', 'high', 3, 'ASM', 'POL-FPY-001', 97.0, -1.0, 1.0 / 97, 'POL-FPY-001'),
              ('policy_breach:PAINT', 'policy_breach', 'critical', 4, 'ASM', 'POL-PAINT-002', 3.0, 0.6, 0.2, 'POL-PAINT-002'),
              ('incentive_conflict:INC', 'incentive_conflict', 'high', 3, 'ASM', 'POL-FPY-001', null, null, 0.5, 'POL-FPY-001'),
              ('reporting_discrepancy:FPY', 'reporting_discrepancy', 'high', 3, 'ASM', null, 97.0, 1.6, 1.6 / 97, 'first_pass_yield'),
              ('accountability_without_authority:OTD', 'accountability_without_authority', 'medium', 2, 'LOG', 'POL-OTD-003', null, null, 0.5, 'POL-OTD-003'),
              ('missing_submission:SUB-LOG/2025-Q2', 'missing_submission', 'medium', 2, 'LOG', null, null, null, 0.5, 'SUB-LOG'),
              ('triad_gap:LOG', 'triad_gap', 'medium', 2, 'LOG', null, null, null, 0.5, 'triad_gap:LOG'))
            as t(finding_key, finding_type, severity, weight, department_code, policy_id, target, gap, materiality, subject)
          cross join (select 'persisting' as status)
          -- and a critical breach of another policy the previous run found and this one did not
          union all
          select 'policy_breach:VALVE', 'policy_breach', 'x', 'critical', 4, 'ASM', 'ASM', 'POL-VALVE-004', '2025-06',
                 null, null, 'resolved', 0.5, 4.0, 'POL-VALVE-004', 'resolved';
          """);

      // when
      SqlScript.execute(duckdb, "sql/reports/rpt_top_gap.sql");

      // then both open breaches lead, the high findings follow, the medium ones after them, and the
      // resolved breach, news rather than a gap, comes last
      assertThat(RptFixtures.rows(duckdb, "select gap_rank, finding_type, subject, rank_group from rpt_top_gap order by gap_rank"))
          .containsExactly(
              "1 policy_breach POL-PAINT-002 1",
              "2 policy_breach POL-FPY-001 1",
              "3 incentive_conflict POL-FPY-001 2",
              "4 reporting_discrepancy first_pass_yield 2",
              "5 accountability_without_authority POL-OTD-003 2",
              "6 missing_submission SUB-LOG 2",
              "7 triad_gap triad_gap:LOG 2",
              "8 policy_breach POL-VALVE-004 3");
    }
  }
}
