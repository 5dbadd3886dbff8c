package org.plumbline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plumbline.reconcile.FindingFixture;

/**
 * The policy pages speak of the periods the company compares by (calendar.yml: common_grain):
 * a real reconciliation at the month or week grain, its rpt_* tables built by the real SQL, and
 * the real templates filled into a PDF whose text is read back.
 */
class ReportGrainTests {

  private static final ZonedDateTime GENERATED_AT =
      ZonedDateTime.of(2025, 8, 5, 6, 0, 0, 0, ZoneId.of("Europe/Berlin"));

  @TempDir
  Path dir;

  @Test
  void atTheMonthGrainThePolicyPagesSpeakOfMonths() throws Exception {
    // given July at 90% inspected (policy v2 demands 95%) while Production's weekly sheet says 100%,
    // judged per month
    Path pdf = dir.resolve("month.pdf");
    try (FindingFixture fixture = july(grain("month"))) {
      // when
      RptFixtures.a4().render(fixture.connection(), pdf, GENERATED_AT);
    }

    // then the month is listed and named as a month, with the department's figure for the month
    String text = PdfText.of(pdf);
    assertThat(text).contains(
        "Months in breach",
        "was breached in 1 month, 2025-07: measured inspection coverage fell to 90.0% in"
            + " 2025-07 while the department reported 100.0%. The department's own figure differed from the"
            + " measurement in 1 month.",
        "Month Month start Measured (%)",
        "2025-07 1 Jul 2025 90.0 100.0 +10.0",
        // the chart draws the month the pages judge, and says so
        "Self-reported vs measured, month by month");
    assertThat(text).doesNotContain("Weeks in breach", "Week start", "in 1 week", "2025-W29 14 Jul 2025",
        "week by week");
  }

  @Test
  void atTheMonthGrainTheGermanPolicyPagesSpeakOfMonths() throws Exception {
    // given the same July, rendered in German
    Path pdf = dir.resolve("monat.pdf");
    try (FindingFixture fixture = july(grain("month"))) {
      // when
      RptFixtures.a4().render(fixture.connection(), pdf, GENERATED_AT,
          ReportOptions.defaults().inLocale(Locale.GERMANY));
    }

    // then
    String text = PdfText.of(pdf);
    assertThat(text).contains("Monate mit Richtlinienverstoß", "wurde in 1 Monat verletzt (2025-07)",
        "Monat Monatsbeginn", "Gemessen und gemeldet: der letzte Monat mit Messwert.",
        "Gemeldet und gemessen, Monat für Monat", "Jeder Punkt ist ein Monat");
    assertThat(text).doesNotContain("Wochen mit Richtlinienverstoß", "Wochenbeginn", "Woche für Woche");
  }

  @Test
  void atTheDefaultWeekGrainThePolicyPagesStillSpeakOfWeeks() throws Exception {
    // given the same July judged per ISO week: the 80% week alone is breached
    Path pdf = dir.resolve("week.pdf");
    try (FindingFixture fixture = july(FindingFixture.GOVERNANCE)) {
      // when
      RptFixtures.a4().render(fixture.connection(), pdf, GENERATED_AT);
    }

    // then
    String text = PdfText.of(pdf);
    assertThat(text).contains(
        "Weeks in breach",
        "was breached in 1 week, 2025-W29: measured inspection coverage fell to 80.0% in"
            + " 2025-W29 while the department reported 100.0%.",
        "Week Week start Measured (%)",
        "2025-W29 14 Jul 2025 80.0 100.0 +20.0");
    assertThat(text).doesNotContain("Months in breach", "Month start", "2025-07 1 Jul 2025");
  }

