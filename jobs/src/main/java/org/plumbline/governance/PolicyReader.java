package org.plumbline.governance;

import static org.plumbline.governance.Block.Need.OPTIONAL;
import static org.plumbline.governance.Block.Need.REQUIRED;

import java.time.LocalDate;
import java.util.List;
import org.plumbline.governance.Policy.Severity;

/** Reads one entry of {@code policies}: one version of a policy. */
final class PolicyReader {

  /** How a measured value is compared with the threshold; the SQL models know these five. */
  static final List<String> COMPARATORS = List.of(">=", ">", "<=", "<", "=");

  private PolicyReader() {}

  static Policy read(Block entry) {
    String id = entry.text("id", REQUIRED);
    Integer version = entry.count("version", REQUIRED);
    String statement = entry.text("statement", REQUIRED);
    String kpi = entry.text("kpi", REQUIRED);
    String comparator = entry.oneOf("comparator", COMPARATORS, REQUIRED);
    Double threshold = entry.number("threshold", REQUIRED);
    var scope = entry.attributeMap("scope");
    String ownerRole = entry.text("owner_role", OPTIONAL);
    Severity severity = entry.choice("severity", Severity.class, REQUIRED);
    LocalDate from = entry.date("effective_from", REQUIRED);
    LocalDate to = entry.date("effective_to", OPTIONAL);
    if (from != null && to != null && to.isBefore(from)) {
      entry.problem("effective_to", "The policy ends on " + to + " (effective_to), before it starts on " + from
          + " (effective_from).");
    }
    return new Policy(id, version == null ? 0 : version, statement, kpi, comparator,
        threshold == null ? 0 : threshold, scope, ownerRole, severity, from, to);
  }
}
