package org.plumbline.governance;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Dates in the governance model that fall inside a period of the common grain, where the rule a
 * period is judged by does something its author may not expect (hunt 6a, G9). A period is judged by
 * the policy version in force on its first day (fct_policy_breach), so a version taking effect on
 * 1 January, a Friday, does not judge the week it falls in, and at the fiscal grain not the fiscal
 * period; and a deviation covers the periods that start within it (valid_from to expires_on), so
 * one valid from a Tuesday does not cover that week, and one expiring on a Wednesday covers all of
 * it. These are warnings for {@code config check}: the dates are valid, and may be meant.
 */
public final class PeriodBoundaryWarnings {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

  private PeriodBoundaryWarnings() {}

  public static List<String> of(GovernanceModel model) {
    CommonPeriods periods = new CommonPeriods(model.calendar());
    List<String> warnings = new ArrayList<>();
    model.policies().stream()
        .sorted(Comparator.comparing(Policy::id).thenComparing(Policy::effectiveFrom))
        .forEach(policy -> {
          LocalDate from = policy.effectiveFrom();
          LocalDate start = periods.startOf(from);
          if (!from.equals(start)) {
            warnings.add("Policy " + policy.id() + " version " + policy.version() + " takes effect on "
                + day(from) + ", inside the " + periods.noun() + " " + span(periods, from) + ". A period is"
                + " judged by the version in force on its first day, so " + judgedBefore(model, periods, policy, start)
                + " and version " + policy.version() + " judges from " + day(periods.endOf(from).plusDays(1))
                + ". To have it judge that " + periods.noun() + ", let it take effect on " + day(start) + ".");
          }
        });
    for (Deviation deviation : model.deviations()) {
      LocalDate from = deviation.validFrom();
      if (from != null && !from.equals(periods.startOf(from))) {
        warnings.add("Deviation " + deviation.id() + " is valid from " + day(from) + ", inside the " + periods.noun()
            + " " + span(periods, from) + ". A deviation covers the periods that start while it is valid, so it"
            + " does not cover that " + periods.noun() + "; from " + day(periods.startOf(from)) + " it would.");
      }
      LocalDate to = deviation.expiresOn();
      if (to != null && !to.equals(periods.endOf(to)) && (from == null || !periods.startOf(to).isBefore(from))) {
        warnings.add("Deviation " + deviation.id() + " expires on " + day(to) + ", inside the " + periods.noun()
            + " " + span(periods, to) + ". A deviation covers the periods that start while it is valid, so it"
            + " covers all of that " + periods.noun() + "; to end before it, let it expire on "
            + day(periods.startOf(to).minusDays(1)) + ".");
      }
    }
    return warnings;
  }

  /** What judges the period a version takes effect in: the version before it, or nothing. */
  private static String judgedBefore(GovernanceModel model, CommonPeriods periods, Policy policy,
      LocalDate periodStart) {
    return model.policies().stream()
        .filter(p -> p.id().equals(policy.id()) && p != policy && !p.effectiveFrom().isAfter(periodStart)
            && (p.effectiveTo() == null || !p.effectiveTo().isBefore(periodStart)))
        .findFirst()
        .map(p -> "that " + periods.noun() + " is judged by version " + p.version())
        .orElse("the policy does not judge that " + periods.noun());
  }

  private static String span(CommonPeriods periods, LocalDate day) {
    return "from " + day(periods.startOf(day)) + " to " + day(periods.endOf(day));
  }

  private static String day(LocalDate date) {
    return date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + DAY.format(date);
  }
}
