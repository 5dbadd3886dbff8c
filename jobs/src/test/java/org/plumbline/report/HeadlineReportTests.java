package org.plumbline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plumbline.reconcile.FindingFixture;

/**
 * The headline, read where an executive reads it: one sentence on the summary page naming the
 * worst gap (the first of the worst gaps below it), a department's drill-down counting that
 * department's periods only, and the detailed headlines never parted from their heading. A real
 * reconciliation of one plant-wide MES export measuring first-pass yield for three departments,
 * filled into real PDFs and read back with PDFBox.
 *
 * <pre>
 * first-pass yield   W24   W25   W26   W27    POL-FPY: at least 95%
 * Assembly            90    93    94    97    breached W24-W26 (3 weeks); reports 99 every week
 * Paint shop          97    97    97    94    breached W27 (1 week); reports nothing
 * Logistics           99    99    99    99    never breached
 * the company                                 breached W24-W27 (4 weeks)
 * </pre>
 */
class HeadlineReportTests {

  private static final ZonedDateTime GENERATED_AT =
      ZonedDateTime.of(2025, 7, 8, 6, 0, 0, 0, ZoneId.of("Europe/Berlin"));

  private static final String MODEL = """
      departments:
        - { code: ASM, name: Assembly, aliases: [ASSEMBLY], local_kpi_names: { "FPY %": first_pass_yield } }
        - { code: PNT, name: Paint shop, aliases: [PAINT] }
        - { code: LOG, name: Logistics, aliases: [LOGISTICS] }
      roles:
        - { id: head_of_quality, title: Head of Quality, department: ASM, can_pause_process: true }
      kpis:
        - id: first_pass_yield
          name: First-pass yield
          dimension: quality
          unit: percent
          direction: higher_is_better
          target: 95
          owner_role: head_of_quality
          tolerance: 0.5
          measured_by: { source: mes_orders, numerator: fp_ok_units, denominator: units_in, scale: 100 }
      policies:
        - { id: POL-FPY, version: 1, statement: "STATEMENT", kpi: first_pass_yield, comparator: ">=", threshold: 95,
            owner_role: head_of_quality, severity: high, effective_from: 2025-01-01 }
      sources:
        - id: asm_weekly
          department: ASM
          kind: self_reported
          format: csv
          files: "asm_*.csv"
          csv: { delimiter: ",", decimal: "." }
          period: { column: Week, grain: week }
          metrics: [{ column: FPY % }]
        - id: mes_orders
          system: MES
          department_column: area
          kind: system_of_record
          format: csv
          files: "mes_orders_*.csv"
          csv: { delimiter: ",", decimal: "." }
          period: { column: finished_at, grain: day }
          metrics:
            - { column: units_in, name: units_in }
            - { column: units_fp_ok, name: fp_ok_units }
      calendars:
        - { id: PLANT, timezone: Europe/Berlin, common_grain: week }
      """;

  private static final String STATEMENT = "First-pass yield is at least 95 percent";

  @TempDir
  Path dir;