  @Test
  void atTheMonthGrainPolicyVsExecutionJudgesTheMonthAsTheBreachPagesDo() throws Exception {
    // given July at 90% inspected (policy v2 demands 95%), judged per month: the breach pages say
    // July is breached, while the latest ISO week on its own (2025-W29) measured 80%
    Path pdf = dir.resolve("month-execution.pdf");
    try (FindingFixture fixture = july(grain("month"))) {
      // when
      RptFixtures.a4().render(fixture.connection(), pdf, GENERATED_AT);

      // then the table's row carries July's figures and the run of breaches that started in July
      String text = PdfText.of(pdf);
      assertThat(text).contains("Policy vs execution Policy Owner Target Measured Self- reported Gap Breached since"
          + " POL-INSP-001 · Production At least 95% of critical parts are inspected."
          + " Head of Quality 95.0% 90.0% 100.0% -5.0 2025-07 Measured and self-reported: the latest month with a"
          + " measurement. Breached since: the first month of the unbroken run of breached months that ends in it.");
      assertThat(text).doesNotContain("met (", "-15.0");
      assertThat(policyExecutionRow(fixture)).containsExactly("2025-07", 90.0, 100.0, -5.0, "2025-07", 1L);
    }
  }

  @Test
  void atTheMonthGrainAMetMonthAfterABreachedOneReadsAsMetInThatMonth() throws Exception {
    // given July breached (90%) and August fully inspected, judged per month
    Path pdf = dir.resolve("month-met.pdf");
    try (FindingFixture fixture = FindingFixture.create(dir.resolve("home"), grain("month"), "")) {
      fixture.mesDay("2025-07-08", 100, 100).mesDay("2025-07-15", 100, 80).mesDay("2025-08-05", 100, 100)
          .prodSheet("prod_2025-08.csv", LocalDateTime.parse("2025-08-08T08:00"), List.of(
              List.of("2025-07-07", "100", "100"), List.of("2025-07-14", "100", "100"),
              List.of("2025-08-04", "100", "100")))
          .reconcile("2025-09-01");

      // when
      RptFixtures.a4().render(fixture.connection(), pdf, GENERATED_AT);

      // then August, over, is the latest month, met, and July still counts among the breached months
      assertThat(PdfText.of(pdf)).contains("Head of Quality 95.0% 100.0% 100.0% 5.0 met (2025-08) ");
      assertThat(policyExecutionRow(fixture)).containsExactly("2025-08", 100.0, 100.0, 5.0, "null", 1L);
    }
  }

  @Test
  void atTheWeekGrainPolicyVsExecutionStillShowsTheLatestWeek() throws Exception {
    // given the same July judged per ISO week: 2025-W29 (80%) is the latest week and breached
    Path pdf = dir.resolve("week-execution.pdf");
    try (FindingFixture fixture = july(FindingFixture.GOVERNANCE)) {
      // when
      RptFixtures.a4().render(fixture.connection(), pdf, GENERATED_AT);

      // then
      assertThat(PdfText.of(pdf)).contains("Head of Quality 95.0% 80.0% 100.0% -15.0 2025-W29 Measured and self-reported:"
          + " the latest week with a measurement.");
      assertThat(policyExecutionRow(fixture)).containsExactly("2025-W29", 80.0, 100.0, -15.0, "2025-W29", 1L);
    }
  }

  @Test
  void atTheFiscalPeriodGrainThePolicyPagesSpeakOfFiscalPeriods() throws Exception {
    // given the same July judged per period of a 4-4-5 fiscal year starting in January: period 7 is
    // the four weeks from Monday 30 June 2025, and holds both MES days (180 of 200 inspected)
    Path pdf = dir.resolve("fiscal.pdf");
    try (FindingFixture fixture = july(grain("fiscal_period"))) {
      // when
      RptFixtures.a4().render(fixture.connection(), pdf, GENERATED_AT);

      // then every policy page names the fiscal period, as a fiscal period
      String text = PdfText.of(pdf);
      assertThat(text).contains(
          "was breached in 1 fiscal period, FY2025-", // the line breaks inside the label here
          "measured inspection coverage fell to 90.0% in FY2025-P07 while the department reported 100.0%. The"
              + " department's own figure differed from the measurement in 1 fiscal period.",
          "Fiscal periods in breach POL-INSP-001 · threshold 100.0% · Production Fiscal period Period start"
              + " Measured (%)",
          "FY2025-P07 30 Jun 2025 90.0 100.0 +10.0 200 180",
          // the finding's key whole, on its own line, as plumbline trace takes it
          "Finding key policy_breach:POL-INSP-001/PROD/FY2025-P07",
          // one period is named alone, not as a range from it to itself
          "Production: policy POL-INSP-001 breached in 1 period (FY2025-P07); worst measured 90.0%",
          // P07 starts on 30 June, under version 1 (100%), as the breach page judges it
          "Head of Quality 100.0% 90.0% 100.0% -10.0 FY2025-P07 Measured and self-reported: the latest fiscal period"
              + " with a measurement.");
      assertThat(text).doesNotContain("Weeks in breach", "Months in breach", "2025-W29 14 Jul 2025",
          "FY2025-P07 to FY2025-P07");
      assertThat(policyExecutionRow(fixture)).containsExactly("FY2025-P07", 90.0, 100.0, -10.0, "FY2025-P07", 1L);
      // the report covers the last complete fiscal quarter, which ended on 29 June: the July breach
      // is not in it (the calendar quarter 2025-Q2 would have counted it, from its first day)
      assertThat(text).contains("Reporting period FY2025-Q2 (31 March 2025 to 29 June 2025)",
          "Data covers FY2025-P07", "What changed since FY2025-Q1");
      assertThat(text).doesNotContain("in 2025-Q2", "Since 2025-Q1");
    }
  }

