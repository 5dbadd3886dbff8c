package org.plumbline.governance;

import java.util.List;

/**
 * The organisation's definitions as read from {@code config/governance/*.yml}: what its KPIs
 * mean, which policies hold, who owns them, and where each department's figures come from.
 *
 * @param configVersion SHA-256 over the governance files' names and bytes; stamps every run
 */
public record GovernanceModel(
    String configVersion,
    List<Department> departments,
    List<Role> roles,
    List<Kpi> kpis,
    List<Policy> policies,
    List<Source> sources) {

  public Source source(String id) {
    return sources.stream().filter(s -> s.id().equals(id)).findFirst().orElse(null);
  }
}
