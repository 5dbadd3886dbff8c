package org.plumbline.governance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Names that must mean one thing: ids, department aliases, and the versions of a policy, of
 * which exactly one may be in force on any day.
 */
final class Uniqueness {

  private final SectionEntries entries;

  Uniqueness(SectionEntries entries) {
    this.entries = entries;
  }

  void check() {
    unique(Section.DEPARTMENTS, Department::code, "code");
    unique(Section.ROLES, Role::id, "id");
    unique(Section.KPIS, Kpi::id, "id");
    unique(Section.SOURCES, Source::id, "id");
    unique(Section.OBJECTIVES, Objective::id, "id");
    unique(Section.INCENTIVES, IncentiveScheme::id, "id");
    unique(Section.TENSIONS, Tension::id, "id");
    unique(Section.SUBMISSIONS, Submission::id, "id");
    unique(Section.INITIATIVES, Initiative::id, "id");
    unique(Section.DEVIATIONS, Deviation::id, "id");
    unique(Section.EXCHANGE_RATES, rate -> rate.currency() + "/" + rate.baseCurrency() + " in " + rate.month(),
        "month");
    unique(Section.CONTROL_CHARTS, ControlChart::kpiId, "kpi");
    unique(Section.COMPLIANCE_MIRAGES, ComplianceMirage::id, "id");
    unique(Section.POOR_QUALITY_COSTS, PoorQualityCost::category, "category");
    unique(Section.INCENTIVE_CHECKS, IncentiveCheck::id, "id");
    unique(Section.FINDING_SEVERITIES, FindingSeverity::findingCase, "finding");
    aliases();
    policyVersions();
  }

  private <T> void unique(Section<T> section, Function<T, String> id, String key) {
    Map<String, Located<T>> first = new HashMap<>();
    for (Located<T> entry : entries.of(section)) {
      String value = id.apply(entry.value());
      Located<T> earlier = value == null ? null : first.putIfAbsent(value, entry);
      if (earlier != null) {
        entry.block().problem(key, "The " + section.noun() + " " + key + " '" + value + "' is already used on "
            + where(earlier.block(), key) + "; each " + section.noun() + " needs its own " + key + ".");
      }
    }
  }

  /**
   * Files and an export's department column (a source's department_column) name a department by
   * its code, name or an alias, case aside; a name two departments share could not be assigned.
   */
  private void aliases() {
    Map<String, Located<Department>> byName = new HashMap<>();
    for (Located<Department> entry : entries.of(Section.DEPARTMENTS)) {
      if (entry.value().code() != null) {
        byName.putIfAbsent(entry.value().code().toLowerCase(Locale.ROOT), entry);
      }
    }
    for (Located<Department> entry : entries.of(Section.DEPARTMENTS)) {
      if (entry.value().name() != null) {
        sharedName(byName, entry, "name", entry.value().name());
      }
      for (String alias : entry.value().aliases()) {
        sharedName(byName, entry, "aliases", alias);
      }
    }
  }

  private static void sharedName(Map<String, Located<Department>> byName, Located<Department> entry, String key,
      String name) {
    Located<Department> other = byName.putIfAbsent(name.toLowerCase(Locale.ROOT), entry);
    if (other != null && other != entry) {
      entry.block().problem(key, "The " + (key.equals("name") ? "name" : "alias") + " '" + name
          + "' also names department " + other.value().code() + " (" + where(other.block(), "code")
          + "), so a file or a department column that uses it could not be assigned to one department.");
    }
  }

  private void policyVersions() {
    Map<String, List<Located<Policy>>> byId = new LinkedHashMap<>();
    for (Located<Policy> entry : entries.of(Section.POLICIES)) {
      if (entry.value().id() != null && entry.value().version() > 0) {
        byId.computeIfAbsent(entry.value().id(), id -> new ArrayList<>()).add(entry);
      }
    }
    for (List<Located<Policy>> versions : byId.values()) {
      Map<Integer, Located<Policy>> byVersion = new HashMap<>();
      List<Located<Policy>> dated = new ArrayList<>();
      for (Located<Policy> entry : versions) {
        Policy policy = entry.value();
        Located<Policy> earlier = byVersion.putIfAbsent(policy.version(), entry);
        if (earlier != null) {
          entry.block().problem("version", "Version " + policy.version() + " of policy " + policy.id()
              + " is already defined on " + where(earlier.block(), "version") + "; give this one a new version number.");
        } else if (policy.effectiveFrom() != null) {
          dated.add(entry);
        }
      }
      dated.sort(Comparator.comparing((Located<Policy> entry) -> entry.value().effectiveFrom()));
      for (int i = 0; i < dated.size(); i++) {
        for (int j = i + 1; j < dated.size(); j++) {
          overlap(dated.get(i), dated.get(j));
        }
      }
    }
  }

  /** Reported on the later-starting version, which is usually the new one being added. */
  private static void overlap(Located<Policy> earlier, Located<Policy> later) {
    Policy first = earlier.value();
    Policy second = later.value();
    if (second.effectiveFrom().isAfter(lastDay(first))) {
      return;
    }
    later.block().problem("effective_from", "Version " + second.version() + " of policy " + second.id() + " ("
        + span(second) + ") overlaps version " + first.version() + " (" + span(first) + ", "
        + where(earlier.block(), "effective_from") + "). Only one version may be in force on any day: end version "
        + first.version() + " the day before version " + second.version() + " starts.");
  }

  private static LocalDate lastDay(Policy policy) {
    return policy.effectiveTo() != null ? policy.effectiveTo() : LocalDate.MAX;
  }

  private static String span(Policy policy) {
    return "from " + policy.effectiveFrom() + (policy.effectiveTo() == null ? " with no end" : " to " + policy.effectiveTo());
  }

  private static String where(Block block, String key) {
    return "line " + block.line(key) + " of " + block.file().getFileName();
  }
}
