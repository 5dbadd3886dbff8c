package org.plumbline.governance;

/**
 * One KPI of the catalogue.
 *
 * @param tolerance how far, in the KPI's unit, a self-reported figure may differ from the
 *     measured one before it is a reporting discrepancy
 * @param measuredBy how a system of record measures it; null where none does
 * @param validRange the values a figure of it can take at all (a coverage between 0 and 100 %);
 *     null where any number can be meant
 * @param aggregation how a department's figures for shorter periods make a longer one's (weekly
 *     figures compared per month): their mean for a rate or a duration, their sum for an amount;
 *     for a measured KPI, as its measurement makes a longer period's figure (KpiReader). Whether
 *     a period's figure is a total, held against its weeks' targets, is this too.
 */
public record Kpi(
    String id,
    String name,
    TriadDimension dimension,
    String unit,
    Direction direction,
    double target,
    String ownerRole,
    double tolerance,
    Measurement measuredBy,
    ValidRange validRange,
    Aggregation aggregation) {

  public enum Aggregation { SUM, MEAN }

  /**
   * The bounds of a KPI's possible values, in its unit, inclusive; either may be null (no bound).
   * A self-reported figure outside them is a typing or scale mistake, quarantined at load.
   */
  public record ValidRange(Double min, Double max) {}

  public enum TriadDimension { QUALITY, COST, SPEED }

  public enum Direction { HIGHER_IS_BETTER, LOWER_IS_BETTER }
}