  @Test
  void atTheFiscalPeriodGrainAMonthlyReportCoversTheLastFiscalPeriod() throws Exception {
    // given the same July, as of 5 August 2025 (in FY2025-P08), reported monthly
    Path pdf = dir.resolve("fiscal-month.pdf");
    try (FindingFixture fixture = july(grain("fiscal_period"))) {
      // when
      RptFixtures.a4().render(fixture.connection(), pdf, GENERATED_AT, ReportOptions.of(Locale.UK, "month"));

      // then the period is FY2025-P07, compared with FY2025-P06, and the breach in it is new
      String text = PdfText.of(pdf);
      assertThat(text).contains("Reporting period FY2025-P07 (30 June 2025 to 27 July 2025)",
          "What changed since FY2025-P06",
          "1 finding in FY2025-P07, none in FY2025-P06");
      assertThat(text).doesNotContain("Reporting period 2025-07", "since 2025-06");
    }
  }

  @Test
  void atTheMonthGrainDataFromTheFirstIsoWeekCoversJanuaryAsItsThursdayDoes() throws Exception {
    // given Production's sheet from 2025-W01, which starts on Monday 30 December 2024, to July
    Path pdf = dir.resolve("covers.pdf");
    try (FindingFixture fixture = FindingFixture.create(dir.resolve("home"), grain("month"), "")) {
      fixture.prodSheet("prod_2025.csv", LocalDateTime.parse("2025-08-01T08:00"), List.of(
              List.of("2024-12-30", "100", "100"), List.of("2025-07-14", "100", "100")))
          .reconcile("2025-08-05");

      // when
      RptFixtures.a4().render(fixture.connection(), pdf, GENERATED_AT);
    }

    // then the data covers January to July: a week counts in the month of its Thursday, as everywhere
    assertThat(PdfText.of(pdf)).contains("Data covers 2025-01 to 2025-07").doesNotContain("2024-12");
  }

