package org.plumbline.demo;

import java.time.LocalDate;
import java.util.List;
import org.plumbline.demo.DemoStory.Part;

/**
 * What happened on the shop floor, as the systems of record saw it: the MES inspection lots
 * and the ERP production postings derived from the same units, so both exports agree.
 */
record Production(List<Lot> lots, List<Posting> postings) {

  /** One MES inspection lot: units produced, how many were inspected, how many failed. */
  record Lot(String lotId, Part part, LocalDate productionDate, int produced, int inspected, int rejected) {

    boolean sampled() {
      return inspected < produced;
    }
  }

  /**
   * One ERP posting: a part's output on one day. {@code good + scrap} is that day's MES
   * production of the part; money is in cents so weekly sums are exact.
   */
  record Posting(LocalDate postingDate, Part part, int good, int scrap, long scrapCostCents, long reworkCostCents) {}
}
