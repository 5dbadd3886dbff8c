package org.plumbline.governance;

import static org.plumbline.governance.Block.Need.REQUIRED;

import java.util.List;
import org.plumbline.governance.ControlChart.TrendTest;
import org.plumbline.governance.Policy.Severity;

/** Reads one entry of {@code compliance_mirages}. */
final class ComplianceMirageReader {

  private ComplianceMirageReader() {}

  static ComplianceMirage read(Block entry) {
    String id = entry.text("id", REQUIRED);
    String score = entry.text("score_kpi", REQUIRED);
    Double floor = entry.number("score_floor", REQUIRED);
    List<String> watch = entry.textList("watch_kpis");
    if (watch.isEmpty()) {
      entry.problem("watch_kpis", "'watch_kpis' must name at least one KPI (complaints, scrap, returns, rework)"
          + " whose rising trend the score would hide.");
    }
    TrendTest trend = ControlChartReader.trend(entry.child("trend", "trend test", REQUIRED));
    Severity severity = entry.choice("severity", Severity.class, REQUIRED);
    return new ComplianceMirage(id, score, floor == null ? 0 : floor, watch, trend, severity);
  }
}
