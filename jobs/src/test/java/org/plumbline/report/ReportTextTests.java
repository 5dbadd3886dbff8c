package org.plumbline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

class ReportTextTests {

  private static final Locale UK = Locale.UK;
  private static final ResourceBundle ENGLISH = ReportSentences.bundle(UK);
  private static final ResourceBundle GERMAN = ReportSentences.bundle(Locale.GERMANY);

  @Test
  void writesTheHeadlineOfABreachedPolicyAsOneSentence() {
    // when
    String headline = ReportText.headline(ENGLISH, UK, "week", "POL-INSP-001",
        "Every critical engine valve is inspected before shipment.", "Inspection coverage of critical parts",
        "Head of Quality", 16, "2025-W31", "2025-W46", "2025-W38", 24.8, 100.0, 0);

    // then
    assertThat(headline).isEqualTo("Policy POL-INSP-001 (Every critical engine valve is inspected before"
        + " shipment) was breached in 16 weeks, 2025-W31 to 2025-W46: measured inspection coverage of"
        + " critical parts fell to 24.8% in 2025-W38 while the department reported 100.0%."
        + " Owner: Head of Quality.");
  }

  @Test
  void writesTheSummaryPagesHeadlineAsOneSentenceWithDepartmentThresholdAndOwner() {
    // when
    String english = ReportText.summaryHeadline(ENGLISH, UK, "week", "Production", "POL-INSP-001",
        "Every critical engine valve is inspected before shipment.", "Inspection coverage of critical parts",
        "Head of Quality", 16, "2025-W31", "2025-W46", "2025-W38", 24.8, 100.0, 100.0, "percent", ">=");
    String german = ReportText.summaryHeadline(GERMAN, Locale.GERMANY, "month", "Lackiererei", "POL-PAINT",
        "", "Lackfehlerquote", "Leitung Lackiererei", 1, "2025-05", "2025-05", "2025-05", 3.606, 3.0, null,
        "percent", "<=");

    // then one sentence each: the policy, the department, the worst figure against the threshold, the owner
    assertThat(english).isEqualTo("Policy POL-INSP-001 (Every critical engine valve is inspected before shipment)"
        + " was breached by Production in 16 weeks, 2025-W31 to 2025-W46: measured inspection coverage of critical"
        + " parts fell to 24.8% in 2025-W38 against a threshold of 100.0%, while the department reported 100.0%;"
        + " owner: Head of Quality.");
    assertThat(german).isEqualTo("Richtlinie POL-PAINT wurde in 1 Monat (2025-05) von Lackiererei verletzt: Der"
        + " Messwert „Lackfehlerquote“ stieg in 2025-05 auf 3,6\u00a0% (Schwelle: 3,0\u00a0%), während die Abteilung"
        + " für diesen Monat keinen Wert meldete; verantwortlich: Leitung Lackiererei.");
    assertThat(List.of(english, german)).allSatisfy(sentence -> assertThat(sentence).endsWith(".").doesNotContain(". "));
  }

  @Test
  void aDepartmentWithoutABreachIsToldSoByName() {
    // when / then
    assertThat(ReportText.noBreach(ENGLISH, UK, "week", "2025-W01", "2025-W52", "Logistics"))
        .isEqualTo("Logistics breached no policy in the weeks 2025-W01 to 2025-W52.");
    assertThat(ReportText.noBreach(GERMAN, Locale.GERMANY, "month", "2025-01", "2025-12", "Logistik"))
        .isEqualTo("Logistik hat in den Monaten 2025-01 bis 2025-12 keine Richtlinie verletzt.");
    // and the company's report, or a warehouse without figures, as before
    assertThat(ReportText.noBreach(ENGLISH, UK, "week", "2025-W01", "2025-W52", null))
        .isEqualTo("No policy was breached in the weeks 2025-W01 to 2025-W52.");
    assertThat(ReportText.noBreach(ENGLISH, UK, "week", null, null, "Logistics"))
        .isEqualTo("No policy was breached: the warehouse holds no weekly figures yet.");
  }

