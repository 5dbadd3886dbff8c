package org.plumbline.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.plumbline.system.SqlScript;

/** The periods config check reasons about are the ones the warehouse's calendar (dim_date) makes. */
class CommonPeriodsTests {

  @ParameterizedTest
  @CsvSource({"week, 1, 4-4-5", "month, 1, 4-4-5", "fiscal_period, 1, 4-4-5", "fiscal_period, 10, 5-4-4",
      "fiscal_period, 7, 4-5-4"})
  void everyDayOfFourYearsIsInThePeriodDimDatePutsItIn(String grain, int startMonth, String pattern) throws Exception {
    // given dim_date built by its own SQL (to the end of 2023), compared over 2019 to 2022 (2020 has a 53rd ISO week)
    CommonPeriods periods = new CommonPeriods(
        new PlantCalendar("P", ZoneId.of("Europe/Berlin"), grain, startMonth, pattern));
    List<String> warehouse = new ArrayList<>();
    List<String> java = new ArrayList<>();
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = duckdb.createStatement()) {
      s.execute("create table dim_calendar as select 'P' as calendar_id, 'Europe/Berlin' as timezone, '" + grain
          + "' as common_grain, " + startMonth + " as fiscal_year_start_month, '" + pattern + "' as fiscal_pattern,"
          + " null::varchar as reporting_currency");
      s.execute("create table run_context as select date '2022-06-30' as as_of_date");
      s.execute("create table stg_observation (period_date date)");
      SqlScript.execute(duckdb, "sql/dimensions/dim_date.sql");

      // when each day's period is asked of both
      try (ResultSet r = s.executeQuery("select calendar_date, common_period_start, common_period_end from dim_date"
          + " where calendar_date between date '2019-01-01' and date '2022-12-31' order by 1")) {
        while (r.next()) {
          LocalDate day = r.getObject(1, LocalDate.class);
          warehouse.add(day + " " + r.getObject(2, LocalDate.class) + " " + r.getObject(3, LocalDate.class));
          java.add(day + " " + periods.startOf(day) + " " + periods.endOf(day));
        }
      }
    }

    // then they agree on every day
    assertThat(warehouse).hasSize(1461);
    assertThat(java).containsExactlyElementsOf(warehouse);
  }
}
