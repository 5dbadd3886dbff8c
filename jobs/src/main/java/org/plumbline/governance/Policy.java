package org.plumbline.governance;

import java.time.LocalDate;
import java.util.Map;

/**
 * One version of a policy: what must hold for a KPI, from when to when. A changed policy is a
 * new version; every period is judged by the version in force then.
 *
 * @param effectiveTo last day in force, or null while it still is
 */
public record Policy(
    String id,
    int version,
    String statement,
    String kpiId,
    String comparator,
    double threshold,
    Map<String, String> scope,
    String ownerRole,
    Severity severity,
    LocalDate effectiveFrom,
    LocalDate effectiveTo) {

  public enum Severity { LOW, MEDIUM, HIGH, CRITICAL }
}