  @Test
  void writesASingleWeekAMissingReportAndDiscrepancies() {
    // when
    String headline = ReportText.headline(ENGLISH, UK, "week", "POL-OEE-002", "OEE stays above 60%", "OEE", "Plant Manager",
        1, "2025-W07", "2025-W07", "2025-W07", 41.25, null, 1);

    // then
    assertThat(headline).isEqualTo("Policy POL-OEE-002 (OEE stays above 60%) was breached in 1 week, 2025-W07:"
        + " measured OEE fell to 41.3% in 2025-W07 while the department reported no figure for that week."
        + " The department's own figure differed from the measurement in 1 week. Owner: Plant Manager.");
  }

  @Test
  void writesTheHeadlineOfACeilingPolicyInItsKpisUnitAsARise() {
    // when a policy keeps scrap cost at or below 500 EUR
    String english = ReportText.headline(ENGLISH, UK, "week", "POL-SCRAP", "Weekly scrap stays at or below 500 EUR",
        "Scrap cost", null, 5, "2020-W47", "2021-W01", "2020-W47", 520.0, 520.0, 0, 0, null, "EUR", "<=");
    String german = ReportText.headline(GERMAN, Locale.GERMANY, "week", "POL-SCRAP", "", "Ausschusskosten", null,
        1, "2020-W47", "2020-W47", "2020-W47", 1520.0, null, 0, 0, null, "EUR", "<=");

    // then the figures carry their unit, and the measurement rose rather than fell
    assertThat(english).isEqualTo("Policy POL-SCRAP (Weekly scrap stays at or below 500 EUR) was breached in"
        + " 5 weeks, 2020-W47 to 2021-W01: measured scrap cost rose to 520 EUR in 2020-W47 while the department"
        + " reported 520 EUR.");
    assertThat(german).startsWith("Richtlinie POL-SCRAP wurde in 1 Woche verletzt (2020-W47): Der Messwert"
        + " \u201eAusschusskosten\u201c stieg in 2020-W47 auf 1.520 EUR,");
  }

  @Test
  void namesATableColumnsUnitAndAMeasure() {
    assertThat(ReportText.withUnit("Measured", "percent")).isEqualTo("Measured\n(%)");
    assertThat(ReportText.withUnit("Measured", "EUR")).isEqualTo("Measured\n(EUR)");
    assertThat(ReportText.withUnit("Measured", "count")).isEqualTo("Measured");
    assertThat(ReportText.withUnit("Measured", "%")).isEqualTo("Measured\n(%)");
    assertThat(ReportText.measureHeading("produced_units")).isEqualTo("Produced\nunits");
    assertThat(ReportText.measureHeading("inspected")).isEqualTo("Inspected");
    assertThat(ReportText.measureHeading(null)).isEmpty();
    // a measure has no configured label: a word without a vowel is an abbreviation, in capitals
    assertThat(ReportText.measureHeading("fp_ok_units")).isEqualTo("FP\nok units");
    assertThat(ReportText.measureHeading("units_in")).isEqualTo("Units\nin");
    assertThat(ReportText.measureHeading("scrap_qty")).isEqualTo("Scrap\nQTY");
  }

  @Test
  void aTriadCellWritesTheWorstKpiInItsUnitAnAmountWithoutDecimalsAndARatioWithOne() {
    assertThat(ReportSentences.triadCell(ENGLISH, UK, "off target", 1L, 2L, "Units produced", 7104.0, 12000.0, "units"))
        .isEqualTo("▲ off target (1/2)\nUnits produced: 7,104 units / 12,000 units");
    assertThat(ReportSentences.triadCell(ENGLISH, UK, "off target", 1L, 3L, "Freight cost", 35400.0, 8000.0, "EUR"))
        .endsWith("Freight cost: 35,400 EUR / 8,000 EUR");
    assertThat(ReportSentences.triadCell(ENGLISH, UK, "off target", 0L, 1L, "Inspection coverage", 62.5, 95.0, "percent"))
        .endsWith("Inspection coverage: 62.5% / 95.0%");
    assertThat(ReportSentences.triadCell(GERMAN, Locale.GERMANY, "off target", 0L, 1L, "Lackfehler", 3.3, 2.0, "%"))
        .endsWith("Lackfehler: 3,3\u00a0% / 2,0\u00a0%");
  }

