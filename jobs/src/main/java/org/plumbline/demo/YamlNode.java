package org.plumbline.demo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A value in a parsed YAML tree together with its path, so a missing or mistyped value is
 * reported as {@code demo/story.yml: parts[2].unit_cost_eur ...} rather than a cast failure.
 */
record YamlNode(String file, String path, Object value) {

  YamlNode get(String key) {
    if (!(value instanceof Map<?, ?> map)) {
      throw error("is not a mapping, so it has no '" + key + "'");
    }
    Object child = map.get(key);
    String childPath = path.isEmpty() ? key : path + "." + key;
    if (child == null) {
      throw new IllegalArgumentException(file + ": " + childPath + " is missing.");
    }
    return new YamlNode(file, childPath, child);
  }

  List<YamlNode> list() {
    if (!(value instanceof List<?> items)) {
      throw error("is not a list");
    }
    List<YamlNode> nodes = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      nodes.add(new YamlNode(file, path + "[" + i + "]", items.get(i)));
    }
    return nodes;
  }

  List<String> strings() {
    return list().stream().map(YamlNode::text).toList();
  }

  String text() {
    if (value instanceof Map || value instanceof List) {
      throw error("is not a single value");
    }
    return String.valueOf(value).trim();
  }

  int integer() {
    try {
      return Integer.parseInt(text());
    } catch (NumberFormatException e) {
      throw error("must be a whole number");
    }
  }

  long longValue() {
    try {
      return Long.parseLong(text());
    } catch (NumberFormatException e) {
      throw error("must be a whole number");
    }
  }

  double number() {
    return decimal().doubleValue();
  }

  BigDecimal decimal() {
    try {
      return new BigDecimal(text());
    } catch (NumberFormatException e) {
      throw error("must be a number");
    }
  }

  IllegalArgumentException error(String problem) {
    return new IllegalArgumentException(file + ": " + path + " " + problem + ", but is '" + value + "'.");
  }
}
