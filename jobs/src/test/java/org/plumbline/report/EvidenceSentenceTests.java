package org.plumbline.report;

import static java.util.Locale.UK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/**
 * Each finding's evidence sentence in both report languages, from its message key and its
 * figures as the SQL models store them (evidence_args, a JSON array): numbers, units, dates,
 * plurals and the product's own words in the report's language, names from the governance model
 * as configured.
 */
class EvidenceSentenceTests {

  private static final ResourceBundle ENGLISH = ReportSentences.bundle(UK);
  private static final ResourceBundle GERMAN = ReportSentences.bundle(Locale.GERMANY);

  private static String english(String key, String args) {
    return ReportSentences.evidence(ENGLISH, UK, key, args);
  }

  private static String german(String key, String args) {
    return ReportSentences.evidence(GERMAN, Locale.GERMANY, key, args);
  }

  @Test
  void anEarlyWarningOnAPChartShowsItsProportionsAsPercentages() {
    // given a p chart's first WE2 signal, as fct_early_warning stores it
    String args = """
        ["Inspection coverage", {"word": "evidence.chart.p"}, {"word": "evidence.rule.WE2"}, "WE2", "2025-W32",
         {"value": 0.3334, "unit": "proportion"}, {"value": 0.9991, "unit": "proportion"},
         {"value": 0.98655, "unit": "proportion"}, {"value": 1.0, "unit": "proportion"},
         "2025-W31, 2025-W32", 15, "2025-W46"]""";

    // when / then
    assertThat(english("evidence.early_warning", args)).isEqualTo("Inspection coverage (p chart): two of three points"
        + " beyond 2 sigma (WE2) first in 2025-W32, at 33.3% against a centre line of 99.9% and limits 98.7% to"
        + " 100.0% (points 2025-W31, 2025-W32); it fired in 15 weeks up to 2025-W46.");
    assertThat(german("evidence.early_warning", args)).isEqualTo("Inspection coverage (p-Karte): zwei von drei Punkten"
        + " jenseits von 2 Sigma (WE2), erstmals in 2025-W32 mit 33,3\u00a0% bei einer Mittellinie von 99,9\u00a0% und"
        + " Eingriffsgrenzen von 98,7\u00a0% bis 100,0\u00a0% (Punkte 2025-W31, 2025-W32); die Regel schlug in 15 Wochen an,"
        + " zuletzt in 2025-W46.");
  }

  @Test
  void anEarlyWarningThatFiredInOneWeekSaysWeekInTheSingular() {
    // given a c chart's signal in one week: counts bare, small figures with two significant digits
    String args = """
        ["Kundenreklamationen", {"word": "evidence.chart.c"}, {"word": "evidence.rule.WE1"}, "WE1", "2025-W41",
         {"value": 3.0, "unit": "count"}, {"value": 0.3333, "unit": "count"}, {"value": 0.0, "unit": "count"},
         {"value": 2.0654, "unit": "count"}, "2025-W41", 1, "2025-W41"]""";

    // when / then
    assertThat(english("evidence.early_warning", args)).isEqualTo("Kundenreklamationen (c chart): one point beyond"
        + " 3 sigma (WE1) first in 2025-W41, at 3.0 against a centre line of 0.33 and limits 0.0 to 2.1"
        + " (points 2025-W41); it fired in 1 week up to 2025-W41.");
    assertThat(german("evidence.early_warning", args)).isEqualTo("Kundenreklamationen (c-Karte): ein Punkt jenseits"
        + " von 3 Sigma (WE1), erstmals in 2025-W41 mit 3,0 bei einer Mittellinie von 0,33 und Eingriffsgrenzen"
        + " von 0,0 bis 2,1 (Punkte 2025-W41); die Regel schlug in 1 Woche an, zuletzt in 2025-W41.");
  }

