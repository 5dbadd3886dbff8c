package org.plumbline.governance;

import java.util.List;

/**
 * The organisation's definitions as read from {@code config/governance/*.yml}: what its KPIs
 * mean, which policies hold, who owns them, and where each department's figures come from.
 *
 * @param configVersion SHA-256 over the governance files' names and bytes; stamps every run
 * @param controlCharts how KPI series are watched for early warnings (insights)
 * @param complianceMirages scores to hold against rising complaints, scrap or rework (insights)
 * @param poorQualityCosts where the money lost to poor quality is measured (insights)
 * @param incentiveChecks how much a bonus must reward a policy KPI it pulls against (insights)
 * @param confidentialColumns source columns holding personal or sensitive data (masked for analysts)
 */
public record GovernanceModel(
    String configVersion,
    List<Department> departments,
    List<Role> roles,
    List<Kpi> kpis,
    List<Policy> policies,
    List<Source> sources,
    List<ControlChart> controlCharts,
    List<ComplianceMirage> complianceMirages,
    List<PoorQualityCost> poorQualityCosts,
    List<IncentiveCheck> incentiveChecks,
    List<ConfidentialColumn> confidentialColumns) {

  /** A model without insight settings: no early warnings, mirages or cost of poor quality are computed. */
  public GovernanceModel(String configVersion, List<Department> departments, List<Role> roles, List<Kpi> kpis,
      List<Policy> policies, List<Source> sources) {
    this(configVersion, departments, roles, kpis, policies, sources, List.of(), List.of(), List.of(), List.of(),
        List.of());
  }

  public Source source(String id) {
    return sources.stream().filter(s -> s.id().equals(id)).findFirst().orElse(null);
  }
}
