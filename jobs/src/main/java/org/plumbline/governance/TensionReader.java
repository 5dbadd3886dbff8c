package org.plumbline.governance;

import static org.plumbline.governance.Block.Need.REQUIRED;

import java.util.List;

/** Reads one entry of {@code tensions}: {@code kpis: [a, b]} and the explanation. */
final class TensionReader {

  private TensionReader() {}

  static Tension read(Block entry) {
    String id = entry.text("id", REQUIRED);
    List<String> kpis = entry.textList("kpis");
    if (kpis.size() != 2) {
      entry.problem("kpis", "A tension is between exactly two KPIs, written kpis: [first, second]; this one names "
          + kpis.size() + ".");
    } else if (kpis.get(0).equals(kpis.get(1))) {
      entry.problem("kpis", "A tension is between two different KPIs; this one names " + kpis.get(0) + " twice.");
    }
    String explanation = entry.text("explanation", REQUIRED);
    return new Tension(id, kpis.size() > 0 ? kpis.get(0) : null, kpis.size() > 1 ? kpis.get(1) : null, explanation);
  }
}