  @Test
  void anEarlyWarningOnAnIndividualsChartShowsTheKpisUnitAndThousands() {
    // given scrap cost in EUR on an individuals chart, N3 (a rule the SQL names by its id)
    String args = """
        ["Scrap cost", {"word": "evidence.chart.individuals"}, {"word": "evidence.rule.N3"}, "N3", "2025-W40",
         {"value": 12345.6, "unit": "EUR"}, {"value": 9876.5, "unit": "EUR"}, {"value": 4321.0, "unit": "EUR"},
         {"value": 15432.1, "unit": "EUR"}, "2025-W35, 2025-W36", 2, "2025-W41"]""";

    // when / then
    assertThat(english("evidence.early_warning", args)).isEqualTo("Scrap cost (individuals chart): six points in a"
        + " row steadily rising or falling (N3) first in 2025-W40, at 12,346 EUR against a centre line of 9,877 EUR"
        + " and limits 4,321 EUR to 15,432 EUR (points 2025-W35, 2025-W36); it fired in 2 weeks up to 2025-W41.");
    assertThat(german("evidence.early_warning", args)).isEqualTo("Scrap cost (Einzelwertkarte): sechs Punkte in Folge"
        + " stetig steigend oder fallend (N3), erstmals in 2025-W40 mit 12.346 EUR bei einer Mittellinie von"
        + " 9.877 EUR und Eingriffsgrenzen von 4.321 EUR bis 15.432 EUR (Punkte 2025-W35, 2025-W36); die Regel"
        + " schlug in 2 Wochen an, zuletzt in 2025-W41.");
  }

  @Test
  void aDepartureFromABaselineThatNeverVariedNamesItsFirstWeekAndNoLimits() {
    // given a p chart whose baseline was 100% in all 26 weeks, as fct_early_warning stores its departure
    String args = """
        ["Inspection coverage", {"word": "evidence.chart.p"}, "2025-W01", "2025-W26",
         {"value": 1.0, "unit": "proportion"}, 26, "2025-W31", {"value": 0.3324, "unit": "proportion"}, 16,
         "2025-W46"]""";

    // when / then
    assertThat(english("evidence.early_warning.departure", args)).isEqualTo("Inspection coverage (p chart): the"
        + " baseline 2025-W01 .. 2025-W26 never varied (100.0% in each of its 26 weeks), so it has no control limits"
        + " and no run rule applies; the first week to depart from it was 2025-W31, at 33.2%, and 16 weeks departed"
        + " up to 2025-W46.");
    assertThat(german("evidence.early_warning.departure", args)).isEqualTo("Inspection coverage (p-Karte): Die"
        + " Basisperiode 2025-W01 .. 2025-W26 schwankte nie (100,0\u00a0% in jeder ihrer 26 Wochen), daher hat sie keine"
        + " Eingriffsgrenzen und keine Regel ist anwendbar; zuerst wich 2025-W31 mit 33,2\u00a0% davon ab, insgesamt"
        + " 16 Wochen bis 2025-W46.");
  }

  @Test
  void aSeriesWithTooFewBaselinePointsSaysHowManyItHasAndNeeds() {
    assertThat(english("evidence.control_chart.too_few_baseline_points",
        "[\"2025-W01\", \"2025-W26\", 2, 20, 0, \"\", 2]"))
        .isEqualTo("The baseline 2025-W01 .. 2025-W26 holds 2 weekly points; at least 20 are needed for control"
            + " limits, so the chart is not drawn and no run rule applies.");
    assertThat(english("evidence.control_chart.too_few_baseline_points",
        "[\"2025-W01\", \"2025-W26\", 1, 20, 0, \"\", 1]"))
        .startsWith("The baseline 2025-W01 .. 2025-W26 holds 1 weekly point;");
    assertThat(german("evidence.control_chart.too_few_baseline_points",
        "[\"2025-W01\", \"2025-W26\", 0, 20, 0, \"\", 0]"))
        .isEqualTo("Die Basisperiode 2025-W01 .. 2025-W26 enthält keinen Wochenwert; für Eingriffsgrenzen sind"
            + " mindestens 20 nötig, daher wird keine Regelkarte gezeichnet und keine Regel angewandt.");
  }

