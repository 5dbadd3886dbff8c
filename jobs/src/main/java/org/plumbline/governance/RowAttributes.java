package org.plumbline.governance;

import java.util.List;

/**
 * The attributes a source row can carry. Fixed rather than configurable because staging types
 * them into columns of their own that KPI filters and policy scopes join on.
 */
final class RowAttributes {

  static final List<String> NAMES = List.of("part_id", "part_class", "lot_id");

  private RowAttributes() {}
}
