package org.plumbline.report;

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
    // "2025-W31 to 2025-W46", or the one period alone rather than "FY2025-P07 to FY2025-P07"
    String span = firstPeriod == null || firstPeriod.equals(lastPeriod) ? firstPeriod
        : message(words, locale, "range", firstPeriod, lastPeriod);
    return message(words, locale, key, departmentName == null ? "–" : departmentName, subject, periods,
        firstPeriod, lastPeriod, figure(locale, worstMeasured, unit), figure(locale, target, unit),
        evidence == null ? "" : evidence, span);
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

  /** "24.8%" / "24,8 %"-style percentages, "4,000 EUR", plain numbers otherwise; a dash when absent. */
  public static String figure(Locale locale, Double value, String unit) {
    if (value == null) {
      return "–";
    }
    if ("percent".equals(unit)) {
      return number(locale, value, 1) + "%";
    }
    String number = number(locale, value, Math.abs(value) >= 100 ? 0 : 1);
    return unit == null || unit.isBlank() || "count".equals(unit) ? number : number + " " + unit;
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

  /** The scorecard's cell: "● 2/3 on target" with the KPI furthest off below it. */
  public static String triadCell(ResourceBundle words, Locale locale, String status, Long onTarget, Long kpis,
      String worstKpi, Double worstValue, Double worstTarget) {
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
        // as figure() writes numbers: no decimals from 100 on (7,104 units, not 7,104.0)
        cell.append('\n').append(worstKpi).append(": ").append(figure(locale, worstValue, null))
            .append(" / ").append(figure(locale, worstTarget, null));
      }
    }
    return cell.toString();
  }

  /**
   * One finding subject that changed between the previous reporting period and this one:
   * "Production: policy breach POL-INSP-001 — 9 findings in 2025-Q4, none in 2025-Q3."
   */
  public static String findingChange(ResourceBundle words, Locale locale, String change, String findingType,
      String departmentName, String subject, Long findingCount, Long previousFindingCount, Double largestGap,
      Double previousLargestGap, String periodLabel, String previousLabel) {
    return message(words, locale, "change.finding." + change, departmentName == null ? "–" : departmentName,
        word(words, "type", findingType), subject, message(words, locale, "findingCount", nonNull(findingCount)),
        periodLabel, previousLabel, message(words, locale, "findingCount", nonNull(previousFindingCount)),
        number(locale, largestGap, 1), number(locale, previousLargestGap, 1));
  }

  /** One KPI's movement: "Production: Scrap rate 2.1% → 3.4% (+1.3)." */
  public static String kpiMovement(ResourceBundle words, Locale locale, String departmentName, String kpiName,
      Double previousValue, Double periodValue, Double change, String unit) {
    // the change with the figures' decimals: 8,235 EUR → 8,335 EUR is +100, not +99.7 (figure())
    boolean whole = !"percent".equals(unit) && (Math.abs(change == null ? 0 : change) >= 100
        || Math.abs(previousValue == null ? 0 : previousValue) >= 100
        || Math.abs(periodValue == null ? 0 : periodValue) >= 100);
    String signed = change == null ? "–" : (change >= 0 ? "+" : "") + number(locale, change, whole ? 0 : 1);
    return message(words, locale, "change.kpi", departmentName == null ? "–" : departmentName, kpiName,
        figure(locale, previousValue, unit), figure(locale, periodValue, unit), signed);
  }

  private static long nonNull(Long count) {
    return count == null ? 0 : count;
  }
}