  @Test
  void aSteadyBaselineSaysWhetherAnyWeekDepartedFromIt() {
    String departed = """
        ["2025-W01", "2025-W26", {"value": 0.0, "unit": "count"}, 26, 1, "2025-W29", {"value": 2.0, "unit": "count"},
         "2025-W29", 0, ""]""";
    String never = """
        ["2025-W01", "2025-W26", {"value": 0.0, "unit": "count"}, 26, 0, null, {"value": null, "unit": "count"},
         null, 0, ""]""";

    assertThat(english("evidence.control_chart.steady_baseline", departed)).isEqualTo("The baseline 2025-W01 .."
        + " 2025-W26 never varied (0.0 in each of its 26 weeks), so the chart has no control limits and no run rule"
        + " applies; the first week to depart from it was 2025-W29, at 2.0, and 1 week departed up to 2025-W29.");
    assertThat(english("evidence.control_chart.steady_baseline", never)).endsWith(
        "so the chart has no control limits and no run rule applies; no later week has departed from it.");
    assertThat(german("evidence.control_chart.steady_baseline", never)).isEqualTo("Die Basisperiode 2025-W01 .."
        + " 2025-W26 schwankte nie (0,0 in jeder ihrer 26 Wochen), daher hat die Karte keine Eingriffsgrenzen und"
        + " keine Regel ist anwendbar; keine spätere Woche wich davon ab.");
    assertThat(english("evidence.control_chart.no_baseline_spread", "[\"2025-W01\", \"2025-W26\", 0, \"\"]")).contains(
        "(every week's values are alike, or a week holds a single value)");
  }

  @Test
  void aChartWhoseLimitsLeaveBaselineWeeksOutNamesThem() {
    // given a drawn chart whose limits rest on 12 of 13 baseline weeks, and one whose rest on 24 of 26
    String one = "[\"2025-W01\", \"2025-W13\", 13, 1, \"2025-W07\", 12]";
    String two = "[\"2025-W01\", \"2025-W26\", 26, 2, \"2025-W06, 2025-W20\", 24]";

    // when / then: the same words as fct_spc_chart.note, and the German twin
    assertThat(english("evidence.control_chart.baseline_points_excluded", one)).isEqualTo("The centre line and"
        + " limits rest on 12 of the 13 weekly points of the baseline 2025-W01 .. 2025-W13: 2025-W07 lay beyond the"
        + " limits that all 13 gave and is left out as out of control; it is still plotted and marked.");
    assertThat(english("evidence.control_chart.baseline_points_excluded", two)).isEqualTo("The centre line and"
        + " limits rest on 24 of the 26 weekly points of the baseline 2025-W01 .. 2025-W26: 2 weeks (2025-W06,"
        + " 2025-W20) lay beyond the limits that all 26 gave and are left out as out of control; they are still"
        + " plotted and marked.");
    assertThat(german("evidence.control_chart.baseline_points_excluded", one)).isEqualTo("Mittellinie und"
        + " Eingriffsgrenzen beruhen auf 12 der 13 Wochenwerte der Basisperiode 2025-W01 .. 2025-W13: 2025-W07 lag"
        + " außerhalb der Grenzen, die alle 13 ergaben, und bleibt als außer Kontrolle unberücksichtigt; die Woche"
        + " ist weiter eingezeichnet und markiert.");
    assertThat(german("evidence.control_chart.baseline_points_excluded", two)).contains("2 Wochen (2025-W06,"
        + " 2025-W20) lagen außerhalb der Grenzen, die alle 26 ergaben, und bleiben");
  }

