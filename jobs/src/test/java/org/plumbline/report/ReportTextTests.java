package org.plumbline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class ReportTextTests {

  @Test
  void writesTheHeadlineOfABreachedPolicyAsOneSentence() {
    // when
    String headline = ReportText.headline("POL-INSP-001",
        "Every critical engine valve is inspected before shipment.", "Inspection coverage of critical parts",
        "Head of Quality", 16, "2025-W31", "2025-W46", "2025-W38", 24.8, 100.0, 0);

    // then
    assertThat(headline).isEqualTo("Policy POL-INSP-001 (Every critical engine valve is inspected before"
        + " shipment) was breached in 16 weeks, 2025-W31 to 2025-W46: measured inspection coverage of"
        + " critical parts fell to 24.8% in 2025-W38 while the department reported 100.0%."
        + " Owner: Head of Quality.");
  }

  @Test
  void writesASingleWeekAMissingReportAndDiscrepancies() {
    // when
    String headline = ReportText.headline("POL-OEE-002", "OEE stays above 60%", "OEE", "Plant Manager",
        1, "2025-W07", "2025-W07", "2025-W07", 41.25, null, 1);

    // then
    assertThat(headline).isEqualTo("Policy POL-OEE-002 (OEE stays above 60%) was breached in 1 week, 2025-W07:"
        + " measured OEE fell to 41.3% in 2025-W07 while the department reported no figure for that week."
        + " The department's own figure differed from the measurement in 1 week. Owner: Plant Manager.");
  }

  @Test
  void saysWhenNothingWasBreached() {
    // when / then
    assertThat(ReportText.noBreach("2025-W01", "2025-W52"))
        .isEqualTo("No policy was breached in the weeks 2025-W01 to 2025-W52.");
    assertThat(ReportText.noBreach(null, null))
        .isEqualTo("No policy was breached: the warehouse holds no weekly figures yet.");
    assertThat(ReportText.noBreachedWeeks("2025-W01", "2025-W01"))
        .isEqualTo("No week from 2025-W01 fell short of a policy threshold.");
  }

  @Test
  void formatsNumbersDatesAndVersionsTheSameWayInEveryLocale() {
    // when / then
    assertThat(ReportText.percent(34.66)).isEqualTo("34.7%");
    assertThat(ReportText.percent(null)).isEqualTo("–");
    assertThat(ReportText.decimal(100.0)).isEqualTo("100.0");
    assertThat(ReportText.signedDecimal(75.2)).isEqualTo("+75.2");
    assertThat(ReportText.signedDecimal(-2.0)).isEqualTo("-2.0");
    assertThat(ReportText.count(12480L)).isEqualTo("12,480");
    assertThat(ReportText.longDate(Date.valueOf(LocalDate.of(2025, 12, 31)))).isEqualTo("31 December 2025");
    assertThat(ReportText.shortDate(Date.valueOf(LocalDate.of(2025, 9, 15)))).isEqualTo("15 Sep 2025");
    assertThat(ReportText.timestamp(ZonedDateTime.of(2026, 1, 5, 6, 0, 0, 0, ZoneId.of("Europe/Berlin"))))
        .isEqualTo("5 January 2026, 06:00 (CET)");
    assertThat(ReportText.shortVersion("1a2b3c4d5e6f" + "0".repeat(52))).isEqualTo("1a2b3c4d5e6f");
  }
}