  @Test
  void atTheMonthGrainTheChartDrawsEachMonthAsThePolicyPagesJudgeIt() throws Exception {
    // given Production's monthly figures, dated the 1st (1 February is in 2025-W05, which starts on
    // 27 January), and the MES's weekly export: January holds 2025-W03 (100 of 100 inspected) and
    // 2025-W05 (240 of 300; its Thursday, 30 January, is in January), February 2025-W06 (100 of
    // 100) and 2025-W09 (90 of 100)
    Path pdf = dir.resolve("month-chart.pdf");
    try (FindingFixture fixture = monthlyFigures(dir.resolve("home"),
        List.of(List.of("2025-01-01", "400", "100"), List.of("2025-02-01", "200", "98")),
        List.of(List.of("2025-01-13", "100", "100"), List.of("2025-01-27", "300", "240"),
            List.of("2025-02-03", "100", "100"), List.of("2025-02-24", "100", "90")), "2025-03-05")) {

      // when
      RptFixtures.a4().render(fixture.connection(), pdf, GENERATED_AT);

      // then the chart has one point per month, at the month: measured as the breach pages judge it
      // (340 of 400 inspected is 85.0%, not the mean of the weeks' 100% and 80%), beside the
      // department's own figure for that month and the threshold in force (version 1's 100%)
      assertThat(ReportNumbersTests.rows(fixture, """
          select period_label, period_start::varchar, measured_coverage, self_reported_coverage, threshold
          from rpt_coverage_by_period where policy_id = 'POL-INSP-001' order by period_start""")).containsExactly(
          List.of("2025-01", "2025-01-01", 85.0, 100.0, 100.0),
          List.of("2025-02", "2025-02-01", 95.0, 98.0, 100.0));
      assertThat(ReportNumbersTests.rows(fixture, """
          select period_label, measured_value, self_reported_value from fct_policy_breach
          where policy_id = 'POL-INSP-001' order by period_start""")).containsExactly(
          List.of("2025-01", 85.0, 100.0), List.of("2025-02", 95.0, 98.0));
    }
    // and the section, the chart's axis and its note name months
    String text = PdfText.of(pdf);
    assertThat(text).contains("Self-reported vs measured, month by month",
        "Each point is a month, as the policy pages judge it.");
    assertThat(text).doesNotContain("week by week", "that week.");
  }

  @Test
  void atTheMonthGrainWhatChangedComparesThePeriodsOwnFigures() throws Exception {
    // given the MES's weekly export, one week a month but two in December: July 100 of 100, August
    // 150 of 300, October 60 of 100, November 300 of 300, December 240 of 300 and 100 of 100; and
    // Production's monthly units (no September): 400, 500, 450, 400 and 300
    Path pdf = dir.resolve("month-change.pdf");
    try (FindingFixture fixture = monthlyFigures(dir.resolve("home"),
        List.of(List.of("2025-07-01", "400", "100"), List.of("2025-08-01", "500", "100"),
            List.of("2025-10-01", "450", "100"), List.of("2025-11-01", "400", "100"), List.of("2025-12-01", "300", "100")),
        List.of(List.of("2025-07-07", "100", "100"), List.of("2025-08-04", "300", "150"),
            List.of("2025-10-06", "100", "60"), List.of("2025-11-03", "300", "300"),
            List.of("2025-12-01", "300", "240"), List.of("2025-12-15", "100", "100")), "2026-01-06")) {

      // when
      RptFixtures.a4().render(fixture.connection(), pdf, GENERATED_AT);

      // then December against November is each month's own figure, the one v_kpi_period, the breach
      // pages and the chart state: 340 of 400 inspected is 85.0%, not the mean of the weeks' 80% and
      // 100%; the units reported for November (dated Saturday 1 November, in 2025-W44 whose Thursday
      // is in October) are November's, per week of the month: 400 / 4 and 300 / 4
      assertThat(ReportNumbersTests.rows(fixture, """
          select m.kpi_id, m.previous_value, m.period_value, m.is_weekly_total,
                 coalesce(previous.measured_value, previous.reported_value / 4),
                 coalesce(current.measured_value, current.reported_value / 4)
          from rpt_kpi_movement as m
          join rpt_report_period as p using (period_kind)
          join v_kpi_period as previous on previous.kpi_id = m.kpi_id and previous.period_start = p.previous_start
          join v_kpi_period as current on current.kpi_id = m.kpi_id and current.period_start = p.period_start
          where m.period_kind = 'month' order by m.kpi_id""")).containsExactly(
          List.of("inspection_coverage", 100.0, 85.0, false, 100.0, 85.0),
          List.of("units_produced", 100.0, 75.0, true, 100.0, 75.0));
      // and the fourth quarter against the third is the ratio over each quarter's units (700 of 800
      // inspected, 250 of 400), not the mean of its months or weeks; the units per week of the months
      // reported: (400 + 500) / 9 weeks and (450 + 400 + 300) / 13
      assertThat(ReportNumbersTests.rows(fixture, """
          select kpi_id, previous_value, period_value from rpt_kpi_movement
          where period_kind = 'quarter' order by kpi_id""")).containsExactly(
          List.of("inspection_coverage", 62.5, 87.5), List.of("units_produced", 100.0, 88.461538));
    }
    // and the summary says what it compares
    assertThat(PdfText.of(pdf)).contains("Production: Inspection coverage 62.5% → 87.5% (+25.0).",
        "KPIs by each period's own figure, as the policy pages state one: a measured rate over the whole period"
            + " (not a mean of its weeks or months); a count or an amount per week.")
        .doesNotContain("mean of their weekly values");
  }