  @Test
  void aBaselineWithoutLimitsSaysWhichWeeksItLeftOut() {
    // given a baseline left with too few points, and one steady but for the week left out
    String tooFew = "[\"2025-W01\", \"2025-W13\", 13, 13, 1, \"2025-W07\", 12]";
    String steady = """
        ["2025-W01", "2025-W13", {"value": 1.0, "unit": "proportion"}, 12, 0, null,
         {"value": null, "unit": "proportion"}, null, 1, "2025-W07"]""";

    assertThat(english("evidence.control_chart.too_few_baseline_points", tooFew)).isEqualTo("The baseline 2025-W01 .."
        + " 2025-W13 holds 13 weekly points, but 2025-W07 lay beyond the limits they gave and is left out as out of"
        + " control, leaving 12; at least 13 are needed for control limits, so the chart is not drawn and no run rule"
        + " applies.");
    assertThat(german("evidence.control_chart.too_few_baseline_points", tooFew)).isEqualTo("Die Basisperiode"
        + " 2025-W01 .. 2025-W13 enthält 13 Wochenwerte, doch 2025-W07 lag außerhalb der Grenzen, die sie ergaben,"
        + " und bleibt als außer Kontrolle unberücksichtigt, sodass 12 bleiben; für Eingriffsgrenzen sind mindestens"
        + " 13 nötig, daher wird keine Regelkarte gezeichnet und keine Regel angewandt.");
    assertThat(english("evidence.control_chart.steady_baseline", steady)).startsWith("The baseline 2025-W01 .."
        + " 2025-W13 never varied (100.0% in each of its 12 weeks, leaving out 2025-W07, which lay beyond the limits"
        + " of the whole baseline and is marked as out of control), so the chart has no control limits");
    assertThat(german("evidence.control_chart.steady_baseline", steady)).startsWith("Die Basisperiode 2025-W01 .."
        + " 2025-W13 schwankte nie (100,0\u00a0% in jeder ihrer 12 Wochen, ohne 2025-W07, die außerhalb der Grenzen"
        + " der ganzen Basisperiode lag und als außer Kontrolle markiert ist), daher");
    assertThat(english("evidence.control_chart.no_baseline_spread", "[\"2025-W01\", \"2025-W26\", 1, \"2025-W07\"]"))
        .contains("or a week holds a single value; 2025-W07, beyond the limits of the whole baseline, is left out as"
            + " out of control), so control limits cannot be set");
  }

  @Test
  void aThresholdProjectionAgainstAPolicyGivesTheSlopeInPointsAndTheDateInTheLocalesFormat() {
    // given a coverage trend falling towards POL-INSP-001's 95%, p below 0.0001
    String args = """
        ["Inspection coverage", {"word": "evidence.trend.down"}, {"value": 0.284524, "unit": "points"},
         "2025-W28", "2025-W39", 0.0000083, 0, "POL-INSP-001", {"value": 95.0, "unit": "percent"},
         {"date": "2025-11-02"}]""";

    // when / then
    assertThat(english("evidence.threshold_projection.policy", args)).isEqualTo("Inspection coverage trends down"
        + " by 0.28 points a week over 2025-W28 .. 2025-W39 (Mann-Kendall p < 0.0001); the Theil-Sen line crosses"
        + " policy POL-INSP-001 (95.0%) on 2 Nov 2025.");
    assertThat(german("evidence.threshold_projection.policy", args)).isEqualTo("Inspection coverage fällt im Zeitraum"
        + " 2025-W28 .. 2025-W39 um 0,28 Prozentpunkte je Woche (Mann-Kendall p < 0,0001); die Theil-Sen-Gerade"
        + " erreicht die Schwelle der Richtlinie POL-INSP-001 (95,0\u00a0%) am 02.11.2025.");
  }

  @Test
  void aThresholdProjectionAlreadyPastTheKpiTargetSaysCrossedWithItsPValue() {
    // given a rising scrap rate whose line crossed the KPI's target in the past, p = 0.0213 (British English
    // abbreviates September as CLDR does: Sept)
    String args = """
        ["Scrap rate", {"word": "evidence.trend.up"}, {"value": 0.15, "unit": "points"}, "2025-W30", "2025-W41",
         0.02134, 1, null, {"value": 2.0, "unit": "percent"}, {"date": "2025-09-29"}]""";

    // when / then
    assertThat(english("evidence.threshold_projection.target", args)).isEqualTo("Scrap rate trends up by 0.15 points"
        + " a week over 2025-W30 .. 2025-W41 (Mann-Kendall p = 0.0213); the Theil-Sen line crossed the KPI target"
        + " (2.0%) on 29 Sept 2025.");
    assertThat(german("evidence.threshold_projection.target", args)).isEqualTo("Scrap rate steigt im Zeitraum"
        + " 2025-W30 .. 2025-W41 um 0,15 Prozentpunkte je Woche (Mann-Kendall p = 0,0213); die Theil-Sen-Gerade"
        + " erreichte den Zielwert der Kennzahl (2,0\u00a0%) am 29.09.2025.");
  }

