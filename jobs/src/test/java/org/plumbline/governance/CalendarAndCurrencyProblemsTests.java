package org.plumbline.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plumbline.governance.Policy.Severity;

/**
 * The common grain, currencies, scoped deviations and finding severities: each mistake is
 * reported with file, line and key, and a valid model reads as written.
 */
class CalendarAndCurrencyProblemsTests {

  @TempDir
  Path dir;

  private void exampleWithout(String... left) throws IOException {
    try (var files = Files.list(GovernanceLoaderTests.EXAMPLE)) {
      for (Path file : files.toList()) {
        if (!java.util.List.of(left).contains(file.getFileName().toString())) {
          Files.copy(file, dir.resolve(file.getFileName()));
        }
      }
    }
  }

  @Test
  void aSourceCoarserThanTheCommonGrainAndMoneyThatCannotBeConvertedAreReported() throws IOException {
    // given the example with its calendar replaced and a monthly source in dollars and pounds
    exampleWithout("calendar.yml");
    Files.writeString(dir.resolve("calendar.yml"), """
        calendars:
          - { id: DE10, timezone: Europe/Berlin, common_grain: week, reporting_currency: EUR }
        exchange_rates:
          - { currency: USD, base: EUR, month: 2025-01, rate: 0.96 }
          - { currency: CHF, base: USD, month: 2025-01, rate: 1.1 }
        """);
    Files.writeString(dir.resolve("us.yml"), """
        sources:
          - id: us_monthly
            system: ERP
            department: PROD
            kind: system_of_record
            format: csv
            files: "us_*.csv"
            csv: { delimiter: "," }
            period: { column: month, grain: month }
            currency: JPY
            metrics:
              - { column: scrap, name: scrap_usd, currency: USD }
              - { column: rework, name: rework_gbp, currency: GBP }
              - { column: units, name: units, currency: eur }
        kpis:
          - id: scrap_cost_usd
            name: Scrap cost in dollars
            dimension: cost
            unit: USD
            direction: lower_is_better
            target: 1
            owner_role: head_of_quality
            tolerance: 0
        """);

    // when
    ConfigInvalidException invalid =
        catchThrowableOfType(ConfigInvalidException.class, () -> new GovernanceLoader().load(dir));

    // then
    assertThat(invalid.problems())
        .extracting(p -> p.file().getFileName().toString(), ConfigProblem::line, ConfigProblem::key)
        .containsExactly(
            tuple("calendar.yml", 5, "exchange_rates[CHF].base"),
            tuple("us.yml", 9, "sources[us_monthly].period.grain"),
            tuple("us.yml", 10, "sources[us_monthly].currency"),
            tuple("us.yml", 13, "sources[us_monthly].metrics[1].currency"),
            tuple("us.yml", 14, "sources[us_monthly].metrics[2].currency"),
            tuple("us.yml", 19, "kpis[scrap_cost_usd].unit"));
    assertThat(invalid.getMessage())
        .contains("The source delivers one value per month, but figures are compared per ISO week")
        .contains("exchange_rates has no rate from JPY to the reporting currency EUR")
        .contains("exchange_rates has no rate from GBP")
        .contains("'currency' is a three-letter ISO currency code such as EUR or USD, not 'eur'.")
        .contains("The KPI is stated in USD, but money is reported in EUR");
  }

  @Test
  void aCurrencyWithoutAReportingCurrencyAndAnUnknownGrainAreReported() throws IOException {
    exampleWithout("calendar.yml");
    Files.writeString(dir.resolve("calendar.yml"), """
        calendars:
          - { id: DE10, timezone: Europe/Berlin, common_grain: quarter }
        sources:
          - id: us_erp
            system: ERP
            kind: system_of_record
            format: csv
            files: "us_*.csv"
            csv: { delimiter: "," }
            period: { column: day, grain: fortnight }
            currency: USD
            metrics:
              - { column: scrap }
        """);

    ConfigInvalidException invalid =
        catchThrowableOfType(ConfigInvalidException.class, () -> new GovernanceLoader().load(dir));

    assertThat(invalid.problems())
        .extracting(ConfigProblem::line, ConfigProblem::key)
        .containsExactly(
            tuple(2, "calendars[DE10].common_grain"),
            tuple(10, "sources[us_erp].period.grain"),
            tuple(11, "sources[us_erp].currency"));
    assertThat(invalid.getMessage())
        .contains("'common_grain' must be one of week, month, fiscal_period, but it is 'quarter'.")
        .contains("add reporting_currency (for example EUR) to the plant calendar");
  }

