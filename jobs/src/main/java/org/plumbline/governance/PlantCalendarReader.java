package org.plumbline.governance;

import static org.plumbline.governance.Block.Need.OPTIONAL;
import static org.plumbline.governance.Block.Need.REQUIRED;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;

/** Reads one entry of {@code calendars}. */
final class PlantCalendarReader {

  /** From fine to coarse; a source is compared at the common grain, so it must be at least as fine. */
  static final List<String> GRAINS = List.of("week", "month", "fiscal_period");
  static final List<String> FISCAL_PATTERNS = List.of("4-4-5", "4-5-4", "5-4-4");

  private PlantCalendarReader() {}

  static PlantCalendar read(Block entry) {
    String id = entry.text("id", REQUIRED);
    String zone = entry.text("timezone", REQUIRED);
    ZoneId timezone = null;
    if (zone != null) {
      try {
        timezone = ZoneId.of(zone);
      } catch (DateTimeException e) {
        entry.problem("timezone", "'" + zone + "' is not a time zone; write a region name such as Europe/Berlin or"
            + " America/Chicago.");
      }
    }
    String grain = entry.oneOf("common_grain", GRAINS, REQUIRED);
    Integer startMonth = entry.count("fiscal_year_start_month", OPTIONAL);
    if (startMonth != null && startMonth > 12) {
      entry.problem("fiscal_year_start_month", "The fiscal year starts in a month from 1 (January) to 12 (December),"
          + " not " + startMonth + ".");
    }
    String pattern = entry.oneOf("fiscal_pattern", FISCAL_PATTERNS, OPTIONAL);
    String reportingCurrency = SourceReader.currency(entry, "reporting_currency");
    return new PlantCalendar(id, timezone, grain, startMonth == null ? 1 : startMonth,
        pattern == null ? "4-4-5" : pattern, reportingCurrency);
  }
}
