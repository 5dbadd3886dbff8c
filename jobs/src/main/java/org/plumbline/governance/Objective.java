package org.plumbline.governance;

import java.util.List;

/**
 * A strategic objective (OKR-style) and the catalogue KPIs that measure it as key results, so a
 * gap found on the shop floor can name the objective it puts at risk.
 */
public record Objective(String id, String statement, String ownerRole, List<KeyResult> keyResults) {

  /** A catalogue KPI that measures the objective, with the value that counts as achieved. */
  public record KeyResult(String kpiId, Double target) {}
}
