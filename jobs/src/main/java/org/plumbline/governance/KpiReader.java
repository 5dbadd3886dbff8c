package org.plumbline.governance;

import static org.plumbline.governance.Block.Need.OPTIONAL;
import static org.plumbline.governance.Block.Need.REQUIRED;

import java.util.Locale;
import java.util.Set;
import org.plumbline.governance.Kpi.Direction;
import org.plumbline.governance.Kpi.TriadDimension;

/** Reads one entry of {@code kpis}, with its optional {@code measured_by}. */
final class KpiReader {

  /** Units whose figures are rates: a longer period's figure is the mean of its parts'. */
  private static final Set<String> RATE_UNITS = Set.of("percent", "fraction", "ppm");

  /** Units of time: a lead or cycle time over a month is the mean of its weeks', not their sum. */
  private static final Set<String> TIME_UNITS = Set.of("s", "sec", "seconds", "min", "minutes", "h", "hours",
      "day", "days", "week", "weeks");

  /** How people write percent, which the loader and the report know only as 'percent'. */
  private static final Set<String> PERCENT_SPELLINGS = Set.of("%", "pct", "percentage", "per cent", "prozent");

  private KpiReader() {}

  static Kpi read(Block entry) {
    String id = entry.text("id", REQUIRED);
    String name = entry.text("name", REQUIRED);
    TriadDimension dimension = entry.choice("dimension", TriadDimension.class, REQUIRED);
    String unit = entry.text("unit", REQUIRED);
    if (unit != null && PERCENT_SPELLINGS.contains(unit.trim().toLowerCase(Locale.ROOT))) {
      entry.problem("unit", "Write unit: percent, not '" + unit + "': percentages are converted, averaged and"
          + " printed by that name.");
    }
    Direction direction = entry.choice("direction", Direction.class, REQUIRED);
    Double target = entry.number("target", REQUIRED);
    // An unowned KPI is allowed here: it is a governance gap for the reports to show, not a typo.
    String ownerRole = entry.text("owner_role", OPTIONAL);
    // Required, not defaulted to 0: how much disagreement is tolerable is a policy value.
    Double tolerance = entry.number("tolerance", REQUIRED);
    Measurement measuredBy = measurement(entry.child("measured_by", "measurement", OPTIONAL));
    Kpi.ValidRange validRange = validRange(entry.child("valid_range", "valid range", OPTIONAL));
    Kpi.Aggregation aggregation = entry.choice("aggregation", Kpi.Aggregation.class, OPTIONAL);
    return new Kpi(id, name, dimension, unit, direction, orZero(target), ownerRole, orZero(tolerance), measuredBy,
        validRange, aggregation(entry, aggregation, measuredBy, unit));
  }

  /**
   * How a department's figures for shorter periods make a longer one's. For a KPI a system
   * measures, its measurement decides, so that the two figures compared are made alike: a ratio
   * (a denominator) is the month's own ratio, which a department's weekly ratios make by their
   * mean; a total (no denominator) is the month's sum, which its weekly totals make by their sum.
   * An {@code aggregation} written against that is refused rather than followed: every month
   * would be a discrepancy. Any other KPI takes what is written, or follows its unit.
   */
  private static Kpi.Aggregation aggregation(Block entry, Kpi.Aggregation written, Measurement measuredBy,
      String unit) {
    if (measuredBy == null) {
      return written != null ? written : aggregationOf(unit);
    }
    boolean total = measuredBy.denominator() == null;
    Kpi.Aggregation measured = total ? Kpi.Aggregation.SUM : Kpi.Aggregation.MEAN;
    if (written != null && written != measured) {
      entry.problem("aggregation", total
          ? "'aggregation: mean' does not fit measured_by, which has no denominator: the system's figure for a month"
              + " is the total of its weeks' (" + measuredBy.numerator() + " summed), so the department's weekly"
              + " figures are summed to compare with it. Write aggregation: sum, or leave it out."
          : "'aggregation: sum' does not fit measured_by, a ratio (" + measuredBy.numerator() + " / "
              + measuredBy.denominator() + "): the system's figure for a month is the month's ratio, not the sum of"
              + " its weeks', so the department's weekly figures are averaged. Write aggregation: mean, or leave it"
              + " out.");
    }
    return measured;
  }

  /**
   * A KPI no system measures, without an {@code aggregation}: the mean for a rate or a time, the
   * sum for anything else (an amount, a count).
   */
  static Kpi.Aggregation aggregationOf(String unit) {
    String name = unit == null ? "" : unit.trim().toLowerCase(Locale.ROOT);
    return RATE_UNITS.contains(name) || TIME_UNITS.contains(name) ? Kpi.Aggregation.MEAN : Kpi.Aggregation.SUM;
  }

  /** {@code valid_range: {min: 0, max: 100}}: at least one bound, the lower below the upper. */
  private static Kpi.ValidRange validRange(Block block) {
    if (block == null) {
      return null;
    }
    Double min = block.number("min", OPTIONAL);
    Double max = block.number("max", OPTIONAL);
    if (min == null && max == null && !block.has("min") && !block.has("max")) {
      block.problem("A valid range needs 'min', 'max' or both, such as {min: 0, max: 100}.");
    } else if (min != null && max != null && min >= max) {
      block.problem("max", "The valid range's max (" + Scalars.plain(max) + ") must be above its min ("
          + Scalars.plain(min) + ").");
    }
    return new Kpi.ValidRange(min, max);
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
