package org.plumbline.report;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The figures and names of a finding's evidence sentence, as the SQL models store them
 * ({@code evidence_args}: a JSON array built with DuckDB's json_array), turned into the arguments
 * of the sentence's message in the report's locale. A JSON number stays a number (for the
 * template's number and choice formats, so "1 week" / "2 weeks" is the template's choice), a text
 * stays as written (names from the governance model), and an object is one of:
 * <ul>
 *   <li>{@code {"value": 0.98, "unit": "percent", "decimals": 1}}: a figure with its unit, shown as
 *       the report shows figures ("98.0%" / "98,0 %", "1,235 EUR"); unit {@code proportion} is a
 *       share shown as a percentage, {@code points} percentage points; decimals are optional;</li>
 *   <li>{@code {"date": "2025-11-02"}}: a day in the report's short date format;</li>
 *   <li>{@code {"word": "evidence.rule.WE1"}}: a word of the report's bundle (vocabulary the product
 *       owns: run rules, chart types, triad dimensions);</li>
 *   <li>{@code {"list": [...], "join": "and"}}: its items joined as the language joins a list.</li>
 * </ul>
 */
final class EvidenceArguments {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String ABSENT = "–";

  private EvidenceArguments() {}

  /** The message arguments for {@code argsJson}, in order; none for a null or empty array. */
  static Object[] of(ResourceBundle words, Locale locale, String argsJson) {
    if (argsJson == null || argsJson.isBlank()) {
      return new Object[0];
    }
    JsonNode array;
    try {
      array = JSON.readTree(argsJson);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("The evidence arguments " + argsJson + " are not JSON: "
          + e.getOriginalMessage(), e);
    }
    if (!array.isArray()) {
      throw new IllegalArgumentException("The evidence arguments " + argsJson + " are not a JSON array.");
    }
    List<Object> arguments = new ArrayList<>();
    for (JsonNode node : array.values()) {
      arguments.add(argument(words, locale, node));
    }
    return arguments.toArray();
  }

  private static Object argument(ResourceBundle words, Locale locale, JsonNode node) {
    if (node == null || node.isNull()) {
      return ABSENT;
    }
    if (node.isIntegralNumber()) {
      return node.longValue();
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node.isString()) {
      return node.stringValue();
    }
    if (node.isObject() && node.has("word")) {
      return word(words, node.get("word").asString());
    }
    if (node.isObject() && node.has("date")) {
      return date(words, locale, node.get("date"));
    }
    if (node.isObject() && node.has("list")) {
      return list(words, locale, node.get("list"), node.has("join") ? node.get("join").asString() : null);
    }
    if (node.isObject() && node.has("value")) {
      return figure(words, locale, node);
    }
    throw new IllegalArgumentException("The evidence argument " + node
        + " is neither a number, a text, a figure, a date, a word nor a list.");
  }

  /** The bundle's word, or the key's last part ("WE9") for a word the bundle does not have. */
  private static String word(ResourceBundle words, String key) {
    return words.containsKey(key) ? words.getString(key) : key.substring(key.lastIndexOf('.') + 1);
  }

  private static String date(ResourceBundle words, Locale locale, JsonNode day) {
    if (day.isNull()) {
      return ABSENT;
    }
    return LocalDate.parse(day.asString())
        .format(DateTimeFormatter.ofPattern(words.getString("format.shortDate"), locale));
  }

  /** "a", "a and b", "a, b and c" (the conjunction from the bundle: evidence.list.and, .or). */
  private static String list(ResourceBundle words, Locale locale, JsonNode items, String join) {
    List<String> texts = new ArrayList<>();
    for (JsonNode item : items.values()) {
      texts.add(String.valueOf(argument(words, locale, item)));
    }
    if (texts.size() < 2) {
      return texts.isEmpty() ? ABSENT : texts.get(0);
    }
    String conjunction = join == null ? "," : " " + word(words, "evidence.list." + join);
    return String.join(", ", texts.subList(0, texts.size() - 1)) + conjunction + " " + texts.get(texts.size() - 1);
  }

  /**
   * A figure as {@link ReportSentences#figure} shows it (percentages with one decimal and the locale's "%",
   * other units after the number, counts bare), with as many decimals as a value below 1 needs to
   * show two significant digits (a centre line of 0.33 complaints a week, not 0.3).
   */
  private static String figure(ResourceBundle words, Locale locale, JsonNode figure) {
    JsonNode valueNode = figure.get("value");
    if (valueNode == null || valueNode.isNull()) {
      return ABSENT;
    }
    double value = valueNode.doubleValue();
    String unit = figure.has("unit") && !figure.get("unit").isNull() ? figure.get("unit").asString() : null;
    if ("proportion".equals(unit)) {
      value = value * 100;
      unit = "percent";
    }
    int decimals = figure.has("decimals") ? figure.get("decimals").intValue() : decimals(value, unit);
    String number = ReportSentences.number(locale, value, decimals);
    if (ReportSentences.isPercent(unit)) {
      return ReportSentences.percent(locale, number);
    }
    if ("points".equals(unit)) {
      return number + " " + word(words, "evidence.unit.points");
    }
    return unit == null || unit.isBlank() || "count".equals(unit) ? number : number + " " + unit;
  }

  private static int decimals(double value, String unit) {
    double size = Math.abs(value);
    if (size > 0 && size < 1) {
      return Math.min(4, 1 - (int) Math.floor(Math.log10(size)));
    }
    return size >= 100 && !ReportSentences.isPercent(unit) ? 0 : 1;
  }
}
