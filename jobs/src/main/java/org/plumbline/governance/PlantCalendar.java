package org.plumbline.governance;

import java.time.ZoneId;

/**
 * The plant's calendar: its time zone (which decides whether a delivery was late), the grain at
 * which sources of different grains are compared, and the fiscal calendar.
 *
 * @param commonGrain the grain self-reported and measured figures are compared at and policies
 *     judged at: week (ISO week), month (calendar month) or fiscal_period (a period of the fiscal
 *     calendar); finer sources are rolled up to it
 * @param fiscalYearStartMonth 1-12, the month the fiscal year starts in
 * @param fiscalPattern weeks per fiscal month within a quarter: 4-4-5, 4-5-4 or 5-4-4
 * @param reportingCurrency the currency money KPIs are stated in (ISO code), or null when every
 *     source books in one currency and nothing is converted
 */
public record PlantCalendar(String id, ZoneId timezone, String commonGrain, int fiscalYearStartMonth,
    String fiscalPattern, String reportingCurrency) {

  public PlantCalendar(String id, ZoneId timezone, String commonGrain, int fiscalYearStartMonth, String fiscalPattern) {
    this(id, timezone, commonGrain, fiscalYearStartMonth, fiscalPattern, null);
  }
}
