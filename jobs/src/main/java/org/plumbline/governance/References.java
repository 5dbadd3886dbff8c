package org.plumbline.governance;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.plumbline.governance.Source.Kind;

/** Every name one entry uses for another (a KPI's owner role, a policy's KPI…) must exist. */
final class References {

  private final SectionEntries entries;
  private final Set<String> departments;
  private final Set<String> roles;
  private final Set<String> kpis;
  private final Map<String, Source> sources = new HashMap<>();

  References(SectionEntries entries) {
    this.entries = entries;
    this.departments = ids(Section.DEPARTMENTS, Department::code);
    this.roles = ids(Section.ROLES, Role::id);
    this.kpis = ids(Section.KPIS, Kpi::id);
    for (Source source : entries.values(Section.SOURCES)) {
      if (source.id() != null) {
        sources.putIfAbsent(source.id(), source);
      }
    }
  }

  void check() {
    for (Located<Department> entry : entries.of(Section.DEPARTMENTS)) {
      entry.value().localKpiNames().forEach((localName, kpi) -> {
        if (!kpis.contains(kpi)) {
          entry.block().problem("local_kpi_names[" + localName + "]", "Department " + entry.value().code()
              + " maps its name '" + localName + "' to the KPI '" + kpi + "', which is not in the KPI catalogue ("
              + entries.whereToLook(Section.KPIS) + ")." + Suggestions.didYouMean(kpi, kpis));
        }
      });
    }
    for (Located<Role> entry : entries.of(Section.ROLES)) {
      mustExist(entry.block(), "department", entry.value().departmentCode(), Section.DEPARTMENTS, departments);
    }
    for (Located<Kpi> entry : entries.of(Section.KPIS)) {
      mustExist(entry.block(), "owner_role", entry.value().ownerRole(), Section.ROLES, roles);
      Block measuredBy = entry.block().child("measured_by");
      if (entry.value().measuredBy() != null && measuredBy != null) {
        measurement(measuredBy, entry.value().measuredBy());
      }
    }
    for (Located<Policy> entry : entries.of(Section.POLICIES)) {
      mustExist(entry.block(), "kpi", entry.value().kpiId(), Section.KPIS, kpis);
      mustExist(entry.block(), "owner_role", entry.value().ownerRole(), Section.ROLES, roles);
    }
    for (Located<Source> entry : entries.of(Section.SOURCES)) {
      mustExist(entry.block(), "department", entry.value().departmentCode(), Section.DEPARTMENTS, departments);
    }
    new ModelReferences(entries, departments, roles, kpis, sources.keySet(), this::mustExist).check();
    new InsightReferences(entries, kpis, roles, sources).check();
    new ConfidentialityReferences(entries, sources).check();
    new CalendarReferences(entries).check();
    deviationScopes();
  }

  /**
   * A deviation limited to a part, part class or lot can only cover a breach if the source that
   * measures the policy's KPI says which of its columns holds that attribute (on a sheet of
   * several tables, in any of its tables).
   */
  private void deviationScopes() {
    Map<String, Kpi> kpisById = new HashMap<>();
    entries.values(Section.KPIS).forEach(kpi -> kpisById.putIfAbsent(kpi.id(), kpi));
    for (Located<Deviation> entry : entries.of(Section.DEVIATIONS)) {
      Deviation deviation = entry.value();
      for (Policy policy : entries.values(Section.POLICIES)) {
        Kpi kpi = policy.id() == null || !policy.id().equals(deviation.policyId()) ? null : kpisById.get(policy.kpiId());
        Source source = kpi == null || kpi.measuredBy() == null ? null : sources.get(kpi.measuredBy().sourceId());
        if (source == null) {
          continue;
        }
        for (String attribute : deviation.scope().keySet()) {
          if (!source.readsAttribute(attribute)) {
            entry.block().problem("scope[" + attribute + "]", "The deviation is limited to a " + attribute + ", but"
                + " source '" + source.id() + "', which measures " + kpi.id() + " for policy " + policy.id()
                + ", does not say which of its columns holds " + attribute + " (its attributes"
                + (source.tables().isEmpty() ? "" : ", or any of its tables' attributes")
                + "), so no row could be told apart as covered.");
          }
        }
        break;
      }
    }
  }

  private void measurement(Block block, Measurement measurement) {
    if (!mustExist(block, "source", measurement.sourceId(), Section.SOURCES, sources.keySet())) {
      return;
    }
    Source source = sources.get(measurement.sourceId());
    if (source.kind() == Kind.SELF_REPORTED) {
      block.problem("source", "The measurement names source '" + source.id() + "', which is self-reported; a KPI is"
          + " measured from a system of record, against which the self-reported figures are checked.");
    }
    MetricReferences.mustBeMetric(block, "numerator", measurement.numerator(), source);
    MetricReferences.mustBeMetric(block, "denominator", measurement.denominator(), source);
    for (String attribute : measurement.filter().keySet()) {
      if (!source.readsAttribute(attribute)) {
        block.problem("filter[" + attribute + "]", "The filter uses " + attribute + ", but source '" + source.id()
            + "' does not say which of its columns holds " + attribute + " (add it to the source's attributes"
            + (source.tables().isEmpty() ? "" : ", or to those of the table whose rows carry it") + ").");
      }
    }
  }

  /** Reports a name that does not exist; true when the name is given and exists. */
  boolean mustExist(Block block, String key, String name, Section<?> section, Set<String> known) {
    if (name == null) {
      return false;
    }
    if (known.contains(name)) {
      return true;
    }
    block.problem(key, "The " + block.noun() + " names " + what(section) + " '" + name + "', which is not "
        + among(section) + " (" + entries.whereToLook(section) + ")." + Suggestions.didYouMean(name, known));
    return false;
  }

  private static String what(Section<?> section) {
    return section == Section.ROLES ? "owner role" : section.noun();
  }

  private static String among(Section<?> section) {
    return section == Section.KPIS ? "in the KPI catalogue" : "among the " + section.name();
  }

  private <T> Set<String> ids(Section<T> section, Function<T, String> id) {
    Set<String> ids = new TreeSet<>();
    for (T value : entries.values(section)) {
      if (id.apply(value) != null) {
        ids.add(id.apply(value));
      }
    }
    return ids;
  }
}