  @Test
  void aComplianceMirageNamesTheWatchedKpiAsEachLanguageWritesIt() {
    // given the audit score holding 95% while customer complaints rose, in 4 windows
    String args = """
        ["Quality audit score", {"value": 95.0, "unit": "percent"}, {"value": 97.1, "unit": "percent"},
         "2025-W30", "2025-W45", "Customer complaints", "customer complaints", 0.0193,
         {"value": 0.1429, "unit": "count"}, 4, "2025-W48"]""";

    // when / then
    assertThat(english("evidence.compliance_mirage", args)).isEqualTo("Quality audit score stayed at or above 95.0%"
        + " (lowest 97.1%) over 2025-W30 .. 2025-W45 while customer complaints rose significantly (Mann-Kendall"
        + " p = 0.0193, Theil-Sen slope +0.14 a week); the same held for 4 windows up to 2025-W48.");
    assertThat(german("evidence.compliance_mirage", args)).isEqualTo("Quality audit score blieb im Zeitraum"
        + " 2025-W30 .. 2025-W45 bei mindestens 95,0\u00a0% (niedrigster Wert 97,1\u00a0%), während die Kennzahl Customer"
        + " complaints signifikant stieg (Mann-Kendall p = 0,0193, Theil-Sen-Steigung +0,14 je Woche); dasselbe"
        + " galt für 4 Zeitfenster bis 2025-W48.");
  }

  @Test
  void aComplianceMirageInOneWindowSaysWindowInTheSingular() {
    String args = """
        ["Audit", {"value": 95.0, "unit": "percent"}, {"value": 96.0, "unit": "percent"}, "2025-W30", "2025-W45",
         "Scrap cost", "scrap cost", 0.0274, {"value": 61.6048, "unit": "EUR"}, 1, "2025-W45"]""";

    assertThat(english("evidence.compliance_mirage", args)).endsWith("(Mann-Kendall p = 0.0274, Theil-Sen slope"
        + " +61.6 EUR a week); the same held for 1 window up to 2025-W45.");
    assertThat(german("evidence.compliance_mirage", args)).endsWith("(Mann-Kendall p = 0,0274, Theil-Sen-Steigung"
        + " +61,6 EUR je Woche); dasselbe galt für 1 Zeitfenster bis 2025-W45.");
  }

  @Test
  void aTriadGapListsTheDimensionsInTheReportsWords() {
    // given Logistics reporting cost and speed, not quality; Quality reporting quality alone
    String twoOfThree = """
        ["Logistik", {"list": [{"word": "evidence.dimension.cost"}, {"word": "evidence.dimension.speed"}],
         "join": "and"}, "freight_cost, on_time_delivery",
         {"list": [{"word": "evidence.dimension.quality"}], "join": "or"}]""";
    String oneOfThree = """
        ["Quality Management", {"list": [{"word": "evidence.dimension.quality"}], "join": "and"}, "audit_score",
         {"list": [{"word": "evidence.dimension.cost"}, {"word": "evidence.dimension.speed"}], "join": "or"}]""";

    // when / then
    assertThat(english("evidence.triad_gap", twoOfThree))
        .isEqualTo("Logistik reports cost and speed (freight_cost, on_time_delivery) but not quality.");
    assertThat(german("evidence.triad_gap", twoOfThree))
        .isEqualTo("Logistik berichtet zu Kosten und Tempo (freight_cost, on_time_delivery), aber nicht zu Qualität.");
    assertThat(english("evidence.triad_gap", oneOfThree))
        .isEqualTo("Quality Management reports quality (audit_score) but not cost or speed.");
    assertThat(german("evidence.triad_gap", oneOfThree))
        .isEqualTo("Quality Management berichtet zu Qualität (audit_score), aber nicht zu Kosten oder Tempo.");
  }