  @Test
  void theSummaryPageSaysInOneSentenceWhichGapIsWorstAsTheWorstGapsRankIt() throws Exception {
    try (FindingFixture fixture = threeDepartments(STATEMENT)) {
      // given the worst gaps rank Assembly's breaches first (5 points short at worst, the Paint shop 1)
      assertThat(ReportNumbersTests.rows(fixture, "select department_code, subject from rpt_top_gap where gap_rank = 1"))
          .containsExactly(List.of("ASM", "POL-FPY"));

      // when
      Path english = RptFixtures.a4().render(fixture.connection(), dir.resolve("summary.pdf"), GENERATED_AT,
          ReportOptions.of(Locale.UK, "month"));
      Path german = RptFixtures.a4().render(fixture.connection(), dir.resolve("zusammenfassung.pdf"), GENERATED_AT,
          ReportOptions.of(Locale.GERMANY, "month"));

      // then the summary page opens with one sentence on Assembly's breach: policy, department, the
      // worst week's figure against the threshold, what Assembly reported, the owner; then the tiles
      String summary = PdfText.pages(english).get(1);
      String sentence = "Policy POL-FPY (First-pass yield is at least 95 percent) was breached by Assembly in 3 weeks,"
          + " 2025-W24 to 2025-W26: measured first-pass yield fell to 90.0% in 2025-W24 against a threshold of 95.0%,"
          + " while the department reported 99.0%; owner: Head of Quality.";
      assertThat(summary).contains("Executive summary " + sentence + " ");
      assertThat(summary.indexOf(sentence)).isLessThan(summary.indexOf("Policy breaches"));
      assertThat(summary.indexOf(sentence)).isLessThan(summary.indexOf("Assembly: policy POL-FPY breached in 3 periods"));
      assertThat(PdfText.pages(german).get(1)).contains("Zusammenfassung Richtlinie POL-FPY (First-pass yield is at least 95"
          + " percent) wurde in 3 Wochen (2025-W24 bis 2025-W26) von Assembly verletzt: Der Messwert „First-pass"
          + " yield“ fiel in 2025-W24 auf 90,0\u00a0% (Schwelle: 95,0\u00a0%), während die Abteilung 99,0\u00a0% meldete;"
          + " verantwortlich: Head of Quality.");
      // and the title page points to it where it is, the page after
      assertThat(PdfText.pages(english).get(0)).contains("The next page is the summary;");
      assertThat(PdfText.pages(german).get(0)).contains("Die nächste Seite ist die Zusammenfassung;");
      // and the detailed headline counts the company's weeks: Assembly's three and the Paint shop's one
      assertThat(PdfText.of(english)).contains("Policy POL-FPY (First-pass yield is at least 95 percent) was breached"
          + " in 4 weeks, 2025-W24 to 2025-W27: measured first-pass yield fell to 90.0% in 2025-W24");
    }
  }

  @Test
  void aDepartmentsDrillDownHeadlineCountsOnlyItsOwnPeriods() throws Exception {
    try (FindingFixture fixture = threeDepartments(STATEMENT)) {
      // when each department's drill-down is rendered
      Path assembly = RptFixtures.a4().render(fixture.connection(), dir.resolve("asm.pdf"), GENERATED_AT,
          ReportOptions.of(Locale.UK, "month").forDepartment("ASM", "Assembly"));
      Path paint = RptFixtures.a4().render(fixture.connection(), dir.resolve("pnt.pdf"), GENERATED_AT,
          ReportOptions.of(Locale.UK, "month").forDepartment("PNT", "Paint shop"));
      Path logistics = RptFixtures.a4().render(fixture.connection(), dir.resolve("log.pdf"), GENERATED_AT,
          ReportOptions.of(Locale.UK, "month").forDepartment("LOG", "Logistics"));

      // then the Paint shop's headline, on its summary page and in its detail, is its one week
      String policy = "Policy POL-FPY (First-pass yield is at least 95 percent) was breached";
      assertThat(PdfText.pages(paint).get(1)).contains(policy + " by Paint shop in 1 week, 2025-W27: measured first-pass"
          + " yield fell to 94.0% in 2025-W27 against a threshold of 95.0%, while the department reported no figure"
          + " for that week; owner: Head of Quality.");
      assertThat(PdfText.of(paint)).contains(policy + " in 1 week, 2025-W27: measured first-pass yield fell to 94.0%"
          + " in 2025-W27 while the department reported no figure for that week. Owner: Head of Quality.")
          .doesNotContain("4 weeks, 2025-W24 to 2025-W27", "3 weeks, 2025-W24 to 2025-W26", "differed from the measurement");
      // and Assembly's its three, with its own differing reports (all four weeks: 97 measured, 99 reported in W27)
      assertThat(PdfText.pages(assembly).get(1)).contains(policy + " by Assembly in 3 weeks, 2025-W24 to 2025-W26:");
      assertThat(PdfText.of(assembly)).contains(policy + " in 3 weeks, 2025-W24 to 2025-W26: measured first-pass"
          + " yield fell to 90.0% in 2025-W24 while the department reported 99.0%. The department's own figure"
          + " differed from the measurement in 4 weeks.")
          .doesNotContain("4 weeks, 2025-W24 to 2025-W27", "1 week, 2025-W27");
      // and Logistics, which breached nothing, is told so plainly in both places
      assertThat(PdfText.pages(logistics).get(1)).contains("Executive summary Logistics breached no policy in the weeks");
      assertThat(PdfText.of(logistics)).contains("Headline findings by policy Logistics breached no policy in the weeks")
          .doesNotContain(policy);
    }
  }

