package org.plumbline.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A policy version or a deviation dated inside a period of the common grain is judged by rules its
 * author may not have in mind; config check says what they do to that period.
 */
class PeriodBoundaryWarningsTests {

  @TempDir
  Path dir;

  private static final String MODEL = """
      departments:
        - { code: PROD, name: Production }
      roles:
        - { id: head_of_quality, title: Head of Quality, department: PROD, can_pause_process: true }
      kpis:
        - { id: coverage, name: Coverage, dimension: quality, unit: percent, direction: higher_is_better,
            target: 100, tolerance: 0, owner_role: head_of_quality }
      policies:
        - { id: POL-A, version: 1, statement: At least 98%., kpi: coverage, comparator: ">=", threshold: 98,
            owner_role: head_of_quality, severity: high, effective_from: 2019-12-30, effective_to: 2020-12-31 }
        - { id: POL-A, version: 2, statement: At least 99.5%., kpi: coverage, comparator: ">=", threshold: 99.5,
            owner_role: head_of_quality, severity: critical, effective_from: 2021-01-01 }
      deviations:
        - { id: DEV-1, policy: POL-A, department: PROD, reason: Year-end shutdown, approved_by: head_of_quality,
            approved_on: 2020-12-15, valid_from: 2020-12-29, expires_on: 2021-01-10 }
        - { id: DEV-2, policy: POL-A, department: PROD, reason: New line, approved_by: head_of_quality,
            approved_on: 2021-02-01, valid_from: 2021-03-01, expires_on: 2021-03-10 }
      """;

  private GovernanceModel model(String grain) throws IOException {
    Files.writeString(dir.resolve("governance.yml"), MODEL + "calendars:\n  - { id: DE10, timezone: Europe/Berlin,"
        + " common_grain: " + grain + ", fiscal_pattern: 4-4-5 }\n");
    return new GovernanceLoader().load(dir);
  }

  @Test
  void atTheWeekGrainAVersionFromAFridayAndADeviationFromATuesdayAreSaidToMissTheirWeek() throws IOException {
    assertThat(PeriodBoundaryWarnings.of(model("week"))).containsExactly(
        "Policy POL-A version 2 takes effect on Friday 1 January 2021, inside the week from Monday 28 December 2020"
            + " to Sunday 3 January 2021. A period is judged by the version in force on its first day, so that week"
            + " is judged by version 1 and version 2 judges from Monday 4 January 2021. To have it judge that week,"
            + " let it take effect on Monday 28 December 2020.",
        "Deviation DEV-1 is valid from Tuesday 29 December 2020, inside the week from Monday 28 December 2020 to"
            + " Sunday 3 January 2021. A deviation covers the periods that start while it is valid, so it does not"
            + " cover that week; from Monday 28 December 2020 it would.",
        "Deviation DEV-2 expires on Wednesday 10 March 2021, inside the week from Monday 8 March 2021 to Sunday"
            + " 14 March 2021. A deviation covers the periods that start while it is valid, so it covers all of"
            + " that week; to end before it, let it expire on Sunday 7 March 2021.");
  }

  @Test
  void atTheFiscalGrainTheStricterVersionMissesAWholeFiscalPeriod() throws IOException {
    // FY2021 starts on Monday 28 December 2020, the Monday of the week holding 1 January; P01 has 4 weeks
    assertThat(PeriodBoundaryWarnings.of(model("fiscal_period")).get(0)).isEqualTo(
        "Policy POL-A version 2 takes effect on Friday 1 January 2021, inside the fiscal period from Monday"
            + " 28 December 2020 to Sunday 24 January 2021. A period is judged by the version in force on its first"
            + " day, so that fiscal period is judged by version 1 and version 2 judges from Monday 25 January 2021."
            + " To have it judge that fiscal period, let it take effect on Monday 28 December 2020.");
  }

  @Test
  void atTheMonthGrainEachDateInsideAMonthIsSaidOnceAndTheFirstOfAMonthIsNot() throws IOException {
    // version 2 from 1 January and DEV-2 from 1 March start months; the rest do not
    assertThat(PeriodBoundaryWarnings.of(model("month"))).containsExactly(
        "Policy POL-A version 1 takes effect on Monday 30 December 2019, inside the month from Sunday 1 December"
            + " 2019 to Tuesday 31 December 2019. A period is judged by the version in force on its first day, so"
            + " the policy does not judge that month and version 1 judges from Wednesday 1 January 2020. To have it"
            + " judge that month, let it take effect on Sunday 1 December 2019.",
        "Deviation DEV-1 is valid from Tuesday 29 December 2020, inside the month from Tuesday 1 December 2020 to"
            + " Thursday 31 December 2020. A deviation covers the periods that start while it is valid, so it does"
            + " not cover that month; from Tuesday 1 December 2020 it would.",
        "Deviation DEV-1 expires on Sunday 10 January 2021, inside the month from Friday 1 January 2021 to Sunday"
            + " 31 January 2021. A deviation covers the periods that start while it is valid, so it covers all of"
            + " that month; to end before it, let it expire on Thursday 31 December 2020.",
        "Deviation DEV-2 expires on Wednesday 10 March 2021, inside the month from Monday 1 March 2021 to"
            + " Wednesday 31 March 2021. A deviation covers the periods that start while it is valid, so it covers"
            + " all of that month; to end before it, let it expire on Sunday 28 February 2021.");
  }
}
