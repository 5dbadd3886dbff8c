package org.plumbline.governance;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One YAML block of settings (a mapping), read key by key with every problem located.
 *
 * <p>Each getter records its key as known, so {@link #finish()} can report the keys no reader
 * asked for. Those are typos or settings that do not exist; ignoring them would let a misspelt
 * {@code tresholds} pass unnoticed while the policy silently had no threshold.
 */
final class Block {

  enum Need { REQUIRED, OPTIONAL }

  /** A key into an item of a nested list, such as {@code key_results[0].kpi}. */
  private static final Pattern LIST_ITEM_KEY = Pattern.compile("([^\\[.]+)\\[(\\d+)\\]\\..+");

  private final Path file;
  private final String path;
  private final String noun;
  private final int line;
  private final Problems problems;
  private final Map<String, NodeTuple> tuples = new LinkedHashMap<>();
  private final Set<String> known = new LinkedHashSet<>();
  private final Map<String, Integer> entryLines = new HashMap<>();
  private final Map<String, Block> children = new HashMap<>();
  private final List<Block> nested = new ArrayList<>();
  private final Map<String, List<Block>> lists = new HashMap<>();

  /**
   * @param path where the block sits, e.g. {@code kpis[scrap_cost].measured_by}
   * @param noun what the block is, for messages: "KPI", "policy", "metric"
   */
  Block(Path file, String path, String noun, MappingNode node, Problems problems) {
    this.file = file;
    this.path = path;
    this.noun = noun;
    this.line = lineOf(node);
    this.problems = problems;
    for (NodeTuple tuple : node.getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
        problems.add(file, lineOf(tuple.getKeyNode()), path, "A key must be a plain name, not a list or a block.");
        continue;
      }
      NodeTuple earlier = tuples.putIfAbsent(key.getValue(), tuple);
      if (earlier != null) {
        problems.add(file, lineOf(key), path(key.getValue()), "The key '" + key.getValue()
            + "' appears twice in this " + noun + " (first on line " + lineOf(earlier.getKeyNode())
            + "); YAML would silently keep only one of them, so remove the other.");
      }
    }
  }

  /** The entry at {@code index} of a list, named by its id (the value of {@code idKey}) if it has one. */
  static Block entry(Path file, String listPath, int index, String idKey, String noun, MappingNode node,
      Problems problems) {
    String label = Integer.toString(index);
    for (NodeTuple tuple : node.getValue()) {
      if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals(idKey)
          && tuple.getValueNode() instanceof ScalarNode id && !isEmpty(id)) {
        label = id.getValue();
      }
    }
    return new Block(file, listPath + "[" + label + "]", noun, node, problems);
  }

  static int lineOf(Node node) {
    return node.getStartMark().getLine() + 1;
  }

  Path file() {
    return file;
  }

  String path() {
    return path;
  }

  int line() {
    return line;
  }

  String noun() {
    return noun;
  }

  /** Whether the key is written with a value (valid or not); the key counts as known. */
  boolean has(String key) {
    known.add(key);
    NodeTuple tuple = tuples.get(key);
    return tuple != null && !isEmpty(tuple.getValueNode());
  }

  String text(String key, Need need) {
    ScalarNode scalar = scalar(key, need);
    return scalar == null ? null : scalar.getValue();
  }

  Double number(String key, Need need) {
    return convert(key, need, Scalars::number);
  }

  /** A whole number of at least 1 (a version, a row number). */
  Integer count(String key, Need need) {
    return convert(key, need, Scalars::count);
  }

  Boolean bool(String key, Need need) {
    return convert(key, need, Scalars::bool);
  }

  LocalDate date(String key, Need need) {
    return convert(key, need, Scalars::date);
  }

  /** One of an enum's constants, written in lower case in YAML ({@code higher_is_better}). */
  <E extends Enum<E>> E choice(String key, Class<E> type, Need need) {
    List<String> names = Arrays.stream(type.getEnumConstants())
        .map(constant -> constant.name().toLowerCase(Locale.ROOT)).toList();
    String value = oneOf(key, names, need);
    return value == null ? null : Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
  }

  /** One of the allowed texts; case does not matter, the allowed spelling is returned. */
  String oneOf(String key, List<String> allowed, Need need) {
    return convert(key, need, (name, text, problem) -> Scalars.oneOf(name, text, allowed, problem));
  }

  /** How {@link Scalars} reads a text, reporting through {@code problem}. */
  private interface Conversion<V> {
    V read(String key, String text, Consumer<String> problem);
  }

  private <V> V convert(String key, Need need, Conversion<V> conversion) {
    String text = text(key, need);
    return text == null ? null : conversion.read(key, text, message -> problem(key, message));
  }

  /** A list of names such as {@code [Produktion, Fertigung]}; empty when not given. */
  List<String> textList(String key) {
    Node value = value(key, Need.OPTIONAL);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof SequenceNode sequence)) {
      problem(key, "'" + key + "' must be a list, such as [first, second].");
      return List.of();
    }
    List<String> texts = new ArrayList<>();
    List<Node> items = sequence.getValue();
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i) instanceof ScalarNode scalar && !isEmpty(scalar)) {
        texts.add(scalar.getValue());
      } else {
        problems.add(file, lineOf(items.get(i)), path(key) + "[" + i + "]",
            "Each entry of '" + key + "' must be a single name.");
      }
    }
    return List.copyOf(texts);
  }

  /** Name to text pairs, in the order written; empty when not given. */
  Map<String, String> textMap(String key) {
    return map(key, null);
  }

  /** Row attribute (part_id, part_class, lot_id) to a text; empty when not given. */
  Map<String, String> attributeMap(String key) {
    return map(key, RowAttributes.NAMES);
  }

  private Map<String, String> map(String key, List<String> allowedNames) {
    Node value = value(key, Need.OPTIONAL);
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof MappingNode mapping)) {
      problem(key, "'" + key + "' must be a block of name: value pairs.");
      return Map.of();
    }
    Map<String, String> pairs = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode nameNode)) {
        problems.add(file, lineOf(tuple.getKeyNode()), path(key), "A name in '" + key + "' must be plain text.");
        continue;
      }
      String name = nameNode.getValue();
      String entryKey = key + "[" + name + "]";
      entryLines.putIfAbsent(entryKey, lineOf(nameNode));
      if (pairs.containsKey(name)) {
        problems.add(file, lineOf(nameNode), path(entryKey), "'" + name + "' appears twice in '" + key + "'; keep one.");
      } else if (allowedNames != null && !allowedNames.contains(name)) {
        problem(entryKey, "'" + name + "' is not a row attribute Plumbline knows; use one of "
            + String.join(", ", allowedNames) + "." + Suggestions.didYouMean(name, allowedNames));
      } else if (tuple.getValueNode() instanceof ScalarNode scalar && !isEmpty(scalar)) {
        pairs.put(name, scalar.getValue());
      } else {
        problem(entryKey, "'" + name + "' in '" + key + "' needs a single value.");
      }
    }
    return Collections.unmodifiableMap(pairs);
  }

  /** A nested block of settings such as {@code measured_by}; null when absent or not a block. */
  Block child(String key, String childNoun, Need need) {
    Node value = value(key, need);
    if (value == null) {
      return null;
    }
    if (!(value instanceof MappingNode mapping)) {
      problem(key, "'" + key + "' must be a block of settings (key: value lines, or { key: value } on one line).");
      return null;
    }
    Block child = new Block(file, path(key), childNoun, mapping, problems);
    children.put(key, child);
    nested.add(child);
    return child;
  }

  /** The nested block read earlier under {@code key}, for checks that run after reading; or null. */
  Block child(String key) {
    return children.get(key);
  }

  /** A list of blocks, such as a source's metrics. */
  List<Block> list(String key, String itemNoun, Need need) {
    Node value = value(key, need);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof SequenceNode sequence)) {
      problem(key, "'" + key + "' must be a list, each " + itemNoun + " starting with '- '.");
      return List.of();
    }
    if (sequence.getValue().isEmpty() && need == Need.REQUIRED) {
      problem(key, "'" + key + "' is empty, but this " + noun + " needs at least one " + itemNoun + ".");
    }
    List<Block> items = new ArrayList<>();
    List<Block> byPosition = new ArrayList<>();
    for (int i = 0; i < sequence.getValue().size(); i++) {
      Node item = sequence.getValue().get(i);
      if (item instanceof MappingNode mapping) {
        Block block = new Block(file, path(key) + "[" + i + "]", itemNoun, mapping, problems);
        items.add(block);
        byPosition.add(block);
      } else {
        byPosition.add(null);
        problems.add(file, lineOf(item), path(key) + "[" + i + "]",
            "Each " + itemNoun + " in '" + key + "' must be a block of settings (key: value).");
      }
    }
    nested.addAll(items);
    lists.put(key, byPosition);
    return items;
  }

  /** The items of a nested list read earlier under {@code key}, by position (null where an item was not a block). */
  List<Block> lists(String key) {
    return lists.getOrDefault(key, List.of());
  }

  /** Reports a problem at the key (or the block, when the key is not written). */
  void problem(String key, String message) {
    problems.add(file, line(key), path(key), message);
  }

  /** Reports a problem about the block as a whole. */
  void problem(String message) {
    problems.add(file, line, path, message);
  }

  int line(String key) {
    Integer entryLine = entryLines.get(key);
    if (entryLine != null) {
      return entryLine;
    }
    Block item = listItem(key);
    if (item != null) {
      return item.line(key.substring(key.indexOf("].") + 2));
    }
    NodeTuple tuple = tuples.get(key);
    return tuple == null ? line : lineOf(tuple.getKeyNode());
  }

  /**
   * The item of a nested list that a key such as {@code key_results[0].kpi} points into, so a
   * problem found after reading is reported on that item's line; null for any other key.
   */
  private Block listItem(String key) {
    Matcher m = LIST_ITEM_KEY.matcher(key);
    if (!m.matches()) {
      return null;
    }
    List<Block> items = lists.get(m.group(1));
    int index = Integer.parseInt(m.group(2));
    return items == null || index >= items.size() ? null : items.get(index);
  }

  String path(String key) {
    return path + "." + key;
  }

  /** Reports every key that no reader asked for, here and in the nested blocks. */
  void finish() {
    for (Map.Entry<String, NodeTuple> written : tuples.entrySet()) {
      String key = written.getKey();
      if (known.contains(key)) {
        continue;
      }
      String message = "<<".equals(key)
          ? "Merge keys (<<) are not supported in governance files; write the settings out."
          : "Unknown key '" + key + "': a " + noun + " has no setting of that name."
              + or(Suggestions.didYouMean(key, known), " Known keys are " + String.join(", ", known) + ".");
      problems.add(file, lineOf(written.getValue().getKeyNode()), path(key), message);
    }
    for (Block child : nested) {
      child.finish();
    }
  }

  private static String or(String suggestion, String otherwise) {
    return suggestion.isEmpty() ? otherwise : suggestion;
  }

  private ScalarNode scalar(String key, Need need) {
    Node value = value(key, need);
    if (value == null) {
      return null;
    }
    if (value instanceof ScalarNode scalar) {
      return scalar;
    }
    problem(key, "'" + key + "' must be a single value, not a list or a block of settings.");
    return null;
  }

  /** The value written for the key; null, reported if required, when it is missing or empty. */
  private Node value(String key, Need need) {
    known.add(key);
    NodeTuple tuple = tuples.get(key);
    if (tuple == null) {
      if (need == Need.REQUIRED) {
        problem(key, "Required key '" + key + "' is missing from this " + noun + ".");
      }
      return null;
    }
    Node value = tuple.getValueNode();
    if (isEmpty(value)) {
      if (need == Need.REQUIRED) {
        problem(key, "'" + key + "' has no value, but this " + noun + " needs one.");
      }
      return null;
    }
    return value;
  }

  private static boolean isEmpty(Node node) {
    return node instanceof ScalarNode scalar && (Tag.NULL.equals(scalar.getTag()) || scalar.getValue().isBlank());
  }
}
