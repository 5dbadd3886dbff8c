package org.plumbline.governance;

import static org.plumbline.governance.Block.Need.REQUIRED;

/** Reads one entry of {@code poor_quality_costs}. */
final class PoorQualityCostReader {

  private PoorQualityCostReader() {}

  static PoorQualityCost read(Block entry) {
    return new PoorQualityCost(entry.text("category", REQUIRED), entry.text("source", REQUIRED),
        entry.text("measure", REQUIRED));
  }
}
