package org.plumbline.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plumbline.report.ReportRenderer.Paper;
import org.plumbline.report.ReportRenderer.ReportException;

class ReportRendererTests {

  private static final ZonedDateTime GENERATED_AT =
      ZonedDateTime.of(2026, 1, 5, 6, 0, 0, 0, ZoneId.of("Europe/Berlin"));
  /** A table row as PDFBox extracts it: week, then its start date. */
  private static final Pattern TABLE_ROW = Pattern.compile("20\\d\\d-W\\d\\d \\d{1,2} [A-Z][a-z]{2} 20\\d\\d ");

  /** Compiled once for all tests, as in production. */
  private static ReportRenderer renderer;

  @TempDir
  Path dir;

  @BeforeAll
  static void compileTemplates() {
    renderer = RptFixtures.a4();
  }

  @Test
  void rendersTheHeadlineChartAndBreachedWeeksOfAYearWithOneBreach() throws Exception {
    // given
    Path pdf = dir.resolve("outbox/executive-summary.pdf");
    try (Connection duckdb = RptFixtures.open(dir.resolve("warehouse.duckdb"))) {
      RptFixtures.yearWithOneBreach(duckdb);

      // when
      Path written = renderer.render(duckdb, pdf, GENERATED_AT);

      // then
      assertThat(written).isEqualTo(pdf);
    }
    String text = PdfText.of(pdf);
    assertThat(text).contains(
        "Nordwerk Ventiltechnik GmbH",
        "Policy vs execution — executive report",
        "Generated at 5 January 2026, 06:00 (CET)",
        "Configuration version 1a2b3c4d5e6f",
        "Policy POL-INSP-001 (Every critical engine valve is inspected before shipment) was breached in"
            + " 16 weeks, 2025-W31 to 2025-W46: measured inspection coverage of critical parts fell to 24.8%"
            + " in 2025-W38 while the department reported 100.0%.",
        "Owner: Head of Quality.",
        "POL-INSP-001 · threshold 100.0%",
        "Self-reported vs measured, week by week",
        "2025-W31 28 Jul 2025",
        "2025-W38 15 Sep 2025 24.8 100.0 +75.2",
        "2025-W46 10 Nov 2025",
        "Data as of 5 January 2026 · Configuration version 1a2b3c4d5e6f");
    assertThat(TABLE_ROW.matcher(text).results().count()).isEqualTo(16);
    assertThat(text).doesNotContain("2025-W30 21 Jul 2025", "2025-W47 17 Nov 2025");
    try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
      int pages = document.getNumberOfPages();
      assertThat(text).contains("Page 2 of " + pages);
      assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Policy vs execution — executive report");
    }
  }

  @Test
  void aPolicyWhoseThresholdChangedListsEachVersionsBreachesUnderItsOwnThreshold() throws Exception {
    // given the year with one breach, the policy's threshold lowered to 95% from 2025-W40 on
    Path pdf = dir.resolve("outbox/versions.pdf");
    try (Connection duckdb = RptFixtures.open(dir.resolve("warehouse.duckdb"))) {
      RptFixtures.yearWithOneBreach(duckdb);
      try (var statement = duckdb.createStatement()) {
        statement.execute("update rpt_breached_weeks set threshold = 95.0 where period_label >= '2025-W40'");
      }

      // when
      renderer.render(duckdb, pdf, GENERATED_AT);
    }

    // then W31-W39 stand under the first version's threshold and W40-W46 under the second's
    String text = PdfText.of(pdf);
    int first = text.indexOf("POL-INSP-001 · threshold 100.0% · Production");
    int second = text.indexOf("POL-INSP-001 · threshold 95.0% · Production");
    assertThat(first).isPositive();
    assertThat(second).isGreaterThan(text.indexOf("2025-W39 22 Sep 2025", first));
    assertThat(text.indexOf("2025-W40 29 Sep 2025", first)).isGreaterThan(second);
  }

  @Test
  void aDepartmentsDrillDownShowsItsOwnChartsAndBreachTablesOnly() throws Exception {
    // given the year with one breach for Production, and the same figures for Logistics
    Path company = dir.resolve("outbox/company.pdf");
    Path production = dir.resolve("outbox/production.pdf");
    try (Connection duckdb = RptFixtures.open(dir.resolve("warehouse.duckdb"))) {
      RptFixtures.yearWithOneBreach(duckdb);
      try (var statement = duckdb.createStatement()) {
        statement.execute("""
            insert into rpt_breached_weeks select * replace ('LOG' as department_code, 'Logistics' as department_name)
            from rpt_breached_weeks;
            insert into rpt_coverage_by_period select * replace ('LOG' as department_code, 'Logistics' as department_name)
            from rpt_coverage_by_period""");
      }

      // when the company's report and Production's drill-down are rendered
      renderer.render(duckdb, company, GENERATED_AT);
      renderer.render(duckdb, production, GENERATED_AT,
          ReportOptions.defaults().forDepartment("PROD", "Production"));
    }

    // then the company's shows both departments' charts and tables, Production's only its own
    String chart = "POL-INSP-001 · Inspection coverage of critical parts · ";
    String table = "POL-INSP-001 · threshold 100.0% · ";
    assertThat(PdfText.of(company)).contains(chart + "Production", chart + "Logistics", table + "Production",
        table + "Logistics");
    assertThat(PdfText.of(production)).contains(chart + "Production", table + "Production")
        .doesNotContain(chart + "Logistics", table + "Logistics");
  }

  @Test
  void theTitlePageSaysSoWhenTheWarehouseHoldsNoFiguresYet() throws Exception {
    // given a warehouse whose systems have delivered nothing up to the as-of date
    Path pdf = dir.resolve("outbox/empty.pdf");
    try (Connection duckdb = RptFixtures.open(dir.resolve("warehouse.duckdb"))) {
      RptFixtures.yearWithoutBreach(duckdb);
      try (var statement = duckdb.createStatement()) {
        statement.execute("update rpt_context set first_period = null, last_period = null");
      }

      // when
      renderer.render(duckdb, pdf, GENERATED_AT);
    }

    // then the period is still named, with its days, and the data's span is said to be empty
    assertThat(PdfText.of(pdf)).contains("Reporting period 2025-Q4 (1 October 2025 to 31 December 2025)",
        "Data covers no figures yet");
  }

  @Test
  void rendersInGermanWithGermanHeadingsAndDecimalCommasWhenConfiguredSo() throws Exception {
    // given
    Path pdf = dir.resolve("outbox/bericht.pdf");
    ReportOptions german = ReportOptions.of(java.util.Locale.GERMANY, "month");
    try (Connection duckdb = RptFixtures.open(dir.resolve("warehouse.duckdb"))) {
      RptFixtures.yearWithOneBreach(duckdb);

      // when
      renderer.render(duckdb, pdf, GENERATED_AT, german);
    }

    // then
    String text = PdfText.of(pdf);
    assertThat(text).contains(
        "Richtlinie und Umsetzung — Bericht für die Geschäftsleitung",
        "Berichtszeitraum 2025-12 (1. Dezember 2025 bis 31. Dezember 2025)", "Datenbasis 2025-W01 bis 2025-W52",
        // this fixture's findings hold no breach (rpt_finding is empty): the headline says none, as the tile
        "Zusammenfassung In den Wochen 2025-W01 bis 2025-W52 wurde keine Richtlinie verletzt."
            + " 0 Richtlinienverstöße in keiner Richtlinie",
        // no poor-quality cost category configured: said so, not 0,0 EUR
        "nicht eingerichtet Fehlerkosten keine Kostenart in insights.yml",
        "Triade: Qualität, Kosten und Tempo",
        "Anhang: Datenqualität Keine Zeile kam in Quarantäne",
        "Seite 2 von 7");
    assertThat(text).doesNotContain("0.0 EUR", "0,0 EUR", "Executive summary", "Page 2 of");
    try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
      assertThat(document.getDocumentInformation().getTitle())
          .isEqualTo("Richtlinie und Umsetzung — Bericht für die Geschäftsleitung");
    }
  }

  @Test
  void chartsEverySeriesWithASignalAndListsItsSignallingWeeksWithTheirRules() throws Exception {
    // given
    Path pdf = dir.resolve("control-charts.pdf");
    try (Connection duckdb = RptFixtures.open(dir.resolve("warehouse.duckdb"))) {
      RptFixtures.yearWithOneBreach(duckdb);
      RptFixtures.controlChartWithTwoSignals(duckdb);

      // when
      renderer.render(duckdb, pdf, GENERATED_AT);
    }

    // then
    String text = PdfText.of(pdf);
    assertThat(text).contains(
        "Control charts and early warnings Scrap rate · Production",
        "Week Value Run rules that fired 2025-W20 4.10 N1, WE1 2025-W24 3.20 N5, WE2 WE1 one point beyond 3 sigma");
    assertThat(text).doesNotContain("Overall equipment effectiveness", "2025-W23 3.20",
        "No control chart signalled");
  }

  @Test
  void chartsASteadyBaselineThatWasDepartedFromWithoutLimitsAndListsTheSeriesWithoutAChart() throws Exception {
    // given inspection coverage that was 100% in every baseline week and then dropped, and complaints
    // of Logistics with only two baseline points
    Path pdf = dir.resolve("without-limits.pdf");
    try (Connection duckdb = RptFixtures.open(dir.resolve("warehouse.duckdb"))) {
      RptFixtures.yearWithOneBreach(duckdb);
      RptFixtures.controlChartsWithoutLimits(duckdb);

      // when
      renderer.render(duckdb, pdf, GENERATED_AT);
    }

    // then the steady chart is drawn with its sentence in place of a table of run rules
    String text = PdfText.of(pdf);
    assertThat(text).contains(
        "Control charts and early warnings Inspection coverage of critical parts · Production",
        "The baseline 2025-W01 .. 2025-W26 never varied (100.0% in each of its 26 weeks), so the chart has no control"
            + " limits and no run rule applies; the first week to depart from it was 2025-W31, at 33.0%, and 4 weeks"
            + " departed up to 2025-W34.",
        // and the series that is not charted is named with the reason
        "Series without a control chart Customer complaints · Logistics (c chart) The baseline 2025-W01 .. 2025-W26"
            + " holds 2 weekly points; at least 20 are needed for control limits, so the chart is not drawn and no run"
            + " rule applies.");
    assertThat(text).doesNotContain("Run rules that fired", "No control chart signalled");
  }

  @Test
  void namesTheSeriesWithoutAChartEvenWhenNoChartSignalled() throws Exception {
    // given the same series, but with no week on any chart
    Path pdf = dir.resolve("none-drawn.pdf");
    try (Connection duckdb = RptFixtures.open(dir.resolve("warehouse.duckdb"))) {
      RptFixtures.yearWithOneBreach(duckdb);
      RptFixtures.controlChartsWithoutLimits(duckdb);
      try (var statement = duckdb.createStatement()) {
        statement.execute("delete from rpt_control_point");
      }

      // when
      renderer.render(duckdb, pdf, GENERATED_AT);
    }

    // then both series are named, the steady one too, as nothing marks it on a chart
    assertThat(PdfText.of(pdf)).contains("No control chart signalled: no run rule fired on any charted KPI up to the"
        + " as-of date. Series without a control chart Customer complaints · Logistics (c chart) The baseline"
        + " 2025-W01 .. 2025-W26 holds 2 weekly points;",
        "Inspection coverage of critical parts · Production (p chart) The baseline 2025-W01 .. 2025-W26 never varied");
  }

  @Test
  void saysInASentenceThatNoControlChartSignalled() throws Exception {
    // given
    Path pdf = dir.resolve("no-signal.pdf");
    try (Connection duckdb = RptFixtures.open(dir.resolve("warehouse.duckdb"))) {
      RptFixtures.yearWithOneBreach(duckdb);

      // when
      renderer.render(duckdb, pdf, GENERATED_AT);
    }

    // then
    assertThat(PdfText.of(pdf)).contains("Control charts and early warnings No control chart signalled: no run rule"
        + " fired on any charted KPI up to the as-of date.");
  }

  @Test
  void saysThatNothingWasMonitoredWhenNoControlChartIsConfigured() throws Exception {
    // given no KPI on a control chart (insights.yml has no control_charts)
    Path pdf = dir.resolve("no-chart.pdf");
    try (Connection duckdb = RptFixtures.open(dir.resolve("warehouse.duckdb"))) {
      RptFixtures.yearWithOneBreach(duckdb);
      try (var statement = duckdb.createStatement()) {
        statement.execute("update rpt_context set control_chart_count = 0");
      }

      // when
      renderer.render(duckdb, pdf, GENERATED_AT);
    }

    // then the section does not suggest that monitoring ran
    assertThat(PdfText.of(pdf)).contains("Control charts and early warnings No control chart is configured"
        + " (insights.yml: control_charts), so no KPI was monitored for run-rule signals.")
        .doesNotContain("No control chart signalled");
  }

  @Test
  void theAppendixGivesTimesOfReceiptInThePlantsTimeZoneAndNamesIt() throws Exception {
    // given the fixture's files, received at 06:00 UTC: 07:00 in Berlin (rpt_file_delivery.received_at_plant)
    Path pdf = dir.resolve("appendix.pdf");
    try (Connection duckdb = RptFixtures.open(dir.resolve("warehouse.duckdb"))) {
      RptFixtures.oneOfEverySection(duckdb);

      // when
      renderer.render(duckdb, pdf, GENERATED_AT);
    }

    // then
    String text = PdfText.of(pdf);
    assertThat(text).contains("Received (Europe/Berlin)", "mes_inspection_2025-10.csv 2025-11-01 07:00 loaded");
    assertThat(text).doesNotContain("2025-11-01 06:00");
    // and it says first which source's figures come from files read under earlier settings (rpt_stale_reading)
    assertThat(text).contains("Appendix: data quality Files read under earlier settings mes (MES): 3 files of 5 read"
        + " under earlier settings of this source; the figures from them are shown as then read. Files received");
  }

  @Test
  void saysInASentenceThatNoPolicyWasBreached() throws Exception {
    // given
    Path pdf = dir.resolve("no-breach.pdf");
    try (Connection duckdb = RptFixtures.open(dir.resolve("warehouse.duckdb"))) {
      RptFixtures.yearWithoutBreach(duckdb);

      // when
      renderer.render(duckdb, pdf, GENERATED_AT);
    }

    // then
    String text = PdfText.of(pdf);
    assertThat(text).contains(
        "No policy was breached in the weeks 2025-W01 to 2025-W52.",
        "No week from 2025-W01 to 2025-W52 fell short of a policy threshold.",
        "Self-reported vs measured, week by week");
    assertThat(text).doesNotContain("Units inspected", "Owner:");
  }

  @Test
  void embedsEveryFontItUses() throws Exception {
    // given
    Path pdf = dir.resolve("fonts.pdf");
    try (Connection duckdb = RptFixtures.open(dir.resolve("warehouse.duckdb"))) {
      RptFixtures.yearWithOneBreach(duckdb);

      // when
      renderer.render(duckdb, pdf, GENERATED_AT);
    }

    // then
    List<PDFont> fonts = new ArrayList<>();
    try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
      for (PDPage page : document.getPages()) {
        collectFonts(page.getResources(), fonts);
      }
      assertThat(fonts).isNotEmpty();
      assertThat(fonts).allSatisfy(font -> {
        assertThat(font.isEmbedded()).as("%s is embedded", font.getName()).isTrue();
        assertThat(font.getName()).contains("DejaVuSans");
      });
    }
  }

  @Test
  void repeatsTheTableHeadingsOnEveryPageTheTableRunsOnto() throws Exception {
    // given
    Path pdf = dir.resolve("long-table.pdf");
    try (Connection duckdb = RptFixtures.open(dir.resolve("warehouse.duckdb"))) {
      RptFixtures.yearWithTwoPoliciesAlwaysBreached(duckdb);

      // when
      renderer.render(duckdb, pdf, GENERATED_AT);
    }

    // then
    List<String> tablePages = new ArrayList<>();
    long rows = 0;
    for (String text : PdfText.pages(pdf)) {
      long pageRows = TABLE_ROW.matcher(text).results().count();
      rows += pageRows;
      if (pageRows > 0) {
        tablePages.add(text);
      }
    }
    assertThat(rows).isEqualTo(104);
    assertThat(tablePages).hasSizeGreaterThanOrEqualTo(3);
    assertThat(tablePages).allSatisfy(page -> assertThat(page)
        .contains("Week Week start Measured (%) Self-reported (%) Reported − measured Produced units Inspected units")
        .containsPattern("POL-INSP-00[12] · threshold 100.0%"));
  }

  @Test
  void printsAContentsPageAfterTheSummaryWithThePageEachSectionStartsOn() throws Exception {
    // given
    Path pdf = dir.resolve("contents.pdf");
    try (Connection duckdb = RptFixtures.open(dir.resolve("warehouse.duckdb"))) {
      RptFixtures.oneOfEverySection(duckdb);

      // when
      renderer.render(duckdb, pdf, GENERATED_AT);
    }

    // then
    List<String> pages = PdfText.pages(pdf);
    List<String> bookmarks = new ArrayList<>();
    try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
      for (var item : document.getDocumentCatalog().getDocumentOutline().children()) {
        bookmarks.add(item.getTitle());
      }
    }
    String header = "Nordwerk Ventiltechnik GmbH · Policy vs execution — executive report ";
    assertThat(pages.get(1)).startsWith(header + "Executive summary");
    assertThat(pages.get(2)).startsWith(header + "Contents Executive summary 2 Triad scorecard");
    for (String section : List.of("Triad scorecard: quality, cost and speed", "Policy breaches",
        "Control charts and early warnings", "Rogue metrics", "Headline findings by policy", "Weeks in breach",
        "Appendix: data quality")) {
      int listed = pageListedFor(pages.get(2), section);
      assertThat(pages.get(listed - 1)).as("page %d, listed for %s", listed, section).contains(section);
    }
    for (String sectionOnANewPage : List.of("Triad scorecard: quality, cost and speed", "Policy breaches",
        "Appendix: data quality")) {
      assertThat(pages.get(pageListedFor(pages.get(2), sectionOnANewPage) - 1)).startsWith(header + sectionOnANewPage);
    }
    assertThat(bookmarks).containsSubsequence("Executive summary", "Contents", "Triad scorecard: quality, cost and speed",
        "Policy breaches", "Weeks in breach", "Appendix: data quality");
  }

  /** The page number the contents page gives for a section ("Weeks in breach 7"). */
  private static int pageListedFor(String contents, String section) {
    var matcher = Pattern.compile(Pattern.quote(section) + " (\\d+)").matcher(contents);
    assertThat(matcher.find()).as("%s is listed in: %s", section, contents).isTrue();
    return Integer.parseInt(matcher.group(1));
  }

  @Test
  void rendersOnLetterPaperWhenAskedTo() throws Exception {
    // given
    ReportRenderer letter = new ReportRenderer(Paper.LETTER);
    Path pdf = dir.resolve("letter.pdf");
    try (Connection duckdb = RptFixtures.open(dir.resolve("warehouse.duckdb"))) {
      RptFixtures.yearWithOneBreach(duckdb);

      // when
      letter.render(duckdb, pdf, GENERATED_AT);
    }

    // then
    try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
      assertThat(document.getPages()).allSatisfy(page -> {
        assertThat(page.getMediaBox().getWidth()).isEqualTo(612f);
        assertThat(page.getMediaBox().getHeight()).isEqualTo(792f);
      });
    }
    assertThat(PdfText.of(pdf)).contains("Policy POL-INSP-001 (Every critical engine valve");
  }

  @Test
  void namesTheTemplateThatDoesNotCompile() {
    // when / then
    assertThatThrownBy(() -> new ReportRenderer(Paper.A4, "org/plumbline/report/broken"))
        .isInstanceOf(ReportException.class)
        .hasMessageContaining("org/plumbline/report/broken/headline.jrxml does not compile");
  }

  @Test
  void namesTheSectionWhoseTableIsMissing() throws Exception {
    // given
    Path pdf = dir.resolve("missing.pdf");
    try (Connection duckdb = RptFixtures.open(dir.resolve("warehouse.duckdb"))) {
      RptFixtures.yearWithOneBreach(duckdb);
      try (var statement = duckdb.createStatement()) {
        statement.execute("drop table rpt_breached_weeks");
      }

      // when / then
      assertThatThrownBy(() -> renderer.render(duckdb, pdf, GENERATED_AT))
          .isInstanceOf(ReportException.class)
          .hasMessageStartingWith("Could not fill reports/breached-weeks.jrxml (part of reports/executive-summary.jrxml)")
          .hasMessageContaining("Table with name rpt_breached_weeks does not exist");
    }
    assertThat(pdf).doesNotExist();
    assertThat(dir.resolve("missing.pdf.part")).doesNotExist();
  }


  private static void collectFonts(PDResources resources, List<PDFont> fonts) throws IOException {
    if (resources == null) {
      return;
    }
    for (COSName name : resources.getFontNames()) {
      fonts.add(resources.getFont(name));
    }
    for (COSName name : resources.getXObjectNames()) {
      PDXObject object = resources.getXObject(name);
      if (object instanceof PDFormXObject form) {
        collectFonts(form.getResources(), fonts);
      }
    }
  }
}