  @Test
  void atTheMonthGrainTheScorecardStatesTheMonthAsThePolicyPagesDo() throws Exception {
    // given January at the month grain: the MES's 2025-W03 (100 of 100 critical parts inspected) and
    // 2025-W05 (240 of 300), and Production's monthly figures (400 units, 100% inspected); a month's report
    Path pdf = dir.resolve("month-scorecard.pdf");
    try (FindingFixture fixture = monthlyFigures(dir.resolve("home"), List.of(List.of("2025-01-01", "400", "100")),
        List.of(List.of("2025-01-13", "100", "100"), List.of("2025-01-27", "300", "240")), "2025-02-05")) {
      // when
      RptFixtures.a4().render(fixture.connection(), pdf, GENERATED_AT, ReportOptions.of(Locale.UK, "month"));

      // then the scorecard's January is v_kpi_period's: 340 of 400 inspected is 85.0%, not the mean of
      // the weeks' 100% and 80%; the units against 5 weeks (January's Thursdays) of 100
      assertThat(ReportNumbersTests.rows(fixture, """
          select s.period_label, s.quality_status, s.quality_worst_kpi, s.quality_worst_value, v.measured_value,
                 s.speed_worst_value, s.speed_worst_target
          from rpt_triad_scorecard as s
          join v_kpi_period as v on v.department_code = s.department_code and v.period_start = s.period_start
                                and v.kpi_id = 'inspection_coverage'""")).containsExactly(
          List.of("2025-01", "off target", "Inspection coverage", 85.0, 85.0, 400.0, 500.0));
    }
    // and the scorecard page says what the breach page says of the same month
    String text = PdfText.of(pdf);
    assertThat(text).contains("Latest month", "Production 2025-01 ▲ off target (0/1) Inspection coverage: 85.0% / 100.0%",
        "2025-01 1 Jan 2025 85.0 100.0 +15.0");
    assertThat(text).doesNotContain("90.0%");
  }

  @Test
  void aWeeksReportAtTheMonthGrainSaysItComparesNoKpi() throws Exception {
    // given July judged per month, reported for the week 2025-W31 (28 July to 3 August)
    Path pdf = dir.resolve("week-at-month.pdf");
    try (FindingFixture fixture = july(grain("month"))) {
      // when
      RptFixtures.a4().render(fixture.connection(), pdf, GENERATED_AT, ReportOptions.of(Locale.UK, "week"));
    }

    // then "what changed" says why it lists no KPI rather than that none moved
    String text = PdfText.of(pdf);
    assertThat(text).contains("Reporting period 2025-W31", "What changed since 2025-W30",
        "No finding appeared, cleared or moved between 2025-W30 and 2025-W31.",
        "KPIs are compared by month, as the policy pages state them, and this report's period is a week,"
            + " so no KPI was compared; the triad scorecard shows each department's latest month.");
    assertThat(text).doesNotContain("no KPI moved", "KPIs by each period's own figure");
  }

  @Test
  void aWeeksReportAtTheFiscalGrainSaysItComparesNoKpiInGerman() throws Exception {
    // given July judged per fiscal period, reported in German for the week 2025-W31
    Path pdf = dir.resolve("woche-fiskal.pdf");
    try (FindingFixture fixture = july(grain("fiscal_period"))) {
      // when
      RptFixtures.a4().render(fixture.connection(), pdf, GENERATED_AT, ReportOptions.of(Locale.GERMANY, "week"));
    }

    // then the findings of FY2025-P07 (30 June to 27 July) are listed as no longer in the week, and the
    // line under them says why no KPI is
    String text = PdfText.of(pdf);
    assertThat(text).contains("BEHOBEN Production: Richtlinienverstoß POL-INSP-001 — keine in 2025-W31, 1 Befund in 2025-W30.",
        "Befunde nach dem Zeitraum, den sie beschreiben. Kennzahlen werden je Fiskalperiode verglichen, wie die"
            + " Richtlinienseiten sie angeben, und der Zeitraum dieses Berichts ist eine Woche; daher wurde keine"
            + " Kennzahl verglichen. Die Triade zeigt die letzte Fiskalperiode jeder Abteilung.");
    assertThat(text).doesNotContain("keine Kennzahl hat sich bewegt", "Kennzahlen mit dem eigenen Wert");
  }

