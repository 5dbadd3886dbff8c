package org.plumbline.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.plumbline.demo.DemoStory.Range;
import org.plumbline.demo.Production.Posting;

/** The figures departments report about themselves, week by week. */
final class DepartmentReports {

  /** A row of Production's weekly KPI spreadsheet; units and scrap are the ERP's weekly sums. */
  record WeeklyKpi(IsoWeek week, long unitsProduced, double criticalPartsInspected, long scrapCostCents,
      BigDecimal outputPerShift) {}

  record Audit(LocalDate date, String area, String type, BigDecimal score) {}

  record LogisticsWeek(IsoWeek week, BigDecimal onTimePercent, BigDecimal freightCostEur) {}

  private final DemoStory story;

  DepartmentReports(DemoStory story) {
    this.story = story;
  }

  /**
   * Units and scrap cost are copied honestly from the ERP. The inspection figure is always
   * 1.0 (100%): the department never updated it when the line moved to sampling.
   */
  List<WeeklyKpi> weeklyKpis(Production production) {
    Map<IsoWeek, List<Posting>> byWeek = new TreeMap<>();
    for (Posting p : production.postings()) {
      byWeek.computeIfAbsent(IsoWeek.of(p.postingDate()), w -> new ArrayList<>()).add(p);
    }
    List<WeeklyKpi> rows = new ArrayList<>();
    for (IsoWeek week : story.weeks()) {
      List<Posting> postings = byWeek.getOrDefault(week, List.of());
      long units = postings.stream().mapToLong(Posting::good).sum();
      long scrapCents = postings.stream().mapToLong(Posting::scrapCostCents).sum();
      long shifts = postings.stream().map(Posting::postingDate).distinct().count()
          * story.calendar().shiftsPerDay();
      BigDecimal perShift = shifts == 0 ? BigDecimal.ZERO
          : BigDecimal.valueOf(units).divide(BigDecimal.valueOf(shifts), 1, RoundingMode.HALF_UP);
      rows.add(new WeeklyKpi(week, units, 1.0, scrapCents, perShift));
    }
    return rows;
  }

  List<Audit> audits(SplittableRandom random) {
    var audits = story.audits();
    List<Audit> rows = new ArrayList<>();
    List<IsoWeek> weeks = story.weeks();
    for (int i = 0; i < weeks.size(); i++) {
      rows.add(new Audit(auditDay(weeks.get(i)), audits.areas().get(i % audits.areas().size()),
          audits.types().get(i % audits.types().size()), draw(random, audits.score(), 1)));
    }
    return rows;
  }

  List<LogisticsWeek> logistics(SplittableRandom random) {
    var logistics = story.logistics();
    return story.weeks().stream()
        .map(w -> new LogisticsWeek(w, draw(random, logistics.onTimePercent(), 1),
            draw(random, logistics.freightCostEur(), 2)))
        .toList();
  }

  /** The audit day of the week, or the next working day of that week if it is a holiday. */
  private LocalDate auditDay(IsoWeek week) {
    LocalDate planned = week.day(story.audits().day());
    return story.workingDays(week).stream().filter(d -> !d.isBefore(planned)).findFirst().orElse(planned);
  }

  private static BigDecimal draw(SplittableRandom random, Range range, int decimals) {
    double value = range.min() + (range.max() - range.min()) * random.nextDouble();
    return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP);
  }
}
