package org.plumbline.governance;

import static org.plumbline.governance.Block.Need.REQUIRED;

import java.util.List;
import org.plumbline.governance.Policy.Severity;

/** Reads one entry of {@code finding_severities}: {@code { finding: late_submission, severity: medium }}. */
final class FindingSeverityReader {

  private FindingSeverityReader() {}

  static FindingSeverity read(Block entry) {
    String findingCase = entry.oneOf("finding", List.copyOf(FindingSeverity.DEFAULTS.keySet()), REQUIRED);
    Severity severity = entry.choice("severity", Severity.class, REQUIRED);
    return new FindingSeverity(findingCase, severity);
  }
}
