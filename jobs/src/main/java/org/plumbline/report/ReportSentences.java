package org.plumbline.report;

import java.text.DecimalFormat;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The sentences and numbers of the report in the report's language and number format: the
 * words come from the resource bundle {@code reports/i18n/plumbline_<lang>.properties}, the
 * numbers are formatted for the report's locale. Templates call these from expressions with
 * {@code $P{REPORT_RESOURCE_BUNDLE}} and {@code $P{REPORT_LOCALE}}.
 */
public final class ReportSentences {

  static final String BUNDLE = "reports.i18n.plumbline";

  private ReportSentences() {}

  /** The bundle for a locale; English where a language has no bundle. */
  public static ResourceBundle bundle(Locale locale) {
    return ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
        ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /** A message from the bundle with its arguments formatted in the locale. */
  public static String message(ResourceBundle words, Locale locale, String key, Object... arguments) {
    String pattern;
    try {
      pattern = words.getString(key);
    } catch (MissingResourceException e) {
      return key;
    }
    return new MessageFormat(pattern, locale).format(arguments);
  }

  /**
   * A finding's evidence sentence in the report's language: the message {@code key} of the bundle
   * (fct_finding.evidence_key) filled with its figures and names ({@code argsJson}, a JSON array:
   * fct_finding.evidence_args, see {@link EvidenceArguments}); null for a finding without one.
   */
  public static String evidence(ResourceBundle words, Locale locale, String key, String argsJson) {
    if (key == null) {
      return null;
    }
    Object[] arguments = EvidenceArguments.of(words, locale, argsJson);
    try {
      return message(words, locale, key, arguments);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("The evidence sentence " + key + " cannot be filled with " + argsJson
          + ": " + e.getMessage(), e);
    }
  }

  /**
   * One sentence for one of the worst gaps: the department, what is off, over how many periods,
   * and the worst figure against its target; an insight finding brings its own evidence sentence.
   */
  public static String gap(ResourceBundle words, Locale locale, String findingType, String departmentName,
      String subject, Long findingCount, String firstPeriod, String lastPeriod, Double worstMeasured,
      Double target, String unit, String evidence) {
    String key = "gap." + findingType;
    if (evidence != null || !words.containsKey(key)) {
      key = "gap.other";
    }
    String periods = message(words, locale, "periods", findingCount == null ? 0 : findingCount);
    return message(words, locale, key, departmentName == null ? "–" : departmentName, subject, periods,
        firstPeriod, lastPeriod, figure(locale, worstMeasured, unit), figure(locale, target, unit),
        evidence == null ? "" : evidence, span(words, locale, firstPeriod, lastPeriod));
  }

  /**
   * The sentence for a gap every finding of which the previous nightly run found and this one did
   * not: "Production: policy breach POL-INSP-001 in 7 periods (2019-W42 to 2021-W01) — found by the
   * previous nightly run, not by this one." All that was kept of such findings (finding_history) is
   * what they were and when, not their figures or sentence, so that is what it says. A type whose
   * open sentence counts periods says how many; an insight names its periods alone; a rogue
   * metric, whose period is its name, none.
   */
  public static String resolvedGap(ResourceBundle words, Locale locale, String findingType, String departmentName,
      String subject, Long findingCount, String firstPeriod, String lastPeriod) {
    String span = span(words, locale, firstPeriod, lastPeriod);
    String key = span == null || "rogue_metric".equals(findingType) ? "gap.resolved.unplaced"
        : words.containsKey("gap." + findingType) ? "gap.resolved" : "gap.resolved.once";
    return message(words, locale, key, departmentName == null ? "–" : departmentName,
        typeAndSubject(words, findingType, subject),
        message(words, locale, "periods", findingCount == null ? 0 : findingCount), span);
  }

  /**
   * A resolved finding on the findings pages, where it has no figures and no sentence of its own
   * left: "Inspection coverage: Found by the previous nightly run, not by this one."
   */
  public static String resolvedFinding(ResourceBundle words, String kpiName) {
    return (kpiName == null ? "" : kpiName + ": ") + words.getString("findings.resolved");
  }

  /** "2025-W31 to 2025-W46", or the one period alone rather than "FY2025-P07 to FY2025-P07". */
  private static String span(ResourceBundle words, Locale locale, String firstPeriod, String lastPeriod) {
    return firstPeriod == null || firstPeriod.equals(lastPeriod) ? firstPeriod
        : message(words, locale, "range", firstPeriod, lastPeriod);
  }

  /** "policy breach POL-INSP-001": the type's word and the subject, or the word alone for a department's finding. */
  private static String typeAndSubject(ResourceBundle words, String findingType, String subject) {
    return word(words, "type", findingType) + (subject == null || subject.isBlank() ? "" : " " + subject);
  }

  /**
   * The gap's sentence, followed by how many of its findings were left out because an approved
   * deviation covered them ("Not counted: 3 periods within an approved deviation."), when any were.
   */
  public static String gap(ResourceBundle words, Locale locale, String findingType, String departmentName,
      String subject, Long findingCount, String firstPeriod, String lastPeriod, Double worstMeasured,
      Double target, String unit, String evidence, Long coveredCount) {
    String sentence = gap(words, locale, findingType, departmentName, subject, findingCount, firstPeriod,
        lastPeriod, worstMeasured, target, unit, evidence);
    return coveredCount == null || coveredCount == 0 ? sentence
        : sentence + " " + message(words, locale, "gap.covered", coveredCount);
  }

  /**
   * "24.8%" in English, "24,8 %" in German (the locale's own percent sign and spacing: CLDR puts a
   * no-break space before it in German), "4,000 EUR", plain numbers otherwise; a dash when absent.
   * A KPI unit written "%" is a percentage like "percent".
   */
  public static String figure(Locale locale, Double value, String unit) {
    if (value == null) {
      return "–";
    }
    if (isPercent(unit)) {
      return percent(locale, number(locale, value, 1));
    }
    String number = number(locale, value, Math.abs(value) >= 100 ? 0 : 1);
    return unit == null || unit.isBlank() || "count".equals(unit) ? number : number + " " + unit;
  }

  /** A value rounded as figure() prints it: a percentage and a value under 100 to one decimal, else whole. */
  private static double printed(double value, String unit) {
    int decimals = isPercent(unit) || Math.abs(value) < 100 ? 1 : 0;
    return java.math.BigDecimal.valueOf(value).setScale(decimals, java.math.RoundingMode.HALF_UP).doubleValue();
  }

  /** Whether a KPI's unit (kpis.yml) is a percentage: "percent", or "%" as some write it. */
  public static boolean isPercent(String unit) {
    return "percent".equals(unit) || "%".equals(unit);
  }

  /** A formatted number as a percentage in the locale's way: "3.6%", "3,6 %" (a no-break space). */
  public static String percent(Locale locale, String number) {
    DecimalFormat format = (DecimalFormat) NumberFormat.getPercentInstance(locale);
    return format.getPositivePrefix() + number + format.getPositiveSuffix();
  }

  /** A number with the locale's grouping and decimal separators and a fixed number of decimals. */
  public static String number(Locale locale, Double value, int decimals) {
    if (value == null) {
      return "–";
    }
    NumberFormat format = NumberFormat.getNumberInstance(locale);
    format.setMinimumFractionDigits(decimals);
    format.setMaximumFractionDigits(decimals);
    format.setRoundingMode(java.math.RoundingMode.HALF_UP);
    return format.format(value);
  }

  /** A whole count with the locale's grouping. */
  public static String count(Locale locale, Number value) {
    return value == null ? "–" : NumberFormat.getIntegerInstance(locale).format(value.longValue());
  }

  /** The bundle's word for a status, severity or dimension ("status.new" → "NEW"). */
  public static String word(ResourceBundle words, String prefix, String value) {
    if (value == null) {
      return "–";
    }
    String key = prefix + "." + value;
    return words.containsKey(key) ? words.getString(key) : value;
  }

  /** The scorecard's cell: "● 2/3 on target" with the KPI furthest off below it, in its unit. */
  public static String triadCell(ResourceBundle words, Locale locale, String status, Long onTarget, Long kpis,
      String worstKpi, Double worstValue, Double worstTarget, String worstUnit) {
    String symbol = switch (status == null ? "" : status) {
      case "on target" -> "●";
      case "off target" -> "▲";
      default -> "○";
    };
    String statusKey = switch (status == null ? "" : status) {
      case "on target" -> "status.onTarget";
      case "off target" -> "status.offTarget";
      default -> "status.notReported";
    };
    StringBuilder cell = new StringBuilder(symbol).append(' ').append(words.getString(statusKey));
    if (kpis != null && kpis > 0) {
      cell.append(" (").append(onTarget).append('/').append(kpis).append(')');
      if ("off target".equals(status) && worstKpi != null) {
        // as figure() writes numbers: no decimals from 100 on (7,104 units, not 7,104.0), the unit named
        cell.append('\n').append(worstKpi).append(": ").append(figure(locale, worstValue, worstUnit))
            .append(" / ").append(figure(locale, worstTarget, worstUnit));
      }
    }
    return cell.toString();
  }

  /**
   * One finding subject that changed between the previous reporting period and this one:
   * "Production: policy breach POL-INSP-001 — 9 findings in 2025-Q4, none in 2025-Q3." A finding
   * about the department as a whole (a triad gap) has no subject of its own and names none.
   */
  public static String findingChange(ResourceBundle words, Locale locale, String change, String findingType,
      String departmentName, String subject, Long findingCount, Long previousFindingCount, Double largestGap,
      Double previousLargestGap, String unit, String periodLabel, String previousLabel) {
    return message(words, locale, "change.finding." + change, departmentName == null ? "–" : departmentName,
        typeAndSubject(words, findingType, subject), subject, message(words, locale, "findingCount", nonNull(findingCount)),
        periodLabel, previousLabel, message(words, locale, "findingCount", nonNull(previousFindingCount)),
        gapSize(words, locale, findingType, largestGap, unit), gapSize(words, locale, findingType, previousLargestGap, unit));
  }

  /**
   * How large a gap is, with a minus sign only, in what it counts: a late submission's in days, a
   * percentage's in points, any other in the KPI's unit ("69.1 points", "3.9 days", "2,000 EUR").
   */
  private static String gapSize(ResourceBundle words, Locale locale, String findingType, Double gap, String unit) {
    if (gap == null) {
      return "–";
    }
    if ("late_submission".equals(findingType)) {
      return number(locale, gap, 1) + " " + words.getString("evidence.unit.days");
    }
    return isPercent(unit) ? number(locale, gap, 1) + " " + words.getString("evidence.unit.points")
        : figure(locale, gap, unit);
  }

  /** One KPI's movement: "Production: Scrap rate 2.1% → 3.4% (+1.3)." */
  public static String kpiMovement(ResourceBundle words, Locale locale, String departmentName, String kpiName,
      Double previousValue, Double periodValue, Double change, String unit) {
    return kpiMovement(words, locale, departmentName, kpiName, previousValue, periodValue, change, unit, false);
  }

  /**
   * One KPI's movement, said to be a week's when its figures are per week (a count or an amount:
   * rpt_kpi_movement.is_weekly_total): "Customer complaints 1.8 → 1.3 a week (-0.5)."
   */
  public static String kpiMovement(ResourceBundle words, Locale locale, String departmentName, String kpiName,
      Double previousValue, Double periodValue, Double change, String unit, Boolean weeklyTotal) {
    // the change with the figures' decimals: 8,235 EUR → 8,335 EUR is +100, not +99.7 (figure())
    boolean whole = !isPercent(unit) && (Math.abs(change == null ? 0 : change) >= 100
        || Math.abs(previousValue == null ? 0 : previousValue) >= 100
        || Math.abs(periodValue == null ? 0 : periodValue) >= 100);
    // and between the figures as printed: 0.84 → 2.36 reads "0.8 → 2.4", so +1.6, not +1.5
    Double shown = previousValue == null || periodValue == null ? change
        : printed(periodValue, unit) - printed(previousValue, unit);
    String signed = shown == null ? "–" : (shown >= 0 ? "+" : "") + number(locale, shown, whole ? 0 : 1);
    return message(words, locale, Boolean.TRUE.equals(weeklyTotal) ? "change.kpi.weekly" : "change.kpi",
        departmentName == null ? "–" : departmentName, kpiName,
        figure(locale, previousValue, unit), figure(locale, periodValue, unit), signed);
  }

  /**
   * Whether "what changed" compares KPIs: it compares each KPI's figures for the periods of the
   * common grain the reporting period holds (rpt_kpi_movement), and a week holds no month or
   * fiscal period, so a week's report at those grains compares none.
   */
  public static boolean comparesKpis(String periodKind, String periodGrain) {
    return !("week".equals(periodKind) && ("month".equals(periodGrain) || "fiscal_period".equals(periodGrain)));
  }

  /**
   * The sentence when no finding and no KPI changed: "No finding appeared, cleared or moved and no
   * KPI moved between 2025-W30 and 2025-W31." Where no KPI was compared (a week's report at the
   * month grain) it says so, and why, instead of that none moved.
   */
  public static String nothingChanged(ResourceBundle words, Locale locale, String periodKind, String periodGrain,
      String previousLabel, String periodLabel) {
    return comparesKpis(periodKind, periodGrain)
        ? message(words, locale, "change.none", previousLabel, periodLabel)
        : message(words, locale, "change.none.findings", previousLabel, periodLabel) + " "
            + kpisNotCompared(words, periodGrain);
  }

  /**
   * The line under "what changed" saying what it compares: findings by the period they describe,
   * KPIs by each period's own figure, or why no KPI was compared, unless the sentence saying that
   * nothing changed has just said so ({@code listsChanges} false).
   */
  public static String changeBasis(ResourceBundle words, String periodKind, String periodGrain, boolean listsChanges) {
    String findings = words.getString("change.basis.findings");
    if (comparesKpis(periodKind, periodGrain)) {
      return findings + " " + words.getString("change.basis.kpis");
    }
    return listsChanges ? findings + " " + kpisNotCompared(words, periodGrain) : findings;
  }

  private static String kpisNotCompared(ResourceBundle words, String periodGrain) {
    return words.getString(ReportText.grainKey("change.kpisNotCompared", periodGrain));
  }

  /**
   * A finding's figures where it has no sentence of its own, only those it has: "Inspection
   * coverage: Target 95.0% · Measured 90.0% · Self-reported 100.0% · Gap +10.0 points · Owner Head
   * of Quality"; a late submission says how late ("Arrived 3.9 days late"), a missing one that it
   * was not received. A gap is in the KPI's unit, a percentage's in points.
   */
  public static String findingFigures(ResourceBundle words, Locale locale, String findingType, String kpiName,
      String unit, Double target, Double measured, Double selfReported, Double gap, String ownerTitle) {
    java.util.List<String> parts = new java.util.ArrayList<>();
    if ("missing_submission".equals(findingType)) {
      parts.add(words.getString("findings.notReceived"));
    } else if ("late_submission".equals(findingType)) {
      parts.add(message(words, locale, "findings.arrivedLate", number(locale, gap, 1)));
    } else {
      addFigure(parts, words.getString("col.target"), figure(locale, target, unit), target);
      addFigure(parts, words.getString("col.measured"), figure(locale, measured, unit), measured);
      addFigure(parts, words.getString("col.selfReported"), figure(locale, selfReported, unit), selfReported);
      addFigure(parts, words.getString("col.gap"), gap(words, locale, gap, unit), gap);
    }
    if (ownerTitle != null && !ownerTitle.isBlank()) {
      parts.add(words.getString("col.owner") + " " + ownerTitle);
    }
    return (kpiName == null ? "" : kpiName + ": ") + String.join(" · ", parts);
  }

  /** A difference with its sign, in the KPI's unit; between percentages, in points. */
  private static String gap(ResourceBundle words, Locale locale, Double gap, String unit) {
    return (gap != null && gap > 0 ? "+" : "") + gapSize(words, locale, null, gap, unit);
  }

  private static void addFigure(java.util.List<String> parts, String label, String text, Double value) {
    if (value != null) {
      parts.add(label + " " + text);
    }
  }

  private static long nonNull(Long count) {
    return count == null ? 0 : count;
  }
}
