package org.plumbline.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.plumbline.demo.DemoStory.Part;
import org.plumbline.demo.DemoStory.Phase;
import org.plumbline.demo.DemoStory.Range;

/**
 * Checks that a story can be told as written: an edit that leaves a week without a phase or
 * a sampling week without production would otherwise produce an inbox that quietly tells a
 * different story than {@code expected} says.
 */
final class StoryChecks {

  static final Set<String> SOURCES = Set.of("prod_weekly_kpis", "qual_audit_scores", "log_weekly_report",
      "mes_inspection_lots", "erp_production", "crm_complaints");

  private StoryChecks() {}

  static void check(String file, DemoStory story) {
    List<String> problems = new ArrayList<>();
    IsoWeek expectedStart = story.firstWeek();
    for (Phase phase : story.phases()) {
      if (!phase.from().equals(expectedStart) || phase.to().compareTo(phase.from()) < 0) {
        problems.add("phase '" + phase.name() + "' must start in " + expectedStart + " and not end before it starts");
      }
      expectedStart = phase.to().plusWeeks(1);
    }
    if (!expectedStart.equals(story.lastWeek().plusWeeks(1))) {
      problems.add("the phases must end in " + story.lastWeek());
    }
    for (Part part : story.parts()) {
      if (part.lotsPerDay() < 1 || part.unitsPerDay().min() < part.lotsPerDay() * 2) {
        problems.add("part " + part.partNo() + " needs at least one lot a day and two units per lot");
      }
      checkRange(problems, "units_per_day of " + part.partNo(), part.unitsPerDay(), 1, 1e6);
    }
    // Below 1, so a sampled lot of two or more units is always inspected less than fully.
    checkRange(problems, "critical_sample_rate", story.inspection().criticalSampleRate(), 0.01, 0.99);
    checkRange(problems, "standard_sample_rate", story.inspection().standardSampleRate(), 0.0, 1.0);
    for (IsoWeek week : story.samplingWeeks()) {
      if (story.workingDays(week).isEmpty()) {
        problems.add("sampling week " + week + " has no working day, so it has no production to sample");
      }
    }
    if (story.samplingWeeks().isEmpty()) {
      problems.add("the sampling period must lie within the story's weeks");
    }
    var incident = story.oemIncident();
    if (!story.inspection().isSampling(incident.lotWeek()) || !story.part(incident.partNo()).critical()) {
      problems.add("the OEM incident must be about a critical part from a sampling week");
    }
    if (incident.lotWeek().compareTo(incident.week()) >= 0) {
      problems.add("the OEM incident's lot must be produced before the complaint arrives");
    }
    if (!story.deliveries().keySet().equals(SOURCES)) {
      problems.add("deliveries must name exactly the sources " + SOURCES);
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(file + " does not tell a consistent story: "
          + String.join("; ", problems) + ".");
    }
  }

  private static void checkRange(List<String> problems, String what, Range range, double low, double high) {
    if (range.min() > range.max() || range.min() < low || range.max() > high) {
      problems.add(what + " must satisfy " + low + " <= min <= max <= " + high);
    }
  }
}
