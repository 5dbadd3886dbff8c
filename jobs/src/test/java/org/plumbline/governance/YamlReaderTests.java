package org.plumbline.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken and hostile YAML is reported as problems with file and line, never as a stack trace. */
class YamlReaderTests {

  @TempDir
  Path dir;

  private final GovernanceLoader loader = new GovernanceLoader();

  @Test
  void namesFileAndLineOfASyntaxError() throws IOException {
    // given: the colon inside the name needs quotes
    write("roles.yml", """
        roles:
          - id: head_of_quality
            title: Head of: Quality
            can_pause_process: false
        """);

    // when
    ConfigInvalidException invalid = catchThrowableOfType(ConfigInvalidException.class, () -> loader.load(dir));

    // then
    assertThat(invalid.problems()).singleElement().satisfies(problem -> {
      assertThat(problem.file()).isEqualTo(dir.resolve("roles.yml"));
      assertThat(problem.line()).isEqualTo(3);
      assertThat(problem.key()).isNull();
      assertThat(problem.message()).isEqualTo("The file is not valid YAML here: mapping values are not allowed here."
          + " Check the indentation, colons and quotes on this line and the one before.");
    });
  }

  @Test
  void rejectsABillionLaughsAliasBombQuickly() throws IOException {
    // given: nine levels of nine aliases each would expand to 9^9 (387 million) entries
    StringBuilder bomb = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (char level = 'b'; level <= 'i'; level++) {
      String previous = "*" + (char) (level - 1);
      bomb.append(level).append(": &").append(level).append(" [")
          .append(String.join(", ", Collections.nCopies(9, previous))).append("]\n");
    }
    write("bomb.yml", bomb.toString());

    // when
    ConfigInvalidException invalid = assertTimeoutPreemptively(Duration.ofSeconds(5),
        () -> catchThrowableOfType(ConfigInvalidException.class, () -> loader.load(dir)));

    // then: the 51st alias to a list is on line 7 (line 2 holds aliases 1 to 9)
    assertThat(invalid.problems()).extracting(ConfigProblem::line, ConfigProblem::message).containsExactly(
        tuple(7, "The file repeats lists or blocks through aliases (*name) more than 50 times. Plumbline stops"
            + " reading it, because aliases nested inside each other can expand to billions of entries (a 'billion"
            + " laughs' attack). Write the entries out instead."));
  }

  @Test
  void neverExpandsAliasesBelowTheLimit() throws IOException {
    // given: 24 levels of two aliases would be 16 million entries if anything walked them all
    StringBuilder chain = new StringBuilder("departments:\n  - &l0 {code: X, name: X}\n");
    chain.append("x0: &x0 [*l0, *l0]\n");
    for (int level = 1; level < 24; level++) {
      chain.append("x").append(level).append(": &x").append(level)
          .append(" [*x").append(level - 1).append(", *x").append(level - 1).append("]\n");
    }
    write("chain.yml", chain.toString());

    // when
    ConfigInvalidException invalid = assertTimeoutPreemptively(Duration.ofSeconds(5),
        () -> catchThrowableOfType(ConfigInvalidException.class, () -> loader.load(dir)));

    // then: only the 24 unknown sections are reported
    assertThat(invalid.problems()).hasSize(24).allSatisfy(problem ->
        assertThat(problem.message()).startsWith("Unknown section 'x"));
  }

  @Test
  void refusesTagsThatWouldNameJavaTypes() throws IOException {
    // given
    write("roles.yml", """
        roles:
          - id: r
            title: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL ["http://x"]]]]
            can_pause_process: false
        """);

    // when
    ConfigInvalidException invalid = catchThrowableOfType(ConfigInvalidException.class, () -> loader.load(dir));

    // then
    assertThat(invalid.problems()).extracting(ConfigProblem::line, ConfigProblem::message).containsExactly(
        tuple(3, "The value carries the YAML tag 'tag:yaml.org,2002:javax.script.ScriptEngineManager'. Governance"
            + " files hold plain text, numbers, dates and lists only; remove the tag."),
        tuple(3, "The value carries the YAML tag 'tag:yaml.org,2002:java.net.URLClassLoader'. Governance"
            + " files hold plain text, numbers, dates and lists only; remove the tag."),
        tuple(3, "The value carries the YAML tag 'tag:yaml.org,2002:java.net.URL'. Governance"
            + " files hold plain text, numbers, dates and lists only; remove the tag."));
  }

  @Test
  void namesTheLineOfTextThatIsNotUtf8() throws IOException {
    // given: "Qualität" saved as Windows-1252
    Files.write(dir.resolve("departments.yml"),
        "departments:\n  - code: QUAL\n    name: Qualit\u00e4t\n".getBytes(StandardCharsets.ISO_8859_1));

    // when, then
    assertThatThrownBy(() -> loader.load(dir)).isInstanceOfSatisfying(ConfigInvalidException.class, invalid ->
        assertThat(invalid.problems()).extracting(ConfigProblem::line, ConfigProblem::message).containsExactly(
            tuple(3, "The file is not UTF-8 text (Windows editors may save in another encoding, which garbles"
                + " characters such as umlauts); save it as UTF-8.")));
  }

  private void write(String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text);
  }
}
