package org.plumbline.governance;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import org.plumbline.governance.DimensionLoader.Rows;
import org.plumbline.system.SqlScript;

/**
 * Writes the strategic sections of the governance model (objectives, incentives, tensions,
 * submissions, initiatives, deviations, calendar, exchange rates) into their {@code dim_*}
 * tables, inside the transaction of {@link DimensionLoader}.
 */
final class StrategyDimensions {

  static final String DDL = "sql/dimensions/strategy.sql";

  private StrategyDimensions() {}

  static void load(Connection duckdb, GovernanceModel model) throws SQLException {
    SqlScript.execute(duckdb, DDL);
    Rows objectives = new Rows();
    Rows keyResults = new Rows();
    for (Objective objective : model.objectives()) {
      objectives.add(objective.id(), objective.statement(), objective.ownerRole());
      objective.keyResults().forEach(kr -> keyResults.add(objective.id(), kr.kpiId(), kr.target()));
    }
    objectives.insert(duckdb, "insert into dim_objective values (?, ?, ?)");
    keyResults.insert(duckdb, "insert into dim_objective_key_result values (?, ?, ?)");

    Rows schemes = new Rows();
    Rows weights = new Rows();
    for (IncentiveScheme scheme : model.incentives()) {
      schemes.add(scheme.id(), scheme.roleId(), scheme.period(), scheme.effectiveFrom(), scheme.effectiveTo());
      scheme.weights().forEach((kpi, weight) -> weights.add(scheme.id(), kpi, weight));
    }
    schemes.insert(duckdb, "insert into dim_incentive_scheme values (?, ?, ?, ?, ?)");
    weights.insert(duckdb, "insert into dim_incentive_weight values (?, ?, ?)");

    Rows tensions = new Rows();
    model.tensions().forEach(t -> tensions.add(t.id(), t.kpiA(), t.kpiB(), t.explanation()));
    tensions.insert(duckdb, "insert into dim_tension values (?, ?, ?, ?)");

    Rows submissions = new Rows();
    model.submissions().forEach(s -> submissions.add(s.id(), s.sourceId(), s.departmentCode(), s.frequency(),
        s.dueDaysAfterPeriod(), s.dueTime().toString(), s.effectiveFrom(), s.effectiveTo(), s.name()));
    submissions.insert(duckdb, "insert into dim_submission values (?, ?, ?, ?, ?, ?::time, ?, ?, ?)");

    Rows initiatives = new Rows();
    Rows initiativeKpis = new Rows();
    for (Initiative initiative : model.initiatives()) {
      initiatives.add(initiative.id(), initiative.name(), initiative.kind(), initiative.startDate(),
          initiative.expectedEffect(), initiative.ownerRole());
      initiative.kpiIds().forEach(kpi -> initiativeKpis.add(initiative.id(), kpi));
    }
    initiatives.insert(duckdb, "insert into dim_initiative values (?, ?, ?, ?, ?, ?)");
    initiativeKpis.insert(duckdb, "insert into dim_initiative_kpi values (?, ?)");

    Rows deviations = new Rows();
    model.deviations().forEach(d -> deviations.add(d.id(), d.policyId(), d.departmentCode(), d.reason(),
        d.approvedBy(), d.approvedOn(), d.validFrom(), d.expiresOn(), d.scope().get("part_id"),
        d.scope().get("part_class"), d.scope().get("lot_id")));
    deviations.insert(duckdb, "insert into dim_deviation values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");

    PlantCalendar calendar = model.calendar();
    Rows calendars = new Rows();
    calendars.add(calendar.id(), calendar.timezone().getId(), calendar.commonGrain(), calendar.fiscalYearStartMonth(),
        calendar.fiscalPattern(), calendar.reportingCurrency());
    calendars.insert(duckdb, "insert into dim_calendar values (?, ?, ?, ?, ?, ?)");

    Rows rates = new Rows();
    model.exchangeRates().forEach(r -> rates.add(r.currency(), r.baseCurrency(),
        LocalDate.of(r.month().getYear(), r.month().getMonth(), 1), r.rate()));
    rates.insert(duckdb, "insert into dim_exchange_rate values (?, ?, ?, ?)");
  }
}
