package org.plumbline.governance;

import static org.plumbline.governance.Block.Need.OPTIONAL;
import static org.plumbline.governance.Block.Need.REQUIRED;

/** Reads one entry of {@code deviations}. */
final class DeviationReader {

  private DeviationReader() {}

  static Deviation read(Block entry) {
    String id = entry.text("id", REQUIRED);
    String policy = entry.text("policy", REQUIRED);
    String department = entry.text("department", OPTIONAL);
    String reason = entry.text("reason", REQUIRED);
    String approvedBy = entry.text("approved_by", REQUIRED);
    var approvedOn = entry.date("approved_on", REQUIRED);
    var from = entry.date("valid_from", REQUIRED);
    var expires = entry.date("expires_on", REQUIRED);
    if (from != null && expires != null && expires.isBefore(from)) {
      entry.problem("expires_on", "The deviation expires on " + expires + ", before it starts on " + from + ".");
    }
    // A concession for one part (or part class, or lot) leaves the policy in force for the others.
    var scope = entry.attributeMap("scope");
    return new Deviation(id, policy, department, reason, approvedBy, approvedOn, from, expires, scope);
  }
}