  @Test
  void anIncentiveConflictShowsWeightsAsWholePercentagesAndTheRatioInTheLocale() {
    // given a role paid 70% on output, 0% on the inspection coverage its policy demands
    String args = """
        ["Head of Production", {"value": 0.7, "unit": "proportion", "decimals": 0}, "units_produced",
         "INC-PROD-2025", "inspection_coverage", "TEN-THROUGHPUT-INSPECTION", "Skipping inspection raises output.",
         "POL-INSP-001", {"value": 0.0, "unit": "proportion", "decimals": 0}, 0.5,
         {"word": "evidence.pay_period.quarter"}]""";

    // when / then
    assertThat(english("evidence.incentive_conflict", args)).isEqualTo("Head of Production is paid 70% on units_produced"
        + " each quarter (INC-PROD-2025), which pulls against inspection_coverage (TEN-THROUGHPUT-INSPECTION: Skipping inspection"
        + " raises output.), the KPI of policy POL-INSP-001; the scheme rewards inspection_coverage with 0%, below"
        + " 0.5 times 70%.");
    assertThat(german("evidence.incentive_conflict", args)).isEqualTo("Head of Production wird je Quartal zu 70\u00a0% nach"
        + " units_produced vergütet (INC-PROD-2025), was gegen inspection_coverage wirkt (TEN-THROUGHPUT-INSPECTION:"
        + " Skipping inspection raises output.), die Kennzahl der Richtlinie POL-INSP-001; das Vergütungsmodell"
        + " gewichtet inspection_coverage nur mit 0\u00a0%, weniger als das 0,5-Fache von 70\u00a0%.");
  }

  @Test
  void anIncentiveConflictWithoutACheckSaysThePolicysKpiIsNotRewardedWithoutARatio() {
    // given no incentive_checks: min_weight_ratio 0, as fct_incentive_conflict stores it
    String args = """
        ["Head of Assembly", {"value": 0.6, "unit": "proportion", "decimals": 0}, "Assembly lead time",
         "INC-ASM-2025", "First-pass yield", "TEN-SPEED-FPY", "Faster orders skip checks.", "POL-FPY-001",
         {"value": 0.0, "unit": "proportion", "decimals": 0}, 0.0, {"word": "evidence.pay_period.quarter"}]""";

    // when / then
    assertThat(english("evidence.incentive_conflict.unrewarded", args)).isEqualTo("Head of Assembly is paid 60% on"
        + " Assembly lead time each quarter (INC-ASM-2025), which pulls against First-pass yield (TEN-SPEED-FPY: Faster"
        + " orders skip checks.), the KPI of policy POL-FPY-001; the scheme does not reward First-pass yield at all.");
    assertThat(german("evidence.incentive_conflict.unrewarded", args)).isEqualTo("Head of Assembly wird je Quartal"
        + " zu 60\u00a0% nach Assembly lead time vergütet (INC-ASM-2025), was gegen First-pass yield wirkt"
        + " (TEN-SPEED-FPY: Faster orders skip checks.), die Kennzahl der Richtlinie POL-FPY-001; das"
        + " Vergütungsmodell berücksichtigt First-pass yield überhaupt nicht.");
  }

