package org.plumbline.governance;

import static org.plumbline.governance.Block.Need.REQUIRED;

/** Reads one entry of {@code incentive_checks}. */
final class IncentiveCheckReader {

  private IncentiveCheckReader() {}

  static IncentiveCheck read(Block entry) {
    String id = entry.text("id", REQUIRED);
    Double ratio = entry.number("min_weight_ratio", REQUIRED);
    if (ratio != null && (ratio <= 0 || ratio > 1)) {
      entry.problem("min_weight_ratio", "The ratio must be above 0 and at most 1, such as 0.5 (the policy's KPI"
          + " weighs at least half as much as the KPI it is in tension with); it is " + ratio + ".");
    }
    return new IncentiveCheck(id, ratio == null ? 0 : ratio, entry.textList("roles"));
  }
}