  @Test
  void findingSeveritiesAndScopedDeviationsAreValidated() throws IOException {
    exampleWithout("findings.yml");
    Files.writeString(dir.resolve("findings.yml"), """
        finding_severities:
          - { finding: late_submission, severity: high }
          - { finding: late_submision, severity: high }
          - { finding: rogue_metric, severity: urgent }
          - { finding: late_submission, severity: low }
        deviations:
          - id: DEV-PART
            policy: POL-INSP-001
            reason: One valve type re-inspected by the supplier.
            approved_by: head_of_quality
            approved_on: 2025-01-01
            valid_from: 2025-01-06
            expires_on: 2025-01-12
            scope: { part_no: V-2201 }
        """);

    ConfigInvalidException invalid =
        catchThrowableOfType(ConfigInvalidException.class, () -> new GovernanceLoader().load(dir));

    assertThat(invalid.problems())
        .extracting(ConfigProblem::line, ConfigProblem::key)
        .containsExactly(
            tuple(3, "finding_severities[late_submision].finding"),
            tuple(4, "finding_severities[rogue_metric].severity"),
            tuple(5, "finding_severities[late_submission].finding"),
            tuple(14, "deviations[DEV-PART].scope[part_no]"));
    assertThat(invalid.getMessage()).contains("Did you mean 'late_submission'?");
  }

  @Test
  void aDeviationLimitedToAnAttributeTheMeasuringSourceDoesNotReadIsReported() throws IOException {
    // given a policy on scrap cost, which the ERP measures without part classes
    exampleWithout();
    Files.writeString(dir.resolve("scrap.yml"), """
        policies:
          - { id: POL-SCRAP, version: 1, statement: Scrap stays low., kpi: scrap_cost, comparator: "<=",
              threshold: 5000, owner_role: head_of_quality, severity: medium, effective_from: 2025-01-01 }
        deviations:
          - id: DEV-SCRAP
            policy: POL-SCRAP
            reason: Start-up of the new line.
            approved_by: head_of_quality
            approved_on: 2025-01-01
            valid_from: 2025-01-06
            expires_on: 2025-01-31
            scope: { part_class: NEW_LINE }
        """);

    ConfigInvalidException invalid =
        catchThrowableOfType(ConfigInvalidException.class, () -> new GovernanceLoader().load(dir));

    assertThat(invalid.problems()).extracting(ConfigProblem::line, ConfigProblem::key)
        .containsExactly(tuple(12, "deviations[DEV-SCRAP].scope[part_class]"));
    assertThat(invalid.getMessage()).contains("source 'erp_production', which measures scrap_cost for policy"
        + " POL-SCRAP, does not say which of its columns holds part_class");
  }

  @Test
  void aValidModelReadsTheNewSettingsAsWritten() throws IOException {
    exampleWithout("calendar.yml", "findings.yml");
    Files.writeString(dir.resolve("calendar.yml"), """
        calendars:
          - { id: DE10, timezone: Europe/Berlin, common_grain: fiscal_period, reporting_currency: EUR }
        finding_severities:
          - { finding: late_submission, severity: high }
        deviations:
          - id: DEV-PART
            policy: POL-INSP-001
            reason: One valve type re-inspected by the supplier.
            approved_by: head_of_quality
            approved_on: 2025-01-01
            valid_from: 2025-01-06
            expires_on: 2025-01-12
            scope: { part_id: V-2201 }
        """);

    GovernanceModel model = new GovernanceLoader().load(dir);

    assertThat(model.calendar().commonGrain()).isEqualTo("fiscal_period");
    assertThat(model.calendar().reportingCurrency()).isEqualTo("EUR");
    assertThat(model.findingSeverityByCase()).containsEntry("late_submission", Severity.HIGH)
        .containsEntry("missing_submission", Severity.MEDIUM).hasSize(FindingSeverity.DEFAULTS.size());
    assertThat(model.deviations()).filteredOn(d -> d.id().equals("DEV-PART")).singleElement()
        .extracting(Deviation::scope).isEqualTo(Map.of("part_id", "V-2201"));
  }
}
