package org.plumbline.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The generated files satisfy config/governance/sources.yml exactly as the loader will read
 * them: file patterns, header names byte for byte, and values readable in the declared dialect.
 */
class DemoInboxContractTests {

  @TempDir
  static Path inbox;

  static GeneratedInbox generated;

  @BeforeAll
  static void generate() {
    generated = new DemoInboxGenerator(DemoStory.load()).generate(inbox);
  }

  static Stream<Named<Map<String, Object>>> sources() throws IOException {
    return named(sourcesYml());
  }

  static Stream<Named<Map<String, Object>>> csvSources() throws IOException {
    return named(sourcesYml().filter(s -> "csv".equals(s.get("format"))));
  }

  static Stream<Named<Map<String, Object>>> sourcesWithSkipRules() throws IOException {
    return named(sourcesYml().filter(s -> s.get("skip_rows") != null));
  }

  @SuppressWarnings("unchecked")
  private static Stream<Map<String, Object>> sourcesYml() throws IOException {
    try (InputStream in = DemoInboxContractTests.class.getClassLoader()
        .getResourceAsStream("config-example/governance/sources.yml")) {
      return ((List<Map<String, Object>>) new Yaml().<Map<String, Object>>load(in).get("sources")).stream();
    }
  }

  private static Stream<Named<Map<String, Object>>> named(Stream<Map<String, Object>> sources) {
    return sources.map(s -> Named.of((String) s.get("id"), s));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sources")
  void eachSourcesPatternMatchesExactlyItsFiles(Map<String, Object> source) throws IOException {
    // when
    List<Path> matching = GeneratedFiles.files(inbox, (String) source.get("files"));

    // then
    assertThat(matching).isNotEmpty()
        .containsExactlyInAnyOrderElementsOf(generated.files((String) source.get("id")).stream()
            .map(GeneratedInbox.GeneratedFile::path).toList());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sources")
  @SuppressWarnings("unchecked")
  void everyFileHasTheColumnsItsSourceNames(Map<String, Object> source) throws IOException, SQLException {
    // given: the period column, the metric columns and the attribute columns
    List<String> named = new ArrayList<>();
    named.add((String) ((Map<String, Object>) source.get("period")).get("column"));
    for (Map<String, Object> metric : (List<Map<String, Object>>) source.get("metrics")) {
      if (metric.get("column") != null) {
        named.add((String) metric.get("column"));
      }
    }
    named.addAll(((Map<String, String>) source.getOrDefault("attributes", Map.of())).values());

    for (Path file : GeneratedFiles.files(inbox, (String) source.get("files"))) {
      // when
      List<String> header = header(source, file);

      // then
      assertThat(header).as(file.getFileName().toString()).containsAll(named);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("csvSources")
  @SuppressWarnings("unchecked")
  void csvValuesReadInTheDeclaredDialect(Map<String, Object> source) throws IOException {
    // given
    Map<String, String> csv = (Map<String, String>) source.get("csv");
    DateTimeFormatter dates = DateTimeFormatter.ofPattern(csv.get("date_format")
        .replace("%d", "dd").replace("%m", "MM").replace("%Y", "yyyy"));
    String periodColumn = (String) ((Map<String, Object>) source.get("period")).get("column");
    List<String> metrics = ((List<Map<String, Object>>) source.get("metrics")).stream()
        .map(m -> (String) m.get("column")).toList();

    for (Path file : GeneratedFiles.files(inbox, (String) source.get("files"))) {
      List<String> lines = GeneratedFiles.lines(file);
      List<String> header = split(lines.get(0).replace("\uFEFF", ""), csv.get("delimiter"));
      for (String line : lines.subList(1, lines.size())) {
        // when
        List<String> fields = split(line, csv.get("delimiter"));

        // then
        assertThat(fields).as(line).hasSameSizeAs(header);
        assertThat(LocalDate.parse(fields.get(header.indexOf(periodColumn)), dates)).isNotNull();
        for (String metric : metrics) {
          String text = fields.get(header.indexOf(metric));
          String plain = ",".equals(csv.get("decimal")) ? text.replace(".", "").replace(',', '.') : text;
          assertThat(new BigDecimal(plain)).as("%s in %s", metric, line).isNotNull();
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sourcesWithSkipRules")
  @SuppressWarnings("unchecked")
  void onlyTheTotalsRowMatchesTheSkipRule(Map<String, Object> source) throws IOException {
    // given
    Map<String, String> skip = (Map<String, String>) source.get("skip_rows");
    Pattern layout = Pattern.compile(skip.get("matches"));
    for (Path file : GeneratedFiles.files(inbox, (String) source.get("files"))) {
      // when
      List<String> skipped = GeneratedFiles.sheet(file, (String) source.get("sheet")).stream()
          .filter(r -> r.getRowNum() > (int) source.get("header_row"))
          .map(r -> r.getCellText(0))
          .filter(text -> layout.matcher(text).find())
          .toList();

      // then
      assertThat(skipped).as(file.getFileName().toString()).containsExactly("Total");
    }
  }

  @SuppressWarnings("unchecked")
  private static List<String> header(Map<String, Object> source, Path file) throws IOException, SQLException {
    switch ((String) source.get("format")) {
      case "xlsx" -> {
        int headerRow = (int) source.get("header_row");
        Row row = GeneratedFiles.sheet(file, (String) source.get("sheet")).stream()
            .filter(r -> r.getRowNum() == headerRow).findFirst().orElseThrow();
        return row.stream().map(c -> c.getText()).toList();
      }
      case "csv" -> {
        String delimiter = ((Map<String, String>) source.get("csv")).get("delimiter");
        return split(GeneratedFiles.lines(file).get(0).replace("\uFEFF", ""), delimiter);
      }
      case "parquet" -> {
        return columns("describe select * from read_parquet(?)", file);
      }
      default -> {
        return columns("describe select * from read_json(?, format = 'array')", file);
      }
    }
  }

  private static List<String> columns(String sql, Path file) throws SQLException {
    return GeneratedFiles.query(sql, file.toString()).stream().map(r -> (String) r.get(0)).toList();
  }

  /** The generated CSVs quote nothing (no field holds a delimiter), so splitting is enough here. */
  private static List<String> split(String line, String delimiter) {
    return List.of(line.split(Pattern.quote(delimiter), -1));
  }
}