  @Test
  void aPercentageIsWrittenAsTheLanguageWritesItWhateverTheKpiUnitIsCalled() {
    // German puts a no-break space before the sign (CLDR, and application.yml's "24,8 %"); a unit
    // written "%" in kpis.yml reads as "percent" does
    assertThat(ReportSentences.figure(Locale.GERMANY, 3.6, "percent")).isEqualTo("3,6\u00a0%");
    assertThat(ReportSentences.figure(Locale.GERMANY, 3.6, "%")).isEqualTo("3,6\u00a0%");
    assertThat(ReportSentences.figure(UK, 3.6, "%")).isEqualTo("3.6%");
    assertThat(ReportSentences.evidence(GERMAN, Locale.GERMANY, "evidence.triad_gap",
        "[\"x\", {\"value\": 3.6, \"unit\": \"%\"}, \"y\", \"z\"]")).isEqualTo("x berichtet zu 3,6\u00a0% (y), aber nicht zu z.");
  }

  @Test
  void aFindingWithoutASentenceShowsOnlyTheFiguresItHasInItsUnit() {
    // a discrepancy of an amount: no stray decimal, the unit named, a signed gap
    assertThat(ReportSentences.findingFigures(ENGLISH, UK, "reporting_discrepancy", "Rework cost", "EUR", 3000.0,
        6247.5, 4247.5, -2000.0, "Head of Assembly")).isEqualTo("Rework cost: Target 3,000 EUR · Measured 6,248 EUR"
        + " · Self-reported 4,248 EUR · Gap -2,000 EUR · Owner Head of Assembly");
    // a percentage's gap in points
    assertThat(ReportSentences.findingFigures(ENGLISH, UK, "policy_breach", "First-pass yield", "percent", 97.0,
        96.0, 97.1, -1.0, null)).isEqualTo("First-pass yield: Target 97.0% · Measured 96.0% · Self-reported 97.1%"
        + " · Gap -1.0 points");
    // submissions: how late, or not received; no dashes for figures that do not apply
    assertThat(ReportSentences.findingFigures(ENGLISH, UK, "late_submission", null, null, null, null, null, 3.875,
        "Paint Shop Manager")).isEqualTo("Arrived 3.9 days late · Owner Paint Shop Manager");
    assertThat(ReportSentences.findingFigures(ENGLISH, UK, "missing_submission", null, null, null, null, null, null,
        "Head of Logistics")).isEqualTo("Not received · Owner Head of Logistics");
    assertThat(ReportSentences.findingFigures(GERMAN, Locale.GERMANY, "late_submission", null, null, null, null, null,
        3.875, "Leitung Lackiererei")).isEqualTo("Mit 3,9 Tagen Verspätung eingegangen · Verantwortlich Leitung Lackiererei");
    assertThat(ReportSentences.findingFigures(GERMAN, Locale.GERMANY, "policy_breach", "Erstdurchlaufquote", "percent",
        97.0, 96.0, null, -1.0, null)).isEqualTo("Erstdurchlaufquote: Ziel 97,0\u00a0% · Gemessen 96,0\u00a0% · Lücke -1,0"
        + " Prozentpunkte");
  }

  @Test
  void aKpiMovementWritesItsChangeWithTheFiguresDecimals() {
    assertThat(ReportSentences.kpiMovement(ENGLISH, UK, "Logistics", "Freight cost", 8235.4, 8335.1, 99.7, "EUR"))
        .isEqualTo("Logistics: Freight cost 8,235 EUR → 8,335 EUR (+100).");
    assertThat(ReportSentences.kpiMovement(ENGLISH, UK, "Production", "Inspection coverage", 53.5, 63.4, 9.9, "percent"))
        .isEqualTo("Production: Inspection coverage 53.5% → 63.4% (+9.9).");
    assertThat(ReportSentences.kpiMovement(ENGLISH, UK, "Quality", "Customer complaints", 0.8, 2.35, 1.55, "count"))
        .isEqualTo("Quality: Customer complaints 0.8 → 2.4 (+1.6).");
    // the change between the figures as printed, not as measured (2.36 - 0.84 = 1.52)
    assertThat(ReportSentences.kpiMovement(ENGLISH, UK, "Quality", "Customer complaints", 0.84, 2.36, 1.52, "count"))
        .isEqualTo("Quality: Customer complaints 0.8 → 2.4 (+1.6).");
    // a count a system measures, as the mean of its weekly totals, is a week's
    assertThat(ReportSentences.kpiMovement(ENGLISH, UK, "Quality", "Customer complaints", 1.8, 1.3, -0.5, "count", true))
        .isEqualTo("Quality: Customer complaints 1.8 → 1.3 a week (-0.5).");
    assertThat(ReportSentences.kpiMovement(GERMAN, Locale.GERMANY, "QM", "Reklamationen", 1.8, 1.3, -0.5, "count", true))
        .isEqualTo("QM: Reklamationen 1,8 → 1,3 je Woche (-0,5).");
  }

