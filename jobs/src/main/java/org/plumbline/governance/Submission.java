package org.plumbline.governance;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A submission calendar entry: which department delivers which source for every period of a
 * frequency, and by when (days after the period ends, at a time of day in the plant's time zone).
 *
 * @param frequency week, month or quarter: the periods a delivery is expected for
 * @param effectiveTo last period start covered, or null while the calendar still holds
 * @param name what the report calls it ("Monthly production KPI workbook"), or null: the id
 */
public record Submission(String id, String sourceId, String departmentCode, String frequency, int dueDaysAfterPeriod,
    LocalTime dueTime, LocalDate effectiveFrom, LocalDate effectiveTo, String name) {}
