package org.plumbline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.plumbline.governance.ControlChart;
import org.plumbline.governance.IncentiveScheme;
import org.plumbline.governance.Kpi;
import org.plumbline.governance.Source.PeriodSpec.Grain;

/**
 * Every message key an SQL model can write into evidence_key, and every word its evidence_args
 * name ({"word": "evidence.rule." || rule_id}), is in both report languages; and the two bundles
 * hold the same keys, so no text of a German report falls back to its key.
 */
class EvidenceKeysTests {

  private static final Path SQL = Path.of("../sql");
  private static final Pattern EVIDENCE_KEY = Pattern.compile("'(evidence\\.[A-Za-z0-9_.]*)'");
  private static final ResourceBundle ENGLISH = ReportSentences.bundle(Locale.UK);
  private static final ResourceBundle GERMAN = ReportSentences.bundle(Locale.GERMANY);

  /** The words a key prefix in the SQL is completed with, from where their values come from. */
  private static final Map<String, List<String>> WORDS = Map.of(
      "evidence.chart.", Arrays.stream(ControlChart.Chart.values()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList(),
      "evidence.rule.", ControlChart.RULES,
      // int_kpi_trend.direction of a significant trend
      "evidence.trend.", List.of("up", "down"),
      "evidence.dimension.", List.of("quality", "cost", "speed"),
      "evidence.pay_period.", IncentiveScheme.PAY_PERIODS,
      // a revision across grains: a source's grain, as one figure or several, its periods, the KPI's aggregation
      "evidence.figures.", lowerCase(Grain.values()).stream().flatMap(g -> Stream.of(g + ".one", g + ".many")).toList(),
      "evidence.periods.", lowerCase(Grain.values()),
      "evidence.aggregation.", lowerCase(Kpi.Aggregation.values()));

  private static List<String> lowerCase(Enum<?>[] values) {
    return Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).toList();
  }

  @Test
  void everyEvidenceKeyAndWordTheSqlModelsWriteIsInBothLanguages() throws IOException {
    // given the evidence keys and key prefixes written in the SQL models
    Set<String> keys = new TreeSet<>();
    Set<String> prefixes = new TreeSet<>();
    try (Stream<Path> files = Files.walk(SQL)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
        Matcher matcher = EVIDENCE_KEY.matcher(Files.readString(file));
        while (matcher.find()) {
          (matcher.group(1).endsWith(".") ? prefixes : keys).add(matcher.group(1));
        }
      }
    }

    // then: the twenty-six sentences and words, each prefix completed with every value it can take, in both bundles
    assertThat(keys).hasSize(26);
    assertThat(prefixes).containsExactlyInAnyOrderElementsOf(WORDS.keySet());
    List<String> needed = Stream.concat(keys.stream(),
        WORDS.entrySet().stream().flatMap(e -> e.getValue().stream().map(word -> e.getKey() + word))).toList();
    assertThat(needed).hasSize(26 + 5 + 12 + 2 + 3 + 4 + 6 + 3 + 2);
    assertThat(needed).allSatisfy(key -> {
      assertThat(ENGLISH.containsKey(key)).as("English has %s", key).isTrue();
      assertThat(GERMAN.containsKey(key)).as("German has %s", key).isTrue();
    });
  }

  @Test
  void bothLanguagesHaveTheSameKeys() {
    assertThat(new TreeSet<>(GERMAN.keySet())).isEqualTo(new TreeSet<>(ENGLISH.keySet()));
  }
}
