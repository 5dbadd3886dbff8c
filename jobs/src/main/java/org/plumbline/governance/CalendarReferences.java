package org.plumbline.governance;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.plumbline.governance.Source.PeriodSpec.Grain;

/**
 * Cross-checks against the plant calendar: every source is at least as fine as the common grain
 * it is compared at, and every currency a source declares can be converted into the reporting
 * currency, which money KPIs are stated in.
 */
final class CalendarReferences {

  private final SectionEntries entries;

  CalendarReferences(SectionEntries entries) {
    this.entries = entries;
  }

  void check() {
    List<Located<PlantCalendar>> calendars = entries.of(Section.CALENDARS);
    PlantCalendar calendar = calendars.isEmpty() ? null : calendars.get(0).value();
    String commonGrain = calendar == null || calendar.commonGrain() == null ? "week" : calendar.commonGrain();
    String reporting = calendar == null ? null : calendar.reportingCurrency();
    Set<String> convertible = new TreeSet<>();
    for (ExchangeRate rate : entries.values(Section.EXCHANGE_RATES)) {
      if (rate.baseCurrency() != null && rate.baseCurrency().equals(reporting)) {
        convertible.add(rate.currency());
      }
    }
    for (Located<Source> entry : entries.of(Section.SOURCES)) {
      grain(entry, commonGrain);
      currencies(entry, reporting, convertible);
    }
    if (reporting != null) {
      for (Located<Kpi> entry : entries.of(Section.KPIS)) {
        String unit = entry.value().unit();
        if (MoneyColumns.isCurrencyUnit(unit) && !unit.equals(reporting)) {
          entry.block().problem("unit", "The KPI is stated in " + unit + ", but money is reported in " + reporting
              + " (calendars: reporting_currency); state it in " + reporting + " and let each source declare the"
              + " currency it books in.");
        }
      }
      for (Located<ExchangeRate> entry : entries.of(Section.EXCHANGE_RATES)) {
        String base = entry.value().baseCurrency();
        if (base != null && !base.equals(reporting)) {
          entry.block().problem("base", "The rate converts into " + base + ", but money is reported in " + reporting
              + " (calendars: reporting_currency); give rates with base " + reporting + ".");
        }
      }
    }
  }

  /** A monthly source cannot be split into weeks, nor a calendar month into fiscal periods. */
  private static void grain(Located<Source> entry, String commonGrain) {
    grain(entry.value().period(), entry.block().child("period"), "source", commonGrain);
    // A table of a sheet of several may state its own grain (a monthly table below a weekly one).
    List<Block> tableBlocks = entry.block().lists("tables");
    List<Source.Table> tables = entry.value().tables();
    for (int i = 0; i < Math.min(tableBlocks.size(), tables.size()); i++) {
      Block tableBlock = tableBlocks.get(i);
      if (tableBlock != null) {
        grain(tables.get(i).period(), tableBlock.child("period"), "table", commonGrain);
      }
    }
  }

  private static void grain(Source.PeriodSpec period, Block periodBlock, String what, String commonGrain) {
    if (period == null || period.grain() == null || periodBlock == null) {
      return;
    }
    boolean coarser = period.grain() == Grain.MONTH && !commonGrain.equals("month");
    if (coarser) {
      periodBlock.problem("grain", "The " + what + " delivers one value per month, but figures are compared per "
          + describe(commonGrain) + " (calendars: common_grain: " + commonGrain + "), and a month cannot be split"
          + " into " + describe(commonGrain) + "s. Ask for the figures per week or day, or compare per month"
          + " (common_grain: month).");
    }
  }

  private static String describe(String grain) {
    return switch (grain) {
      case "week" -> "ISO week";
      case "fiscal_period" -> "fiscal period";
      default -> grain;
    };
  }

  private static void currencies(Located<Source> entry, String reporting, Set<String> convertible) {
    Source source = entry.value();
    currency(entry.block(), "currency", source.currency(), reporting, convertible);
    metricCurrencies(entry.block(), source.metrics(), reporting, convertible);
    // A table of a sheet of several may list its own metrics, each with its own currency.
    List<Block> tableBlocks = entry.block().lists("tables");
    for (int i = 0; i < Math.min(tableBlocks.size(), source.tables().size()); i++) {
      List<Source.SourceMetric> own = source.tables().get(i).metrics();
      if (tableBlocks.get(i) != null && own != null) {
        metricCurrencies(tableBlocks.get(i), own, reporting, convertible);
      }
    }
  }

  private static void metricCurrencies(Block owner, List<Source.SourceMetric> metrics, String reporting,
      Set<String> convertible) {
    List<Block> metricBlocks = owner.lists("metrics");
    for (int i = 0; i < metrics.size() && i < metricBlocks.size(); i++) {
      Block metricBlock = metricBlocks.get(i);
      if (metricBlock != null) {
        currency(metricBlock, "currency", metrics.get(i).currency(), reporting, convertible);
      }
    }
  }

  private static void currency(Block block, String key, String currency, String reporting, Set<String> convertible) {
    if (currency == null) {
      return;
    }
    if (reporting == null) {
      block.problem(key, "Money here is in " + currency + ", but the model names no reporting currency to add it up"
          + " in: add reporting_currency (for example EUR) to the plant calendar (calendars).");
    } else if (!currency.equals(reporting) && !convertible.contains(currency)) {
      block.problem(key, "Money here is in " + currency + ", but exchange_rates has no rate from " + currency
          + " to the reporting currency " + reporting + "; add one per month, such as { currency: " + currency
          + ", base: " + reporting + ", month: 2025-01, rate: 0.92 }.");
    }
  }
}