  @Test
  void aFindingChangeAboutTheDepartmentAsAWholeNamesNoSubject() {
    assertThat(ReportSentences.findingChange(ENGLISH, UK, "new", "triad_gap", "Logistics", null, 1L, 0L, null, null,
        null, "2025-Q1", "2024-Q4")).isEqualTo("Logistics: triad gap — 1 finding in 2025-Q1, none in 2024-Q4.");
    assertThat(ReportSentences.findingChange(ENGLISH, UK, "new", "policy_breach", "Assembly", "POL-FPY-001", 1L, 0L,
        null, null, "percent", "2025-Q1", "2024-Q4")).isEqualTo("Assembly: policy breach POL-FPY-001 — 1 finding in"
        + " 2025-Q1, none in 2024-Q4.");
  }

  @Test
  void aFindingChangeSaysInWhatItsLargestGapIsCounted() {
    // a percentage's gap in points, a late submission's in days, an amount's in its unit
    assertThat(ReportSentences.findingChange(ENGLISH, UK, "worsened", "policy_breach", "Production", "POL-INSP-001",
        9L, 3L, 69.1, 68.1, "percent", "2025-Q4", "2025-Q3"))
        .isEqualTo("Production: policy breach POL-INSP-001 — largest gap 69.1 points in 2025-Q4, 68.1 points in 2025-Q3.");
    assertThat(ReportSentences.findingChange(GERMAN, Locale.GERMANY, "improved", "late_submission", "Produktion",
        "SUB-PROD-KPI", 1L, 1L, 1.5, 3.9, null, "2025-Q4", "2025-Q3"))
        .endsWith("größte Lücke 1,5 Tage in 2025-Q4, 3,9 Tage in 2025-Q3.");
    assertThat(ReportSentences.findingChange(ENGLISH, UK, "worsened", "policy_breach", "Logistics", "POL-FRT-001",
        2L, 1L, 2000.0, 1500.0, "EUR", "2025-Q4", "2025-Q3"))
        .endsWith("largest gap 2,000 EUR in 2025-Q4, 1,500 EUR in 2025-Q3.");
  }

  @Test
  void saysWhenNothingWasBreached() {
    // when / then
    assertThat(ReportText.noBreach(ENGLISH, UK, "week", "2025-W01", "2025-W52"))
        .isEqualTo("No policy was breached in the weeks 2025-W01 to 2025-W52.");
    assertThat(ReportText.noBreach(ENGLISH, UK, "week", null, null))
        .isEqualTo("No policy was breached: the warehouse holds no weekly figures yet.");
    assertThat(ReportText.noBreachedWeeks(ENGLISH, UK, "week", "2025-W01", "2025-W01"))
        .isEqualTo("No week from 2025-W01 fell short of a policy threshold.");
  }

  @Test
  void writesTheHeadlineInGermanWithGermanNumbersAndWords() {
    // when
    String headline = ReportText.headline(GERMAN, Locale.GERMANY, "week", "POL-INSP-001",
        "Jedes kritische Ventil wird vor dem Versand geprüft.", "Prüfabdeckung kritischer Teile",
        "Leitung Qualität", 16, "2025-W31", "2025-W46", "2025-W38", 24.8, 100.0, 2);

    // then
    assertThat(headline).isEqualTo("Richtlinie POL-INSP-001 (Jedes kritische Ventil wird vor dem Versand geprüft)"
        + " wurde in 16 Wochen verletzt (2025-W31 bis 2025-W46): Der Messwert „Prüfabdeckung kritischer Teile“"
        + " fiel in 2025-W38 auf 24,8\u00a0%, während die Abteilung 100,0\u00a0% meldete. Die eigene Meldung der Abteilung"
        + " wich in 2 Wochen von der Messung ab. Verantwortlich: Leitung Qualität.");
    assertThat(ReportText.noBreachedWeeks(GERMAN, Locale.GERMANY, "week", "2025-W01", "2025-W52"))
        .isEqualTo("Keine Woche von 2025-W01 bis 2025-W52 lag unter einer Richtlinienschwelle.");
  }

