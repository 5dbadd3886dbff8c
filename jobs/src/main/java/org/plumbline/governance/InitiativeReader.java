package org.plumbline.governance;

import static org.plumbline.governance.Block.Need.OPTIONAL;
import static org.plumbline.governance.Block.Need.REQUIRED;

import java.util.List;

/** Reads one entry of {@code initiatives}. */
final class InitiativeReader {

  static final List<String> KINDS = List.of("redesign", "process_improvement", "training", "other");

  private InitiativeReader() {}

  static Initiative read(Block entry) {
    String id = entry.text("id", REQUIRED);
    String name = entry.text("name", REQUIRED);
    String kind = entry.oneOf("kind", KINDS, REQUIRED);
    var start = entry.date("start_date", REQUIRED);
    List<String> kpis = entry.textList("target_kpis");
    if (kpis.isEmpty()) {
      entry.problem("target_kpis", "An initiative names the KPIs it is meant to move: target_kpis: [kpi_id, ...].");
    }
    String effect = entry.text("expected_effect", REQUIRED);
    String owner = entry.text("owner_role", OPTIONAL);
    return new Initiative(id, name, kind, start, kpis, effect, owner);
  }
}
