package org.plumbline.governance;

import java.time.ZoneId;

/**
 * The plant's calendar: its time zone (which decides whether a delivery was late), the grain at
 * which sources of different grains are compared, and the fiscal calendar.
 *
 * @param commonGrain week: daily, weekly and monthly sources are all rolled up to ISO weeks
 * @param fiscalYearStartMonth 1-12, the month the fiscal year starts in
 * @param fiscalPattern weeks per fiscal month within a quarter: 4-4-5, 4-5-4 or 5-4-4
 */
public record PlantCalendar(String id, ZoneId timezone, String commonGrain, int fiscalYearStartMonth,
    String fiscalPattern) {}
