package org.plumbline.governance;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.plumbline.governance.GovernanceFiles.GovernanceFile;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Parses one governance file into a YAML node tree (which keeps every line number), refusing
 * what a safe loader must refuse. Problems become {@link ConfigProblem}s, never stack traces.
 *
 * <p>Composing builds nodes only, never Java objects, so no YAML tag can instantiate a class;
 * tags other than YAML's plain types are refused outright. Aliases to lists or blocks are
 * counted before composing: nested aliases ("billion laughs") expand exponentially for anyone
 * who walks the tree, and a governance file has no need for many of them.
 */
final class YamlReader {

  static final int MAX_ALIASES_FOR_COLLECTIONS = 50;

  private static final Set<String> PLAIN_TAGS = Set.of("!", Tag.STR.getValue(), Tag.INT.getValue(),
      Tag.FLOAT.getValue(), Tag.BOOL.getValue(), Tag.NULL.getValue(), Tag.TIMESTAMP.getValue(),
      Tag.SEQ.getValue(), Tag.MAP.getValue());

  private final Problems problems;

  YamlReader(Problems problems) {
    this.problems = problems;
  }

  /** The file's root node; empty when the file is empty or could not be read (reported). */
  Optional<Node> read(GovernanceFile file) {
    String text = decode(file);
    if (text == null) {
      return Optional.empty();
    }
    // One spelling of each letter: "Qualität" typed on a Mac may be a + U+0308, which compares
    // unequal to the ä a Windows file holds. Names from files are normalised the same way
    // (type_values.sql), so config and data meet whatever editor wrote them.
    text = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC);
    Yaml yaml = new Yaml(new SafeConstructor(options()));
    try {
      if (!safeEvents(file, yaml.parse(new StringReader(text)))) {
        return Optional.empty();
      }
      return Optional.ofNullable(yaml.compose(new StringReader(text)));
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      problems.add(file.path(), mark == null ? 0 : mark.getLine() + 1, null, "The file is not valid YAML here: "
          + clean(e.getProblem()) + (e.getContext() == null ? "" : " (" + clean(e.getContext()) + ")")
          + ". Check the indentation, colons and quotes on this line and the one before.");
    } catch (YAMLException e) {
      problems.add(file.path(), 0, null, "The file could not be read as YAML: " + clean(e.getMessage()) + ".");
    }
    return Optional.empty();
  }

  /** Limits that hold even if the alias count below were bypassed. */
  private static LoaderOptions options() {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(MAX_ALIASES_FOR_COLLECTIONS);
    options.setAllowRecursiveKeys(false);
    options.setNestingDepthLimit(20);
    options.setCodePointLimit(GovernanceFiles.MAX_BYTES);
    options.setAllowDuplicateKeys(false);
    return options;
  }

  /** Checks tags and aliases in the event stream, where each has a line and nothing is expanded. */
  private boolean safeEvents(GovernanceFile file, Iterable<Event> events) {
    boolean safe = true;
    Set<String> collectionAnchors = new HashSet<>();
    int collectionAliases = 0;
    for (Event event : events) {
      String tag = event instanceof ScalarEvent scalar ? scalar.getTag()
          : event instanceof CollectionStartEvent collection ? collection.getTag() : null;
      if (tag != null && !PLAIN_TAGS.contains(tag)) {
        problems.add(file.path(), line(event), null, "The value carries the YAML tag '" + tag
            + "'. Governance files hold plain text, numbers, dates and lists only; remove the tag.");
        safe = false;
      }
      if (event instanceof CollectionStartEvent collection && collection.getAnchor() != null) {
        collectionAnchors.add(collection.getAnchor());
      } else if (event instanceof AliasEvent alias && collectionAnchors.contains(alias.getAnchor())
          && ++collectionAliases > MAX_ALIASES_FOR_COLLECTIONS) {
        problems.add(file.path(), line(event), null, "The file repeats lists or blocks through aliases (*name) more than "
            + MAX_ALIASES_FOR_COLLECTIONS + " times. Plumbline stops reading it, because aliases nested inside each"
            + " other can expand to billions of entries (a 'billion laughs' attack). Write the entries out instead.");
        return false;
      }
    }
    return safe;
  }

  /** Strict UTF-8: a file saved in another encoding would otherwise turn umlauts into garbage. */
  private String decode(GovernanceFile file) {
    byte[] bytes = file.bytes();
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder();
    CoderResult result = utf8.decode(in, out, true);
    if (result.isError()) {
      int line = 1;
      for (int i = 0; i < in.position(); i++) {
        line += bytes[i] == '\n' ? 1 : 0;
      }
      problems.add(file.path(), line, null, "The file is not UTF-8 text (Windows editors may save in another"
          + " encoding, which garbles characters such as umlauts); save it as UTF-8.");
      return null;
    }
    utf8.flush(out);
    String text = out.flip().toString();
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  private static int line(Event event) {
    return event.getStartMark() == null ? 0 : event.getStartMark().getLine() + 1;
  }

  private static String clean(String text) {
    return text == null ? "" : text.strip().replaceAll("\\s+", " ").replaceAll("[.:]$", "");
  }
}
