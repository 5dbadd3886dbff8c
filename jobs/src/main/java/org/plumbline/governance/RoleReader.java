package org.plumbline.governance;

import static org.plumbline.governance.Block.Need.OPTIONAL;
import static org.plumbline.governance.Block.Need.REQUIRED;

/** Reads one entry of {@code roles}. */
final class RoleReader {

  private RoleReader() {}

  static Role read(Block entry) {
    String id = entry.text("id", REQUIRED);
    String title = entry.text("title", REQUIRED);
    String department = entry.text("department", OPTIONAL);
    // Required, not defaulted: whether a role may stop a process is a governance decision that
    // the config must state (no policy value in code).
    Boolean canPause = entry.bool("can_pause_process", REQUIRED);
    return new Role(id, title, department, Boolean.TRUE.equals(canPause));
  }
}