  @Test
  void aChangedValueSaysWhatItWasAndBecameInWhichFilesAndWhetherItFlattersTheDepartment() {
    // given March's first-pass yield revised from 95.6% to 96.0% (higher is better: flattering), as fct_finding stores it
    String flattering = """
        ["First-pass yield", {"value": 95.6, "unit": "percent"}, "2025-03", "Montage_2025-03.xlsx",
         {"date": "2025-04-08"}, {"date": "2025-09-09"}, null, null, null, {"value": 96.0, "unit": "percent"},
         "Montage_2025-08.xlsx", {"word": "evidence.revision.rise.flattering"}]""";
    String unflattering = """
        ["Rework cost", {"value": 4247.5, "unit": "EUR"}, "2025-06", "Montage_2025-06.xlsx",
         {"date": "2025-07-04"}, {"date": "2025-08-05"}, null, null, null, {"value": 6247.5, "unit": "EUR"},
         "Montage_2025-07.xlsx", {"word": "evidence.revision.rise.unflattering"}]""";

    // when / then
    assertThat(english("evidence.retroactive_revision.changed", flattering)).isEqualTo("First-pass yield: the 95.6%"
        + " for 2025-03 from Montage_2025-03.xlsx (received 8 Apr 2025) was changed to 96.0% in Montage_2025-08.xlsx"
        + " (received 9 Sept 2025): a rise where higher is better, which flatters the department.");
    assertThat(german("evidence.retroactive_revision.changed", flattering)).isEqualTo("First-pass yield: Der Wert"
        + " 95,6\u00a0% für 2025-03 aus Montage_2025-03.xlsx (eingegangen am 08.04.2025) wurde in Montage_2025-08.xlsx"
        + " (eingegangen am 09.09.2025) auf 96,0\u00a0% geändert: ein Anstieg, wo höher besser ist; die Korrektur schönt"
        + " die Zahlen der Abteilung.");
    assertThat(english("evidence.retroactive_revision.changed", unflattering)).isEqualTo("Rework cost: the 4,248 EUR"
        + " for 2025-06 from Montage_2025-06.xlsx (received 4 Jul 2025) was changed to 6,248 EUR in"
        + " Montage_2025-07.xlsx (received 5 Aug 2025): a rise where lower is better, which does not flatter the"
        + " department.");
  }

  @Test
  void anAccountabilityGapSaysWhoCannotStopTheLineOrThatNobodyOwnsThePolicy() {
    String owned = "[\"POL-INSP-001\", \"Every critical engine valve is inspected.\", \"Leitung Qualität\"]";
    String unowned = "[\"POL-SCRAP-002\", \"Scrap stays below 2%.\", null]";

    // in words for an executive: the setting behind it (roles.yml: can_pause_process) is no part of the sentence
    assertThat(english("evidence.accountability_without_authority.cannotPause", owned)).isEqualTo("Policy POL-INSP-001"
        + " (\"Every critical engine valve is inspected.\") is owned by the Leitung Qualität, who has no authority to"
        + " pause the process it governs.");
    assertThat(german("evidence.accountability_without_authority.cannotPause", owned)).isEqualTo("Richtlinie"
        + " POL-INSP-001 („Every critical engine valve is inspected.“) liegt bei der Rolle Leitung Qualität, die nicht"
        + " befugt ist, den Prozess anzuhalten, den die Richtlinie regelt.");
    assertThat(english("evidence.accountability_without_authority.noOwner", unowned)).isEqualTo("Policy POL-SCRAP-002"
        + " (\"Scrap stays below 2%.\") has no owner, so nobody answers for it and nobody is entitled to stop the"
        + " process when it is broken.");
    assertThat(german("evidence.accountability_without_authority.noOwner", unowned)).isEqualTo("Richtlinie"
        + " POL-SCRAP-002 („Scrap stays below 2%.“) hat keinen Verantwortlichen: Niemand steht für sie ein, und"
        + " niemand ist befugt, den Prozess anzuhalten, wenn sie verletzt wird.");
  }

  @Test
  void aWithdrawnValueShowsItsFigureWithUnitAndTheDaysInTheLocalesFormat() {
    // given 1,234 units and 98.5% withdrawn by a newer version of the file
    String units = """
        ["Units produced", {"value": 1234.0, "unit": "units"}, "2025-W25", "prod_2025.csv",
         {"date": "2025-07-03"}, {"date": "2025-07-06"}]""";
    String percent = """
        ["Prüfabdeckung", {"value": 98.5, "unit": "percent"}, "2025-W25", "prod_2025.csv",
         {"date": "2025-07-03"}, {"date": "2025-07-06"}]""";

    // when / then
    assertThat(english("evidence.retroactive_revision.withdrawn", units)).isEqualTo("Units produced: the 1,234 units"
        + " for 2025-W25 from prod_2025.csv (received 3 Jul 2025) was withdrawn: the newer version received"
        + " 6 Jul 2025 no longer holds that period.");
    assertThat(german("evidence.retroactive_revision.withdrawn", percent)).isEqualTo("Prüfabdeckung: Der Wert 98,5\u00a0%"
        + " für 2025-W25 aus prod_2025.csv (eingegangen am 03.07.2025) wurde zurückgezogen: Die neuere Fassung,"
        + " eingegangen am 06.07.2025, enthält diesen Zeitraum nicht mehr.");
    assertThat(german("evidence.retroactive_revision.withdrawn", units)).contains("Der Wert 1.234 units für");
  }

