package org.plumbline.governance;

import static org.plumbline.governance.Block.Need.REQUIRED;

/** Reads one entry of {@code departments}. */
final class DepartmentReader {

  private DepartmentReader() {}

  static Department read(Block entry) {
    return new Department(
        entry.text("code", REQUIRED),
        entry.text("name", REQUIRED),
        entry.textList("aliases"),
        entry.textMap("local_kpi_names"));
  }
}
