package org.plumbline.governance;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The references of the strategic sections (objectives, incentives, tensions, submissions,
 * initiatives, deviations, calendars, exchange rates) to KPIs, roles, departments, sources and
 * policies; {@link References} checks the core sections and hands these over.
 */
final class ModelReferences {

  /** {@link References#mustExist}, so both report a missing name in the same words. */
  interface Check {
    boolean mustExist(Block block, String key, String name, Section<?> section, Set<String> known);
  }

  private final SectionEntries entries;
  private final Set<String> departments;
  private final Set<String> roles;
  private final Set<String> kpis;
  private final Set<String> sources;
  private final Set<String> policies = new HashSet<>();
  private final Check check;

  ModelReferences(SectionEntries entries, Set<String> departments, Set<String> roles, Set<String> kpis,
      Set<String> sources, Check check) {
    this.entries = entries;
    this.departments = departments;
    this.roles = roles;
    this.kpis = kpis;
    this.sources = sources;
    this.check = check;
    entries.values(Section.POLICIES).stream().map(Policy::id).filter(id -> id != null).forEach(policies::add);
  }

  void check() {
    for (Located<Objective> entry : entries.of(Section.OBJECTIVES)) {
      check.mustExist(entry.block(), "owner_role", entry.value().ownerRole(), Section.ROLES, roles);
      List<Objective.KeyResult> keyResults = entry.value().keyResults();
      for (int i = 0; i < keyResults.size(); i++) {
        check.mustExist(entry.block(), "key_results[" + i + "].kpi", keyResults.get(i).kpiId(), Section.KPIS, kpis);
      }
    }
    for (Located<IncentiveScheme> entry : entries.of(Section.INCENTIVES)) {
      check.mustExist(entry.block(), "role", entry.value().roleId(), Section.ROLES, roles);
      for (Map.Entry<String, Double> weight : entry.value().weights().entrySet()) {
        check.mustExist(entry.block(), "weights[" + weight.getKey() + "]", weight.getKey(), Section.KPIS, kpis);
      }
    }
    for (Located<Tension> entry : entries.of(Section.TENSIONS)) {
      check.mustExist(entry.block(), "kpis", entry.value().kpiA(), Section.KPIS, kpis);
      check.mustExist(entry.block(), "kpis", entry.value().kpiB(), Section.KPIS, kpis);
    }
    for (Located<Submission> entry : entries.of(Section.SUBMISSIONS)) {
      check.mustExist(entry.block(), "source", entry.value().sourceId(), Section.SOURCES, sources);
      check.mustExist(entry.block(), "department", entry.value().departmentCode(), Section.DEPARTMENTS, departments);
    }
    for (Located<Initiative> entry : entries.of(Section.INITIATIVES)) {
      check.mustExist(entry.block(), "owner_role", entry.value().ownerRole(), Section.ROLES, roles);
      for (String kpi : entry.value().kpiIds()) {
        check.mustExist(entry.block(), "target_kpis", kpi, Section.KPIS, kpis);
      }
    }
    for (Located<Deviation> entry : entries.of(Section.DEVIATIONS)) {
      check.mustExist(entry.block(), "policy", entry.value().policyId(), Section.POLICIES, policies);
      check.mustExist(entry.block(), "department", entry.value().departmentCode(), Section.DEPARTMENTS, departments);
      check.mustExist(entry.block(), "approved_by", entry.value().approvedBy(), Section.ROLES, roles);
    }
    List<Located<PlantCalendar>> calendars = entries.of(Section.CALENDARS);
    for (int i = 1; i < calendars.size(); i++) {
      calendars.get(i).block().problem("The governance model has one plant calendar; this is calendar number "
          + (i + 1) + ". Keep one entry under 'calendars'.");
    }
  }
}
