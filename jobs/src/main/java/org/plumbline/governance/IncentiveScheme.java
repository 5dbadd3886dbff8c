package org.plumbline.governance;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a role is paid on: KPI weights (summing to 1) over a pay period, while in force. Read
 * beside the tensions, it shows whom a policy's KPI costs money.
 *
 * @param period the pay period the weights apply to: week, month, quarter or year
 * @param effectiveTo last day in force, or null while it still is
 */
public record IncentiveScheme(String id, String roleId, String period, Map<String, Double> weights,
    LocalDate effectiveFrom, LocalDate effectiveTo) {

  /** The pay periods a scheme can have; the report has a word for each (evidence.pay_period.*). */
  public static final List<String> PAY_PERIODS = List.of("week", "month", "quarter", "year");
}