  @Test
  void atTheMonthGrainTheHeadlineCountsAndNamesMonths() {
    // when
    String headline = ReportText.headline(ENGLISH, UK, "month", "POL-INSP-001", "", "Inspection coverage",
        null, 4, "2025-08", "2025-11", "2025-09", 24.8, null, 2);

    // then
    assertThat(headline).isEqualTo("Policy POL-INSP-001 was breached in 4 months, 2025-08 to 2025-11: measured"
        + " inspection coverage fell to 24.8% in 2025-09 while the department reported no figure for that month."
        + " The department's own figure differed from the measurement in 2 months.");
    assertThat(ReportText.noBreach(ENGLISH, UK, "month", "2025-01", "2025-12"))
        .isEqualTo("No policy was breached in the months 2025-01 to 2025-12.");
    assertThat(ReportText.noBreachedWeeks(ENGLISH, UK, "month", null, null))
        .isEqualTo("There are no monthly figures to compare with the policies yet.");
  }

  @Test
  void atTheFiscalPeriodGrainTheTextsSpeakOfFiscalPeriodsInBothLanguages() {
    // when
    String english = ReportText.headline(ENGLISH, UK, "fiscal_period", "POL-INSP-001", "", "Inspection coverage",
        null, 1, "FY2025-P07", "FY2025-P07", "FY2025-P07", 90.0, 100.0, 0);
    String german = ReportText.headline(GERMAN, Locale.GERMANY, "fiscal_period", "POL-INSP-001", "", "Prüfabdeckung",
        null, 3, "FY2025-P05", "FY2025-P07", "FY2025-P07", 90.0, null, 3);

    // then
    assertThat(english).isEqualTo("Policy POL-INSP-001 was breached in 1 fiscal period, FY2025-P07: measured"
        + " inspection coverage fell to 90.0% in FY2025-P07 while the department reported 100.0%.");
    assertThat(german).isEqualTo("Richtlinie POL-INSP-001 wurde in 3 Fiskalperioden verletzt (FY2025-P05 bis"
        + " FY2025-P07): Der Messwert „Prüfabdeckung“ fiel in FY2025-P07 auf 90,0\u00a0%, während die Abteilung für diese"
        + " Fiskalperiode keinen Wert meldete. Die eigene Meldung der Abteilung wich in 3 Fiskalperioden von der"
        + " Messung ab.");
    assertThat(ReportText.noBreachedWeeks(GERMAN, Locale.GERMANY, "month", "2025-01", "2025-12"))
        .isEqualTo("Kein Monat von 2025-01 bis 2025-12 lag unter einer Richtlinienschwelle.");
  }

  @Test
  void aMissingOrUnknownGrainReadsAsTheWeek() {
    // when / then
    assertThat(ReportText.grainKey("section.breachedWeeks", null)).isEqualTo("section.breachedWeeks.week");
    assertThat(ReportText.grainKey("section.breachedWeeks", "quarter")).isEqualTo("section.breachedWeeks.week");
    assertThat(ReportText.grainKey("section.breachedWeeks", "fiscal_period"))
        .isEqualTo("section.breachedWeeks.fiscal_period");
  }

  @Test
  void everyGrainHasEveryGrainTextInBothLanguages() {
    // given the texts the policy pages choose by grain
    List<String> keys = List.of("section.breachedWeeks", "breachedWeeks.period",
        "breachedWeeks.periodStart", "breachedWeeks.none", "breachedWeeks.noData", "headline.periods",
        "headline.notReported", "headline.none", "headline.noData", "headline.noneInDepartment", "lead.notReported",
        "section.coverage", "coverage.axis", "coverage.note", "coverage.none");

    // then
    for (ResourceBundle words : List.of(ENGLISH, GERMAN)) {
      for (String grain : List.of("week", "month", "fiscal_period")) {
        for (String key : keys) {
          assertThat(words.containsKey(ReportText.grainKey(key, grain))).as(key + "." + grain).isTrue();
        }
      }
    }
  }

