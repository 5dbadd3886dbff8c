package org.plumbline.governance;

import java.time.LocalDate;

/**
 * An approved deviation (a concession): for its period a policy's breach is legitimate, shown as
 * covered rather than as a breach. Who approved it and when are part of the record.
 *
 * @param departmentCode the department it applies to, or null for every department
 */
public record Deviation(String id, String policyId, String departmentCode, String reason, String approvedBy,
    LocalDate approvedOn, LocalDate validFrom, LocalDate expiresOn) {}
