package org.plumbline.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two plants booking in two currencies: money is converted to the reporting currency by the
 * month's exchange rate on its way to the facts, so it adds up; a month without a rate is a
 * finding and leaves its periods without a value instead of a wrong sum.
 */
class CurrencyConversionTests {

  /**
   * Heilbronn (DE) books in EUR, Charlotte (US) in USD; EUR is the reporting currency and July
   * 2025 has a rate (0.9), August has none. Charlotte's ERP measures scrap cost (converted) and
   * good units (a quantity, never converted); a policy caps weekly scrap cost at 1000 EUR.
   */
  static final String TWO_PLANTS = """
      departments:
        - { code: DE, name: Werk Heilbronn, local_kpi_names: { "Ausschusskosten": scrap_cost } }
        - { code: US, name: Plant Charlotte, local_kpi_names: { "Scrap cost": scrap_cost } }
      roles:
        - { id: head_of_quality, title: Head of Quality, department: DE, can_pause_process: true }
      kpis:
        - id: scrap_cost
          name: Scrap cost
          dimension: cost
          unit: EUR
          direction: lower_is_better
          target: 1000
          owner_role: head_of_quality
          tolerance: 1
          measured_by: { source: erp_us, numerator: scrap }
      policies:
        - id: POL-SCRAP
          version: 1
          statement: Scrap costs at most 1000 EUR a week.
          kpi: scrap_cost
          comparator: "<="
          threshold: 1000
          owner_role: head_of_quality
          severity: high
          effective_from: 2025-01-01
      sources:
        - id: de_sheet
          department: DE
          kind: self_reported
          format: csv
          files: "de_*.csv"
          csv: { delimiter: ",", decimal: "." }
          period: { column: Week, grain: week }
          metrics:
            - { column: Ausschusskosten }
        - id: us_sheet
          department: US
          kind: self_reported
          format: csv
          files: "us_sheet_*.csv"
          csv: { delimiter: ",", decimal: "." }
          period: { column: Week, grain: week }
          currency: USD
          metrics:
            - { column: Scrap cost }
        - id: erp_us
          system: ERP
          department: US
          kind: system_of_record
          format: csv
          files: "erp_us_*.csv"
          csv: { delimiter: ",", decimal: "." }
          period: { column: day, grain: day }
          currency: USD
          metrics:
            - { column: scrap, name: scrap }
            - { column: good, name: good_units }
      calendars:
        - { id: US01, timezone: America/New_York, common_grain: week, reporting_currency: EUR }
      exchange_rates:
        - { currency: USD, base: EUR, month: 2025-07, rate: 0.9 }
      """;

  @TempDir
  Path folder;

  private static FindingFixture deliveries(FindingFixture fixture) throws Exception {
    return fixture
        .deliver("erp_us", "erp_us_2025-07.csv", LocalDateTime.parse("2025-07-21T02:00"),
            List.of("day", "scrap", "good"), List.of(List.of("2025-07-14", "1000", "50"),
                List.of("2025-07-15", "200", "60")))
        .deliver("us_sheet", "us_sheet_2025-07.csv", LocalDateTime.parse("2025-07-21T08:00"),
            List.of("Week", "Scrap cost"), List.of(List.of("2025-07-14", "1200")))
        .deliver("de_sheet", "de_2025-07.csv", LocalDateTime.parse("2025-07-21T08:00"),
            List.of("Week", "Ausschusskosten"), List.of(List.of("2025-07-14", "500")));
  }

  @Test
  void moneyOfBothPlantsIsInTheReportingCurrencyAndAddsUp() throws Exception {
    try (FindingFixture fixture = FindingFixture.create(folder, TWO_PLANTS, "")) {
      // given
      deliveries(fixture);

      // when
      fixture.reconcile("2025-07-31");

      // then: 1200 USD is 1080 EUR; with Heilbronn's 500 EUR the plants lost 1580 EUR
      assertThat(fixture.query("select department_code, measured_value, reported_value from v_kpi_week"
          + " order by 1")).containsExactly(Arrays.asList("DE", null, 500.0), List.of("US", 1080.0, 1080.0));
      assertThat(fixture.query("select sum(reported_value) from v_kpi_period").get(0).get(0)).isEqualTo(1580.0);
      // the breach is judged in EUR: 1080 against 1000, and the figures agree, so no discrepancy
      assertThat(fixture.query("select finding_key, measured_value, gap from fct_finding"
          + " where finding_family = 'reconciliation'"))
          .containsExactly(List.of("policy_breach:POL-SCRAP/US/2025-W29", 1080.0, 80.0));
      // as delivered stays beside the converted value; units are a quantity and are not converted
      assertThat(fixture.query("select metric_name, value_as_delivered, currency_as_delivered, metric_value"
          + " from int_observation_current where source_id = 'erp_us' order by period_date, metric_name"))
          .containsExactly(
              Arrays.asList("good_units", 50.0, null, 50.0), List.of("scrap", 1000.0, "USD", 900.0),
              Arrays.asList("good_units", 60.0, null, 60.0), List.of("scrap", 200.0, "USD", 180.0));
    }
  }

  @Test
  void aMonthWithoutARateIsAFindingAndItsPeriodsHaveNoValue() throws Exception {
    try (FindingFixture fixture = FindingFixture.create(folder, TWO_PLANTS, "")) {
      // given August's scrap in dollars, and no August rate
      deliveries(fixture).deliver("erp_us", "erp_us_2025-08.csv", LocalDateTime.parse("2025-08-12T02:00"),
          List.of("day", "scrap", "good"), List.of(List.of("2025-08-04", "5000", "40")));

      // when
      fixture.reconcile("2025-08-31");

      // then: the missing rate is a finding with the row behind it ...
      assertThat(fixture.query("select finding_key, severity, department_code, period_label, gap from fct_finding"
          + " where finding_type = 'missing_exchange_rate'"))
          .containsExactly(List.of("missing_exchange_rate:erp_us/USD/2025-08", "high", "US", "2025-08", 5000.0));
      assertThat(fixture.query("select evidence from rpt_finding where finding_type = 'missing_exchange_rate'"))
          .containsExactly(List.of("Source erp_us delivered 1 value (5000.0 USD) for 2025-08, but exchange_rates has"
              + " no USD rate into EUR for that month; those periods have no value until it is added."));
      assertThat(fixture.query("select l.row_role, a.file_name, l.row_number from fct_finding_lineage l"
          + " join load_audit a using (load_id) where l.finding_key like 'missing_exchange_rate:%'"))
          .containsExactly(List.of("unconverted", "erp_us_2025-08.csv", 2));
      // ... and the week has no measured value: not judged, not summed without the dollars (the
      // weeks between the two exports, without scrap, are 0: int_source_week)
      assertThat(fixture.query("select iso_week, measured_value from v_kpi_week where department_code = 'US'"
          + " order by 1")).containsExactly(List.of("2025-W29", 1080.0), List.of("2025-W30", 0.0),
          List.of("2025-W31", 0.0), Arrays.asList("2025-W32", null));
      assertThat(fixture.query("select count(*) from fct_policy_breach where iso_week = '2025-W32'").get(0).get(0))
          .isEqualTo(0L);
    }
  }
}
