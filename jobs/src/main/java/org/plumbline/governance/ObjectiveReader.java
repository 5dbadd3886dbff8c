package org.plumbline.governance;

import static org.plumbline.governance.Block.Need.OPTIONAL;
import static org.plumbline.governance.Block.Need.REQUIRED;

import java.util.ArrayList;
import java.util.List;

/** Reads one entry of {@code objectives}. */
final class ObjectiveReader {

  private ObjectiveReader() {}

  static Objective read(Block entry) {
    String id = entry.text("id", REQUIRED);
    String statement = entry.text("statement", REQUIRED);
    String ownerRole = entry.text("owner_role", OPTIONAL);
    List<Objective.KeyResult> keyResults = new ArrayList<>();
    for (Block keyResult : entry.list("key_results", "key result", REQUIRED)) {
      keyResults.add(new Objective.KeyResult(keyResult.text("kpi", REQUIRED), keyResult.number("target", OPTIONAL)));
    }
    return new Objective(id, statement, ownerRole, List.copyOf(keyResults));
  }
}