  @Test
  void aPeriodTheNewerVersionHoldsInAQuarantinedRowNamesTheRowAndWhy() {
    // given the period held in line 1234 of a CSV file, and in row 7 of a workbook's sheet
    String line = "[\"Units produced\", {\"value\": 999.0, \"unit\": \"units\"}, \"2025-W25\", \"prod_2025.csv\","
        + " {\"date\": \"2025-07-03\"}, {\"date\": \"2025-07-06\"}, 1234, null, \"The value n/a is not a number.\"]";
    String row = "[\"Prüfabdeckung\", {\"value\": 98.5, \"unit\": \"percent\"}, \"2025-W25\", \"Prod.xlsx\","
        + " {\"date\": \"2025-07-03\"}, {\"date\": \"2025-07-06\"}, 7, \"KW\", \"The value n/a is not a number.\"]";

    // when / then
    assertThat(english("evidence.retroactive_revision.unreadable", line)).isEqualTo("Units produced: the 999 units"
        + " for 2025-W25 from prod_2025.csv (received 3 Jul 2025) is no longer in force: the newer version received"
        + " 6 Jul 2025 holds that period in line 1234, which could not be read: The value n/a is not a number.");
    assertThat(german("evidence.retroactive_revision.unreadable_sheet", row)).isEqualTo("Prüfabdeckung: Der Wert"
        + " 98,5\u00a0% für 2025-W25 aus Prod.xlsx (eingegangen am 03.07.2025) gilt nicht mehr: Die neuere Fassung,"
        + " eingegangen am 06.07.2025, enthält diesen Zeitraum in Zeile 7 des Blatts KW, die nicht gelesen werden"
        + " konnte: The value n/a is not a number.");
  }

  @Test
  void aMissingExchangeRateCountsItsValuesAndShowsTheAmountWithTwoDecimals() {
    String one = "[\"erp_costs\", 1, {\"value\": 4000.0, \"unit\": \"USD\", \"decimals\": 2}, \"2025-09\", \"USD\","
        + " \"EUR\"]";
    String three = "[\"erp_costs\", 3, {\"value\": 12345.678, \"unit\": \"CHF\", \"decimals\": 2}, \"2025-10\","
        + " \"CHF\", \"EUR\"]";

    assertThat(english("evidence.missing_exchange_rate", one)).isEqualTo("Source erp_costs delivered 1 value"
        + " (4,000.00 USD) for 2025-09, but exchange_rates has no USD rate into EUR for that month; those periods"
        + " have no value until it is added.");
    assertThat(english("evidence.missing_exchange_rate", three)).startsWith("Source erp_costs delivered 3 values"
        + " (12,345.68 CHF) for 2025-10");
    assertThat(german("evidence.missing_exchange_rate", one)).isEqualTo("Die Quelle erp_costs lieferte 1 Wert"
        + " (4.000,00 USD) für 2025-09, aber exchange_rates enthält für diesen Monat keinen Kurs von USD in EUR;"
        + " diese Zeiträume bleiben ohne Wert, bis er ergänzt ist.");
    assertThat(german("evidence.missing_exchange_rate", three)).startsWith("Die Quelle erp_costs lieferte 3 Werte"
        + " (12.345,68 CHF) für 2025-10");
  }

  @Test
  void aFindingWithoutEvidenceHasNoSentenceAndBadArgumentsSayWhatIsWrong() {
    assertThat(english(null, null)).isNull();
    assertThatThrownBy(() -> english("evidence.triad_gap", "{\"not\": \"an array\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The evidence arguments {\"not\": \"an array\"} are not a JSON array.");
    assertThatThrownBy(() -> english("evidence.early_warning", "[\"x\", \"y\", \"z\", \"WE1\", \"2025-W01\","
        + " 1, 1, 1, 1, \"2025-W01\", \"many\", \"2025-W01\"]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("The evidence sentence evidence.early_warning cannot be filled with [");
  }
}
