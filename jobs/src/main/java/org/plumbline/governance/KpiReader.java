package org.plumbline.governance;

import static org.plumbline.governance.Block.Need.OPTIONAL;
import static org.plumbline.governance.Block.Need.REQUIRED;

import org.plumbline.governance.Kpi.Direction;
import org.plumbline.governance.Kpi.TriadDimension;

/** Reads one entry of {@code kpis}, with its optional {@code measured_by}. */
final class KpiReader {

  private KpiReader() {}

  static Kpi read(Block entry) {
    String id = entry.text("id", REQUIRED);
    String name = entry.text("name", REQUIRED);
    TriadDimension dimension = entry.choice("dimension", TriadDimension.class, REQUIRED);
    String unit = entry.text("unit", REQUIRED);
    Direction direction = entry.choice("direction", Direction.class, REQUIRED);
    Double target = entry.number("target", REQUIRED);
    // An unowned KPI is allowed here: it is a governance gap for the reports to show, not a typo.
    String ownerRole = entry.text("owner_role", OPTIONAL);
    // Required, not defaulted to 0: how much disagreement is tolerable is a policy value.
    Double tolerance = entry.number("tolerance", REQUIRED);
    Measurement measuredBy = measurement(entry.child("measured_by", "measurement", OPTIONAL));
    return new Kpi(id, name, dimension, unit, direction, orZero(target), ownerRole, orZero(tolerance), measuredBy);
  }

  private static Measurement measurement(Block block) {
    if (block == null) {
      return null;
    }
    String source = block.text("source", REQUIRED);
    String numerator = block.text("numerator", REQUIRED);
    String denominator = block.text("denominator", OPTIONAL);
    Double scale = SourceReader.positiveScale(block);
    return new Measurement(source, numerator, denominator, scale == null ? 1 : scale, block.attributeMap("filter"));
  }

  /** A value that was missing or invalid has been reported; the model will not be returned. */
  private static double orZero(Double value) {
    return value == null ? 0 : value;
  }
}
