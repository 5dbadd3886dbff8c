package org.plumbline.governance;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.plumbline.governance.GovernanceFiles.GovernanceFile;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads the governance model from the {@code *.yml} files of a folder and validates it whole:
 * every problem in every file is collected and reported together, each with file, line and key.
 */
public final class GovernanceLoader {

  /**
   * @throws ConfigInvalidException listing every problem, when there is any
   */
  public GovernanceModel load(Path governanceDir) {
    Problems problems = new Problems();
    List<GovernanceFile> files = GovernanceFiles.read(governanceDir, problems);
    SectionEntries entries = new SectionEntries();
    YamlReader yaml = new YamlReader(problems);
    boolean unreadable = false;
    for (GovernanceFile file : files) {
      int before = problems.count();
      Optional<Node> root = yaml.read(file);
      root.ifPresent(node -> readSections(file.path(), node, entries, problems));
      unreadable |= root.isEmpty() && problems.count() > before;
    }
    new Uniqueness(entries).check();
    // A file that is not valid YAML holds sections the others refer to (roles, the calendar):
    // checking references without it would bury its one real problem under a dozen that follow
    // from it ("not among the roles"), so they are checked once every file reads.
    if (!unreadable) {
      new References(entries).check();
    }
    new SourcePatterns(entries).check();
    if (!problems.isEmpty()) {
      throw new ConfigInvalidException(governanceDir, problems.sorted());
    }
    return new GovernanceModel(
        ConfigVersion.of(files),
        entries.values(Section.DEPARTMENTS),
        entries.values(Section.ROLES),
        entries.values(Section.KPIS),
        entries.values(Section.POLICIES),
        entries.values(Section.SOURCES),
        entries.values(Section.OBJECTIVES),
        entries.values(Section.INCENTIVES),
        entries.values(Section.TENSIONS),
        entries.values(Section.SUBMISSIONS),
        entries.values(Section.INITIATIVES),
        entries.values(Section.DEVIATIONS),
        entries.values(Section.CALENDARS),
        entries.values(Section.EXCHANGE_RATES),
        entries.values(Section.CONTROL_CHARTS),
        entries.values(Section.COMPLIANCE_MIRAGES),
        entries.values(Section.POOR_QUALITY_COSTS),
        entries.values(Section.INCENTIVE_CHECKS),
        entries.values(Section.CONFIDENTIALITY),
        entries.values(Section.FINDING_SEVERITIES),
        files.stream().map(f -> new GovernanceModel.ConfigFile(f.name(),
            new String(f.bytes(), java.nio.charset.StandardCharsets.UTF_8))).toList());
  }

  /** A file holds sections; a section may appear in several files, its entries add up. */
  private static void readSections(Path file, Node root, SectionEntries entries, Problems problems) {
    if (!(root instanceof MappingNode mapping)) {
      if (!isEmpty(root)) {
        problems.add(file, Block.lineOf(root), null, "The file must hold sections such as 'kpis:' at the top level,"
            + " each followed by its list of entries.");
      }
      return;
    }
    Map<String, Integer> seen = new HashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      int line = Block.lineOf(tuple.getKeyNode());
      String name = tuple.getKeyNode() instanceof ScalarNode key ? key.getValue() : "";
      Section<?> section = Section.named(name);
      Integer earlier = seen.putIfAbsent(name, line);
      if (section == null) {
        problems.add(file, line, name, "Unknown section '" + name + "': the governance files have the sections "
            + String.join(", ", Section.names()) + "." + Suggestions.didYouMean(name, Section.names()));
      } else if (earlier != null) {
        problems.add(file, line, name, "The section '" + name + "' appears twice in this file (first on line "
            + earlier + "); YAML would keep only one of them, so merge the two lists.");
      } else {
        entries.sawSection(section, file);
        readEntries(file, section, tuple.getValueNode(), entries, problems);
      }
    }
  }

  private static <T> void readEntries(Path file, Section<T> section, Node value, SectionEntries entries,
      Problems problems) {
    if (isEmpty(value)) {
      return;
    }
    if (!(value instanceof SequenceNode list)) {
      problems.add(file, Block.lineOf(value), section.name(), "The section '" + section.name()
          + "' must be a list of entries, each starting with '- '.");
      return;
    }
    for (int i = 0; i < list.getValue().size(); i++) {
      Node item = list.getValue().get(i);
      if (!(item instanceof MappingNode mapping)) {
        problems.add(file, Block.lineOf(item), section.name() + "[" + i + "]", "Each entry of '" + section.name()
            + "' must be a block of settings (key: value), such as one " + section.noun() + ".");
        continue;
      }
      Block block = Block.entry(file, section.name(), i, section.idKey(), section.noun(), mapping, problems);
      T read = section.read(block);
      block.finish();
      entries.add(section, new Located<>(read, block));
    }
  }

  private static boolean isEmpty(Node node) {
    return node instanceof ScalarNode scalar && Tag.NULL.equals(scalar.getTag());
  }
}
