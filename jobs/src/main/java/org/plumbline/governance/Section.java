package org.plumbline.governance;

import java.util.List;
import java.util.function.Function;

/**
 * A top-level section of the governance files: a list of entries of one kind.
 *
 * <p>To add a section (incentives, tensions, calendars…): write a reader that turns one entry's
 * {@link Block} into a record, add a constant here and to {@link #ALL}, then give
 * {@link GovernanceModel} the list and cross-check its references in {@link References}.
 */
final class Section<T> {

  static final Section<Department> DEPARTMENTS =
      new Section<>("departments", "code", "department", DepartmentReader::read);
  static final Section<Role> ROLES = new Section<>("roles", "id", "role", RoleReader::read);
  static final Section<Kpi> KPIS = new Section<>("kpis", "id", "KPI", KpiReader::read);
  static final Section<Policy> POLICIES = new Section<>("policies", "id", "policy", PolicyReader::read);
  static final Section<Source> SOURCES = new Section<>("sources", "id", "source", SourceReader::read);

  static final Section<Objective> OBJECTIVES =
      new Section<>("objectives", "id", "objective", ObjectiveReader::read);
  static final Section<IncentiveScheme> INCENTIVES =
      new Section<>("incentives", "id", "incentive scheme", IncentiveSchemeReader::read);
  static final Section<Tension> TENSIONS = new Section<>("tensions", "id", "tension", TensionReader::read);
  static final Section<Submission> SUBMISSIONS =
      new Section<>("submissions", "id", "submission", SubmissionReader::read);
  static final Section<Initiative> INITIATIVES =
      new Section<>("initiatives", "id", "initiative", InitiativeReader::read);
  static final Section<Deviation> DEVIATIONS = new Section<>("deviations", "id", "deviation", DeviationReader::read);
  static final Section<PlantCalendar> CALENDARS =
      new Section<>("calendars", "id", "calendar", PlantCalendarReader::read);
  static final Section<ExchangeRate> EXCHANGE_RATES =
      new Section<>("exchange_rates", "currency", "exchange rate", ExchangeRateReader::read);

  static final Section<ControlChart> CONTROL_CHARTS =
      new Section<>("control_charts", "kpi", "control chart", ControlChartReader::read);
  static final Section<ComplianceMirage> COMPLIANCE_MIRAGES =
      new Section<>("compliance_mirages", "id", "compliance mirage", ComplianceMirageReader::read);
  static final Section<PoorQualityCost> POOR_QUALITY_COSTS =
      new Section<>("poor_quality_costs", "category", "cost of poor quality", PoorQualityCostReader::read);
  static final Section<IncentiveCheck> INCENTIVE_CHECKS =
      new Section<>("incentive_checks", "id", "incentive check", IncentiveCheckReader::read);

  static final Section<ConfidentialColumn> CONFIDENTIALITY =
      new Section<>("confidentiality", "column", "confidential column", ConfidentialColumnReader::read);

  static final Section<FindingSeverity> FINDING_SEVERITIES =
      new Section<>("finding_severities", "finding", "finding severity", FindingSeverityReader::read);

  static final List<Section<?>> ALL = List.of(DEPARTMENTS, ROLES, KPIS, POLICIES, SOURCES, OBJECTIVES, INCENTIVES,
      TENSIONS, SUBMISSIONS, INITIATIVES, DEVIATIONS, CALENDARS, EXCHANGE_RATES, CONTROL_CHARTS, COMPLIANCE_MIRAGES,
      POOR_QUALITY_COSTS, INCENTIVE_CHECKS, CONFIDENTIALITY, FINDING_SEVERITIES);

  private final String name;
  private final String idKey;
  private final String noun;
  private final Function<Block, T> reader;

  /**
   * @param idKey the key that names an entry in problem locations ({@code kpis[scrap_cost]})
   * @param noun one entry, for messages ("KPI")
   * @param reader reads one entry; it reports its own problems and may return a partial record
   */
  private Section(String name, String idKey, String noun, Function<Block, T> reader) {
    this.name = name;
    this.idKey = idKey;
    this.noun = noun;
    this.reader = reader;
  }

  static Section<?> named(String name) {
    return ALL.stream().filter(section -> section.name.equals(name)).findFirst().orElse(null);
  }

  static List<String> names() {
    return ALL.stream().map(Section::name).toList();
  }

  String name() {
    return name;
  }

  String idKey() {
    return idKey;
  }

  String noun() {
    return noun;
  }

  T read(Block entry) {
    return reader.apply(entry);
  }
}
