package org.plumbline.governance;

import java.util.LinkedHashMap;
import java.util.Map;
import org.plumbline.governance.Policy.Severity;

/**
 * How severe a finding is that no policy rates (a policy breach takes its policy's severity).
 * {@code finding_severities} in the governance files overrides the defaults one case at a time.
 *
 * @param findingCase one of {@link #DEFAULTS}' keys, e.g. {@code late_submission}
 */
public record FindingSeverity(String findingCase, Severity severity) {

  /**
   * The severities a model has when it names none. A discrepancy in a period a policy on its KPI
   * governs (the version in force at the period's start) takes that version's severity;
   * {@code reporting_discrepancy} rates the others.
   */
  public static final Map<String, Severity> DEFAULTS = defaults();

  private static Map<String, Severity> defaults() {
    Map<String, Severity> defaults = new LinkedHashMap<>();
    defaults.put("reporting_discrepancy", Severity.MEDIUM);
    defaults.put("rogue_metric", Severity.LOW);
    defaults.put("missing_submission", Severity.MEDIUM);
    defaults.put("late_submission", Severity.LOW);
    defaults.put("retroactive_revision", Severity.LOW);
    defaults.put("flattering_revision", Severity.MEDIUM);
    defaults.put("missing_exchange_rate", Severity.HIGH);
    return java.util.Collections.unmodifiableMap(defaults);
  }
}
