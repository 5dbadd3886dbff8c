package org.plumbline.governance;

import java.time.LocalDate;

/**
 * An approved deviation (a concession): for its period a policy's breach is legitimate, shown as
 * covered rather than as a breach. Who approved it and when are part of the record.
 *
 * @param departmentCode the department it applies to, or null for every department
 * @param scope the part, part class or lot it is limited to (row attribute to value); empty for
 *     the whole policy. A breach is covered when the rows outside the scope meet the policy.
 */
public record Deviation(String id, String policyId, String departmentCode, String reason, String approvedBy,
    LocalDate approvedOn, LocalDate validFrom, LocalDate expiresOn, java.util.Map<String, String> scope) {

  public Deviation(String id, String policyId, String departmentCode, String reason, String approvedBy,
      LocalDate approvedOn, LocalDate validFrom, LocalDate expiresOn) {
    this(id, policyId, departmentCode, reason, approvedBy, approvedOn, validFrom, expiresOn, java.util.Map.of());
  }
}
