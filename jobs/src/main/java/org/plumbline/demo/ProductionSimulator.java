package org.plumbline.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.plumbline.demo.DemoStory.Part;
import org.plumbline.demo.DemoStory.Phase;
import org.plumbline.demo.Production.Lot;
import org.plumbline.demo.Production.Posting;

/**
 * Plays the story's production forward day by day: lots, their inspection, rejects, process
 * scrap and rework. Inspection is full for critical parts except in sampling weeks; standard
 * parts are always sampled.
 */
final class ProductionSimulator {

  private static final DateTimeFormatter LOT_DATE = DateTimeFormatter.ofPattern("yyMMdd");

  private final DemoStory story;
  private final SplittableRandom random;

  ProductionSimulator(DemoStory story, SplittableRandom random) {
    this.story = story;
    this.random = random;
  }

  Production simulate() {
    List<Lot> lots = new ArrayList<>();
    List<Posting> postings = new ArrayList<>();
    for (IsoWeek week : story.weeks()) {
      Phase phase = story.phase(week);
      boolean sampling = story.inspection().isSampling(week);
      for (LocalDate day : story.workingDays(week)) {
        for (Part part : story.parts()) {
          List<Lot> dayLots = lots(part, day, phase, sampling);
          lots.addAll(dayLots);
          postings.add(posting(part, day, phase, dayLots));
        }
      }
    }
    return new Production(List.copyOf(lots), List.copyOf(postings));
  }

  private List<Lot> lots(Part part, LocalDate day, Phase phase, boolean sampling) {
    double volumeFactor = part.critical() ? phase.criticalVolumeFactor() : 1.0;
    double defectRate = part.defectRate() * (part.critical() ? phase.criticalDefectFactor() : 1.0);
    int units = (int) Math.round(uniform(part.unitsPerDay().min(), part.unitsPerDay().max()) * volumeFactor);
    int n = part.lotsPerDay();
    List<Lot> lots = new ArrayList<>(n);
    int left = units;
    for (int i = 0; i < n; i++) {
      // Lots differ a little in size; the last one takes what is left so the day adds up.
      int size = i == n - 1 ? left : (int) Math.round(units / (double) n * uniform(0.92, 1.08));
      left -= size;
      int inspected = inspected(part, size, sampling);
      String lotId = part.partNo() + "/" + LOT_DATE.format(day) + "-" + (i + 1);
      lots.add(new Lot(lotId, part, day, size, inspected, binomial(inspected, defectRate)));
    }
    return lots;
  }

  private int inspected(Part part, int produced, boolean sampling) {
    if (part.critical() && !sampling) {
      return produced;
    }
    var rate = part.critical() ? story.inspection().criticalSampleRate() : story.inspection().standardSampleRate();
    int sample = (int) Math.round(produced * uniform(rate.min(), rate.max()));
    // A sampled critical lot is always inspected less than fully, and at least one unit is looked at.
    return part.critical() ? Math.max(1, Math.min(produced - 1, sample)) : Math.min(produced, sample);
  }

  private Posting posting(Part part, LocalDate day, Phase phase, List<Lot> dayLots) {
    int produced = dayLots.stream().mapToInt(Lot::produced).sum();
    int rejected = dayLots.stream().mapToInt(Lot::rejected).sum();
    double scrapRate = part.scrapRate() * (part.critical() ? phase.criticalScrapFactor() : 1.0);
    // Rejects from inspection are scrapped too; process scrap comes on top.
    int scrap = rejected + binomial(produced - rejected, scrapRate);
    int good = produced - scrap;
    int reworked = binomial(good, part.reworkRate());
    return new Posting(day, part, good, scrap, scrap * cents(part.unitCostEur()),
        reworked * cents(part.reworkCostEur()));
  }

  private static long cents(BigDecimal eur) {
    return eur.movePointRight(2).longValueExact();
  }

  private double uniform(double min, double max) {
    return min == max ? min : min + (max - min) * random.nextDouble();
  }

  /** Counts successes one trial at a time: exact and cheap at a few hundred units per lot. */
  private int binomial(int trials, double p) {
    int hits = 0;
    for (int i = 0; i < trials; i++) {
      if (random.nextDouble() < p) {
        hits++;
      }
    }
    return hits;
  }
}