  @Test
  void theHeadlineHeadingStaysOnThePageOfItsFirstParagraphWhereverThePageBreakFalls() throws Exception {
    try (FindingFixture fixture = threeDepartments(STATEMENT + " in every week, on every line and in every shift,"
        + " before any unit leaves assembly for the paint shop or the customer")) {
      // given one more finding (43 points) at a time in the section before the headline, until the
      // heading has been pushed down its page and over the foot of it onto the next
      int firstPage = -1;
      for (int findings = 0; ; findings++) {
        if (findings > 0) {
          RptFixtures.execute(fixture.connection(), """
              insert into rpt_finding (finding_key, finding_type, section, severity, severity_weight, department_code,
                department_name, period_label, status, display_status, evidence, is_covered_by_deviation)
              values ('triad_gap:F%1$d', 'triad_gap', 'accountability_gap', 'low', 1, 'LOG', 'Logistics', '2025-W27',
                'new', 'new', 'Logistics reports speed but not quality or cost.', false)""".formatted(findings));
        }

        // when
        Path pdf = RptFixtures.a4().render(fixture.connection(), dir.resolve("report-" + findings + ".pdf"),
            GENERATED_AT, ReportOptions.of(Locale.UK, "month"));

        // then the heading and the whole of its first paragraph are on one page, at every step
        List<String> pages = PdfText.pages(pdf);
        int heading = pageWith(pages, "Headline findings by policy");
        assertThat(pages.get(heading)).as("%d findings before it", findings)
            .contains("Headline findings by policy Policy POL-FPY", "Owner: Head of Quality.");
        if (firstPage < 0) {
          firstPage = heading;
        } else if (heading > firstPage) {
          break;
        }
        assertThat(findings).as("findings added without the heading reaching the next page").isLessThan(25);
      }
    }
  }

  /** The three departments' June weeks reconciled as of 8 July 2025, POL-FPY stating {@code statement}. */
  private FindingFixture threeDepartments(String statement) throws Exception {
    FindingFixture fixture = FindingFixture.create(dir.resolve("home"), MODEL.replace("STATEMENT", statement), "");
    List<List<String>> orders = new ArrayList<>();
    String[] days = {"2025-06-10", "2025-06-17", "2025-06-24", "2025-07-01"};
    int[][] firstPass = {{90, 93, 94, 97}, {97, 97, 97, 94}, {99, 99, 99, 99}};
    String[] areas = {"ASSEMBLY", "PAINT", "LOGISTICS"};
    for (int area = 0; area < areas.length; area++) {
      for (int week = 0; week < days.length; week++) {
        orders.add(List.of(days[week] + "T14:00:00+02:00", areas[area], "100", Integer.toString(firstPass[area][week])));
      }
    }
    LocalDateTime received = LocalDateTime.parse("2025-07-02T02:00");
    fixture.deliver("mes_orders", "mes_orders_2025-06.csv", received,
            List.of("finished_at", "area", "units_in", "units_fp_ok"), orders)
        .deliver("asm_weekly", "asm_2025-06.csv", received, List.of("Week", "FPY %"), List.of(
            List.of("2025-06-09", "99"), List.of("2025-06-16", "99"), List.of("2025-06-23", "99"),
            List.of("2025-06-30", "99")))
        .reconcile("2025-07-08");
    return fixture;
  }

  /** The index of the first page after the contents that holds the heading. */
  private static int pageWith(List<String> pages, String heading) {
    for (int page = 3; page < pages.size(); page++) {
      if (pages.get(page).contains(heading)) {
        return page;
      }
    }
    throw new AssertionError(heading + " is on no page after the contents");
  }
}
