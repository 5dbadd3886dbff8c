package org.plumbline.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The strategic sections (objectives, incentives, tensions, submissions, initiatives,
 * deviations, calendars, exchange rates): every mistake reported with file, line and key.
 */
class StrategyProblemsTests {

  static final List<String> CORE = List.of("departments.yml", "kpis.yml", "policies.yml", "roles.yml", "sources.yml");

  @TempDir
  Path dir;

  @Test
  void reportsEveryStrategyProblemAtOnce() throws IOException {
    // given the example's core files and a strategy file full of mistakes
    for (String core : CORE) {
      Files.copy(GovernanceLoaderTests.EXAMPLE.resolve(core), dir.resolve(core));
    }
    Files.writeString(dir.resolve("strategy.yml"), """
        objectives:
          - id: OBJ-1
            statement: Zero defects.
            key_results:
              - { kpi: inspection_coverag }
        incentives:
          - id: INC-1
            role: head_of_production
            period: quarter
            weights: { units_produced: 0.7, scrap_cost: 0.2 }
            effective_from: 2025-01-01
        tensions:
          - id: TEN-1
            kpis: [units_produced]
            explanation: One side only.
        submissions:
          - id: SUB-1
            source: prod_weekly_kpi
            department: PROD
            frequency: fortnight
            due: { days_after_period: 7, at: "5pm" }
            effective_from: 2025-01-01
        initiatives:
          - id: INI-1
            name: Training
            kind: training
            start_date: 2025-03-01
            target_kpis: [audit_scor]
            expected_effect: Better audits.
        deviations:
          - id: DEV-1
            policy: POL-INSP-002
            reason: Calibration.
            approved_by: head_of_quality
            approved_on: 2025-01-01
            valid_from: 2025-02-01
            expires_on: 2025-01-15
        calendars:
          - { id: DE10, timezone: Europe/Heilbronn, common_grain: week }
        exchange_rates:
          - { currency: USD, base: EUR, month: 2025-01, rate: 0.96 }
          - { currency: USD, base: EUR, month: 2025-01, rate: 0.97 }
        """);

    // when
    ConfigInvalidException invalid =
        catchThrowableOfType(ConfigInvalidException.class, () -> new GovernanceLoader().load(dir));

    // then
    assertThat(invalid.problems())
        .extracting(p -> p.file().getFileName().toString(), ConfigProblem::line, ConfigProblem::key)
        .containsExactly(
            tuple("strategy.yml", 5, "objectives[OBJ-1].key_results[0].kpi"),
            tuple("strategy.yml", 10, "incentives[INC-1].weights"),
            tuple("strategy.yml", 14, "tensions[TEN-1].kpis"),
            tuple("strategy.yml", 18, "submissions[SUB-1].source"),
            tuple("strategy.yml", 20, "submissions[SUB-1].frequency"),
            tuple("strategy.yml", 21, "submissions[SUB-1].due.at"),
            tuple("strategy.yml", 28, "initiatives[INI-1].target_kpis"),
            tuple("strategy.yml", 32, "deviations[DEV-1].policy"),
            tuple("strategy.yml", 37, "deviations[DEV-1].expires_on"),
            tuple("strategy.yml", 39, "calendars[DE10].timezone"),
            tuple("strategy.yml", 42, "exchange_rates[USD].month"));
    assertThat(invalid.getMessage())
        .contains("The weights of incentive scheme INC-1 add up to 0.9, not 1")
        .contains("The objective names KPI 'inspection_coverag', which is not in the KPI catalogue (kpis.yml).")
        .contains("Did you mean 'inspection_coverage'?")
        .contains("The deviation names policy 'POL-INSP-002', which is not among the policies (policies.yml).")
        .contains("'Europe/Heilbronn' is not a time zone");
  }

  @Test
  void theExampleModelHasEverySection() {
    GovernanceModel example = new GovernanceLoader().load(GovernanceLoaderTests.EXAMPLE);

    assertThat(List.of(example.objectives().size(), example.incentives().size(), example.tensions().size(),
        example.submissions().size(), example.initiatives().size(), example.deviations().size(),
        example.calendars().size(), example.exchangeRates().size())).containsExactly(2, 2, 2, 6, 1, 1, 1, 2);
    assertThat(example.calendar().timezone().getId()).isEqualTo("Europe/Berlin");
    assertThat(example.incentives().get(0).weights()).containsEntry("units_produced", 0.7);
  }
}
