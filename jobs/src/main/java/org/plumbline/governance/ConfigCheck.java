package org.plumbline.governance;

import java.nio.file.Path;
import java.util.List;

/** {@code plumbline config check}: reads the governance model and says, in a few lines, how it is. */
public final class ConfigCheck {

  /**
   * What the check found.
   *
   * @param text a summary when the model is valid, else every problem, one per line
   * @param problems empty when the model is valid
   * @param model the model read; null when it is not valid
   */
  public record Report(String text, List<ConfigProblem> problems, GovernanceModel model) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  private final GovernanceLoader loader;

  public ConfigCheck(GovernanceLoader loader) {
    this.loader = loader;
  }

  public ConfigCheck() {
    this(new GovernanceLoader());
  }

  public Report check(Path governanceDir) {
    try {
      GovernanceModel model = loader.load(governanceDir);
      return new Report(summary(model), List.of(), model);
    } catch (ConfigInvalidException e) {
      return new Report(e.getMessage(), e.problems(), null);
    }
  }

  static String summary(GovernanceModel model) {
    long policies = model.policies().stream().map(Policy::id).distinct().count();
    return "Governance model OK: " + count(model.departments().size(), "department", "departments") + ", "
        + count(model.roles().size(), "role", "roles") + ", "
        + count(model.kpis().size(), "KPI", "KPIs") + ", "
        + count(policies, "policy", "policies") + " (" + count(model.policies().size(), "version", "versions") + "), "
        + count(model.sources().size(), "source", "sources") + ";\n"
        + count(model.objectives().size(), "objective", "objectives") + ", "
        + count(model.incentives().size(), "incentive scheme", "incentive schemes") + ", "
        + count(model.tensions().size(), "tension", "tensions") + ", "
        + count(model.submissions().size(), "submission", "submissions") + ", "
        + count(model.initiatives().size(), "initiative", "initiatives") + ", "
        + count(model.deviations().size(), "approved deviation", "approved deviations") + ", "
        + count(model.exchangeRates().size(), "exchange rate", "exchange rates") + "; plant time zone "
        + model.calendar().timezone().getId() + ".\n"
        + "Config version " + model.configVersion() + ".";
  }

  private static String count(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }
}
