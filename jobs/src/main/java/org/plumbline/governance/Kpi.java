package org.plumbline.governance;

/**
 * One KPI of the catalogue.
 *
 * @param tolerance how far, in the KPI's unit, a self-reported figure may differ from the
 *     measured one before it is a reporting discrepancy
 * @param measuredBy how a system of record measures it; null where none does
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
    Measurement measuredBy) {

  public enum TriadDimension { QUALITY, COST, SPEED }

  public enum Direction { HIGHER_IS_BETTER, LOWER_IS_BETTER }
}
