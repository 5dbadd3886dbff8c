package org.plumbline.demo;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The demo story as read from {@code demo/story.yml}: the company, its parts, what happens in
 * which week, when each file is delivered, and what detection is expected to find.
 */
public record DemoStory(
    String company,
    Plant plant,
    ZoneId timezone,
    long seed,
    IsoWeek firstWeek,
    IsoWeek lastWeek,
    WorkCalendar calendar,
    List<Part> parts,
    List<Phase> phases,
    Inspection inspection,
    Complaints complaints,
    OemIncident oemIncident,
    Audits audits,
    Logistics logistics,
    Map<String, Delivery> deliveries,
    List<LateDelivery> lateDeliveries,
    List<Resend> resends,
    Expected expected) {

  public static final String RESOURCE = "demo/story.yml";

  /** The story shipped in the jar. */
  public static DemoStory load() {
    return StoryReader.fromClasspath(RESOURCE);
  }

  public List<IsoWeek> weeks() {
    List<IsoWeek> weeks = new ArrayList<>();
    for (IsoWeek w = firstWeek; w.compareTo(lastWeek) <= 0; w = w.plusWeeks(1)) {
      weeks.add(w);
    }
    return weeks;
  }

  /** The weeks in which critical parts are sampled instead of fully inspected. */
  public List<IsoWeek> samplingWeeks() {
    return weeks().stream().filter(inspection::isSampling).toList();
  }

  public Phase phase(IsoWeek week) {
    return phases.stream().filter(p -> week.within(p.from(), p.to())).findFirst()
        .orElseThrow(() -> new IllegalStateException("No phase of the story covers " + week + "."));
  }

  public Part part(String partNo) {
    return parts.stream().filter(p -> p.partNo().equals(partNo)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("The story has no part " + partNo + "."));
  }

  public List<LocalDate> workingDays(IsoWeek week) {
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate d = week.monday(); !d.isAfter(week.sunday()); d = d.plusDays(1)) {
      if (calendar.isWorkingDay(d)) {
        days.add(d);
      }
    }
    return days;
  }

  public record Plant(String code, String name) {}

  public record Range(double min, double max) {}

  public record WorkCalendar(Set<DayOfWeek> workingDays, int shiftsPerDay, Set<LocalDate> holidays) {
    public boolean isWorkingDay(LocalDate day) {
      return workingDays.contains(day.getDayOfWeek()) && !holidays.contains(day);
    }
  }

  public enum PartClass { CRITICAL, STANDARD }

  /** A part, its volumes and costs; rates are fractions of units. */
  public record Part(
      String partNo,
      String name,
      PartClass partClass,
      String line,
      Range unitsPerDay,
      int lotsPerDay,
      BigDecimal unitCostEur,
      BigDecimal reworkCostEur,
      double reworkRate,
      double scrapRate,
      double defectRate) {

    public boolean critical() {
      return partClass == PartClass.CRITICAL;
    }
  }

  /** A stretch of weeks; the factors apply to critical parts only. */
  public record Phase(
      String name, IsoWeek from, IsoWeek to,
      double criticalVolumeFactor, double criticalScrapFactor, double criticalDefectFactor) {}

  public record Inspection(
      IsoWeek samplingFrom, IsoWeek samplingTo, Range criticalSampleRate, Range standardSampleRate) {
    public boolean isSampling(IsoWeek week) {
      return week.within(samplingFrom, samplingTo);
    }
  }

  public enum LotPool { ANY, SAMPLED_CRITICAL }

  public record Complaints(
      Range lotAgeDays,
      List<ComplaintPhase> phases,
      List<Customer> customers,
      Map<LotPool, List<ComplaintKind>> kinds) {}

  public record ComplaintPhase(IsoWeek from, IsoWeek to, double perWeek, LotPool lots) {}

  public record Customer(String name, List<String> contacts) {}

  /** A kind of complaint; {@code {count}} and {@code {lot}} in the description are filled in. */
  public record ComplaintKind(String category, String description) {}

  public record OemIncident(
      IsoWeek week, DayOfWeek receivedOn, String customer, String contact, String partNo,
      IsoWeek lotWeek, String category, double defectRate, String description) {}

  public record Audits(DayOfWeek day, Range score, List<String> areas, List<String> types) {}

  public record Logistics(Range onTimePercent, Range freightCostEur) {}

  /** A file arrives this many days after the last day it describes, at this local time. */
  public record Delivery(int daysAfterPeriod, LocalTime at) {}

  /** One file that arrives later than its source's usual delivery. */
  public record LateDelivery(String file, int daysAfterPeriod, LocalTime at) {}

  /**
   * A workbook sent again under a new name, with some weeks of one column "polished" by a
   * factor: a retroactive revision of figures already delivered.
   */
  public record Resend(String file, String resentAs, java.time.LocalDateTime receivedAt, String column,
      List<IsoWeek> weeks, BigDecimal factor) {}

  /**
   * What detection must find: policy breaches and reporting discrepancies by week, late
   * submissions by finding key, and the revised weeks of one self-reported metric.
   */
  public record Expected(
      String breachPolicy,
      List<IsoWeek> breachedWeeks,
      String discrepancyKpi,
      String discrepancyDepartment,
      List<IsoWeek> discrepancyWeeks,
      List<String> lateSubmissions,
      String revisedMetric,
      List<IsoWeek> revisedWeeks,
      ExpectedInsights insights) {}

  /**
   * What the insight findings must show: an early warning on a KPI before a given week, a
   * compliance mirage of a score against a watched KPI, the policies whose owner cannot pause
   * the process, and the departments that report only part of the triad.
   */
  public record ExpectedInsights(
      String earlyWarningKpi,
      IsoWeek earlyWarningBefore,
      String mirageScoreKpi,
      String mirageWatchKpi,
      List<String> accountabilityGapPolicies,
      List<String> triadGapDepartments) {}
}