  @Test
  void aWeeksReportAtTheWeekGrainStillComparesKpis() throws Exception {
    // given July judged per ISO week, reported for the week 2025-W31
    Path pdf = dir.resolve("week-at-week.pdf");
    try (FindingFixture fixture = july(FindingFixture.GOVERNANCE)) {
      // when
      RptFixtures.a4().render(fixture.connection(), pdf, GENERATED_AT, ReportOptions.of(Locale.UK, "week"));
    }

    // then the basis of the comparison is the one of every other report
    assertThat(PdfText.of(pdf)).contains("KPIs by each period's own figure, as the policy pages state one")
        .doesNotContain("so no KPI was compared");
  }

  /** The latest period, measured, reported, gap, breached since and breached count of POL-INSP-001 in PROD. */
  private static List<Object> policyExecutionRow(FindingFixture fixture) throws java.sql.SQLException {
    try (var statement = fixture.connection().createStatement();
        var rows = statement.executeQuery("""
            select latest_period, measured_value, reported_value, gap, breached_since, breached_period_count
            from rpt_policy_execution where policy_id = 'POL-INSP-001' and department_code = 'PROD'""")) {
      assertThat(rows.next()).as("a row for POL-INSP-001 in PROD").isTrue();
      List<Object> row = List.of(rows.getString(1), rows.getDouble(2), rows.getDouble(3), rows.getDouble(4),
          String.valueOf(rows.getString(5)), rows.getLong(6));
      assertThat(rows.next()).as("one row only").isFalse();
      return row;
    }
  }

  private FindingFixture july(String governance) throws Exception {
    FindingFixture fixture = FindingFixture.create(dir.resolve("home"), governance, "");
    fixture.mesDay("2025-07-08", 100, 100).mesDay("2025-07-15", 100, 80)
        .prodSheet("prod_2025-07.csv", LocalDateTime.parse("2025-08-01T08:00"), List.of(
            List.of("2025-07-07", "100", "100"), List.of("2025-07-14", "100", "100")))
        .reconcile("2025-08-05");
    return fixture;
  }

  /**
   * The month grain, reconciled as of {@code asOf}: Production's monthly sheet (month, units,
   * inspected %) delivered two days before, the MES's weekly export of critical parts (Monday,
   * produced, inspected) three days before.
   */
  static FindingFixture monthlyFigures(Path home, List<List<String>> sheet, List<List<String>> mes, String asOf)
      throws Exception {
    LocalDateTime received = LocalDate.parse(asOf).atTime(8, 0);
    return FindingFixture.create(home, monthlyDepartment(), "")
        .deliver("prod_sheet", "prod_" + asOf + ".csv", received.minusDays(2), List.of("Month", "Units", "Inspected %"),
            sheet)
        .deliver("mes", "mes_" + asOf + ".csv", received.minusDays(3).withHour(2), FindingFixture.MES_HEADER,
            mes.stream().map(week -> List.of(week.get(0), "CRITICAL", week.get(1), week.get(2))).toList())
        .reconcile(asOf);
  }

  /** The month grain, Production reporting monthly and the MES exporting weekly. */
  static String monthlyDepartment() {
    return grain("month")
        .replace("period: { column: Week, grain: week }", "period: { column: Month, grain: month }")
        .replace("period: { column: day, grain: day }", "period: { column: day, grain: week }");
  }

  static String grain(String grain) {
    return FindingFixture.GOVERNANCE.replace(FindingFixture.CALENDAR,
        "- { id: DE10, timezone: Europe/Berlin, common_grain: " + grain + ", fiscal_pattern: 4-4-5 }");
  }

}
