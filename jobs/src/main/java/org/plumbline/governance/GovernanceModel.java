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
 * @param findingSeverities severities of the finding types no policy rates, where the model overrides the defaults
 */
public record GovernanceModel(
    String configVersion,
    List<Department> departments,
    List<Role> roles,
    List<Kpi> kpis,
    List<Policy> policies,
    List<Source> sources,
    List<Objective> objectives,
    List<IncentiveScheme> incentives,
    List<Tension> tensions,
    List<Submission> submissions,
    List<Initiative> initiatives,
    List<Deviation> deviations,
    List<PlantCalendar> calendars,
    List<ExchangeRate> exchangeRates,
    List<ControlChart> controlCharts,
    List<ComplianceMirage> complianceMirages,
    List<PoorQualityCost> poorQualityCosts,
    List<IncentiveCheck> incentiveChecks,
    List<ConfidentialColumn> confidentialColumns,
    List<FindingSeverity> findingSeverities,
    List<ConfigFile> files) {

  /** One governance file as the run read it, kept so every config version can be shown again. */
  public record ConfigFile(String name, String text) {}

  /** The model with the default finding severities. */
  public GovernanceModel(String configVersion, List<Department> departments, List<Role> roles, List<Kpi> kpis,
      List<Policy> policies, List<Source> sources, List<Objective> objectives, List<IncentiveScheme> incentives,
      List<Tension> tensions, List<Submission> submissions, List<Initiative> initiatives, List<Deviation> deviations,
      List<PlantCalendar> calendars, List<ExchangeRate> exchangeRates, List<ControlChart> controlCharts,
      List<ComplianceMirage> complianceMirages, List<PoorQualityCost> poorQualityCosts,
      List<IncentiveCheck> incentiveChecks, List<ConfidentialColumn> confidentialColumns, List<ConfigFile> files) {
    this(configVersion, departments, roles, kpis, policies, sources, objectives, incentives, tensions, submissions,
        initiatives, deviations, calendars, exchangeRates, controlCharts, complianceMirages, poorQualityCosts,
        incentiveChecks, confidentialColumns, List.of(), files);
  }

  /** The model without the newer sections, for tests and callers that build one by hand. */
  public GovernanceModel(String configVersion, List<Department> departments, List<Role> roles, List<Kpi> kpis,
      List<Policy> policies, List<Source> sources) {
    this(configVersion, departments, roles, kpis, policies, sources, List.of(), List.of(), List.of(), List.of(),
        List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
        List.of());
  }

  /** The plant's calendar; a model without one is judged in UTC at the ISO-week grain. */
  public PlantCalendar calendar() {
    return calendars.isEmpty()
        ? new PlantCalendar("default", java.time.ZoneId.of("UTC"), "week", 1, "4-4-5")
        : calendars.get(0);
  }

  /** Every finding case with its severity: the model's own where it names one, else the default. */
  public java.util.Map<String, Policy.Severity> findingSeverityByCase() {
    java.util.Map<String, Policy.Severity> severities = new java.util.LinkedHashMap<>(FindingSeverity.DEFAULTS);
    findingSeverities.forEach(s -> severities.put(s.findingCase(), s.severity()));
    return severities;
  }

  public Source source(String id) {
    return sources.stream().filter(s -> s.id().equals(id)).findFirst().orElse(null);
  }
}