  @Test
  void countsPeriodsInGermanInTheCaseTheirSentenceNeeds() {
    // when German gap sentences count the periods they concern (after "in": dative plural)
    String breach = ReportSentences.gap(GERMAN, Locale.GERMANY, "policy_breach", "Produktion", "POL-INSP-001",
        16L, "2025-W31", "2025-W46", 24.8, 100.0, "percent", null);
    String late = ReportSentences.gap(GERMAN, Locale.GERMANY, "late_submission", "Logistik", "SUB-LOG",
        2L, "2025-09", "2025-10", null, null, null, null);

    // then
    assertThat(breach).startsWith("Produktion: Richtlinie POL-INSP-001 verletzt in 16 Zeiträumen (2025-W31 bis 2025-W46)");
    // and a submission is named, with the span of its periods
    assertThat(late).isEqualTo("Logistik: In 2 Zeiträumen kam die Pflichtmeldung SUB-LOG verspätet (2025-09 bis 2025-10).");
  }

  @Test
  void aDiscrepancysGapSaysWhereItDifferedMostWhicheverWayIsBetter() {
    // when a cost that should stay low (lower is better) differed most where it measured 3.6%
    String english = ReportSentences.gap(ENGLISH, UK, "reporting_discrepancy", "Paint shop", "Paint defect rate",
        2L, "2025-05", "2025-08", 3.6, 2.0, "percent", null);

    // then it is not "as low as" 3.6%
    assertThat(english).isEqualTo("Paint shop: the department's own Paint defect rate differed from the measurement in"
        + " 2 periods (2025-05 to 2025-08); where it differed most, the measurement was 3.6% against a target of 2.0%.");
  }

  @Test
  void formatsNumbersAndDatesInTheReportsLanguage() {
    // when / then
    assertThat(ReportSentences.figure(UK, 34.66, "percent")).isEqualTo("34.7%");
    assertThat(ReportSentences.figure(Locale.GERMANY, 34.66, "percent")).isEqualTo("34,7\u00a0%");
    assertThat(ReportSentences.figure(UK, null, "percent")).isEqualTo("–");
    assertThat(ReportText.decimal(UK, 100.0)).isEqualTo("100.0");
    assertThat(ReportText.signedDecimal(UK, 75.2)).isEqualTo("+75.2");
    assertThat(ReportText.signedDecimal(Locale.GERMANY, -2.0)).isEqualTo("-2,0");
    assertThat(ReportText.count(UK, 12480L)).isEqualTo("12,480");
    assertThat(ReportText.count(Locale.GERMANY, 12480L)).isEqualTo("12.480");
    assertThat(ReportText.longDate(ENGLISH, Date.valueOf(LocalDate.of(2025, 12, 31)))).isEqualTo("31 December 2025");
    assertThat(ReportText.longDate(GERMAN, Date.valueOf(LocalDate.of(2025, 12, 31)))).isEqualTo("31. Dezember 2025");
    assertThat(ReportText.shortDate(ENGLISH, Date.valueOf(LocalDate.of(2025, 9, 15)))).isEqualTo("15 Sep 2025");
    assertThat(ReportText.shortDate(GERMAN, Date.valueOf(LocalDate.of(2025, 9, 15)))).isEqualTo("15.09.2025");
    ZonedDateTime at = ZonedDateTime.of(2026, 1, 5, 6, 0, 0, 0, ZoneId.of("Europe/Berlin"));
    assertThat(ReportText.timestamp(ENGLISH, at)).isEqualTo("5 January 2026, 06:00 (CET)");
    assertThat(ReportText.timestamp(GERMAN, at)).isEqualTo("5. Januar 2026, 06:00 Uhr (MEZ)");
    assertThat(ReportText.shortVersion("1a2b3c4d5e6f" + "0".repeat(52))).isEqualTo("1a2b3c4d5e6f");
  }
}
