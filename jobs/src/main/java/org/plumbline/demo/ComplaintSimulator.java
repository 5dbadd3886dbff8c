package org.plumbline.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.plumbline.demo.DemoStory.ComplaintKind;
import org.plumbline.demo.DemoStory.ComplaintPhase;
import org.plumbline.demo.DemoStory.Customer;
import org.plumbline.demo.DemoStory.LotPool;
import org.plumbline.demo.DemoStory.OemIncident;
import org.plumbline.demo.Production.Lot;

/**
 * Draws the customer complaints the story calls for, each naming a real MES lot of its part,
 * and adds the OEM incident.
 */
final class ComplaintSimulator {

  private final DemoStory story;
  private final List<Lot> lots;
  private final SplittableRandom random;

  ComplaintSimulator(DemoStory story, Production production, SplittableRandom random) {
    this.story = story;
    this.lots = production.lots();
    this.random = random;
  }

  List<Complaint> simulate() {
    List<Complaint> drawn = new ArrayList<>();
    // The CRM exports calendar quarters of the story's year; days of week 1 that fall in the
    // previous December get no complaints, so no export for that quarter is needed.
    int year = story.firstWeek().day(DayOfWeek.THURSDAY).getYear();
    for (IsoWeek week : story.weeks()) {
      List<LocalDate> days = story.workingDays(week).stream().filter(d -> d.getYear() == year).toList();
      ComplaintPhase phase = phase(week);
      if (phase == null || days.isEmpty()) {
        continue;
      }
      int count = poisson(phase.perWeek());
      for (int i = 0; i < count; i++) {
        drawn.add(complaint(days.get(random.nextInt(days.size())), phase.lots()));
      }
    }
    drawn.add(oemIncident());
    // Numbered in the order they arrived, as a CRM would.
    drawn.sort(Comparator.comparing(Complaint::receivedDate));
    List<Complaint> numbered = new ArrayList<>(drawn.size());
    for (int i = 0; i < drawn.size(); i++) {
      Complaint c = drawn.get(i);
      numbered.add(new Complaint(String.format("CRM-%d-%04d", year, i + 1), c.receivedDate(), c.customer(),
          c.contactName(), c.partNo(), c.lotId(), c.category(), c.description(), c.defectRate()));
    }
    return List.copyOf(numbered);
  }

  private ComplaintPhase phase(IsoWeek week) {
    return story.complaints().phases().stream()
        .filter(p -> week.within(p.from(), p.to())).findFirst().orElse(null);
  }

  private Complaint complaint(LocalDate received, LotPool pool) {
    Lot lot = lotFor(received, pool);
    Customer customer = pick(story.complaints().customers());
    ComplaintKind kind = pick(story.complaints().kinds().get(pool));
    String description = kind.description()
        .replace("{count}", Integer.toString(2 + random.nextInt(13)))
        .replace("{lot}", lot.lotId());
    return new Complaint(null, received, customer.name(), pick(customer.contacts()), lot.part().partNo(),
        lot.lotId(), kind.category(), description, null);
  }

  /** A lot of the pool delivered lot_age_days before; nearer candidates if the story has none that old. */
  private Lot lotFor(LocalDate received, LotPool pool) {
    Predicate<Lot> inPool = pool == LotPool.ANY ? l -> true : l -> l.part().critical() && l.sampled();
    LocalDate newest = received.minusDays((long) story.complaints().lotAgeDays().min());
    LocalDate oldest = received.minusDays((long) story.complaints().lotAgeDays().max());
    List<Lot> candidates = lots.stream().filter(inPool)
        .filter(l -> !l.productionDate().isBefore(oldest) && !l.productionDate().isAfter(newest)).toList();
    if (candidates.isEmpty()) {
      candidates = lots.stream().filter(inPool).filter(l -> l.productionDate().isBefore(received)).toList();
    }
    if (candidates.isEmpty()) {
      throw new IllegalStateException("The story asks for a complaint on " + received + " about "
          + pool.name().toLowerCase(Locale.ROOT) + " lots, but no such lot was produced before that day.");
    }
    return pick(candidates);
  }

  private Complaint oemIncident() {
    OemIncident incident = story.oemIncident();
    Lot lot = lots.stream()
        .filter(l -> l.part().partNo().equals(incident.partNo()))
        .filter(l -> IsoWeek.of(l.productionDate()).equals(incident.lotWeek()))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("The OEM incident needs a lot of " + incident.partNo()
            + " produced in " + incident.lotWeek() + ", but there is none."));
    return new Complaint(null, incident.week().day(incident.receivedOn()), incident.customer(), incident.contact(),
        incident.partNo(), lot.lotId(), incident.category(), incident.description().replace("{lot}", lot.lotId()),
        incident.defectRate());
  }

  private <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  /** Knuth's method; fine for the small weekly means of the story. */
  private int poisson(double mean) {
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    int k = 0;
    while (product > limit) {
      product *= random.nextDouble();
      k++;
    }
    return k;
  }
}
