package org.plumbline.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.plumbline.demo.DemoStory.Delivery;
import org.plumbline.demo.GeneratedInbox.GeneratedFile;

/**
 * Turns the demo story into the files departments and systems would have delivered to the
 * inbox over the year. The same story always gives the same content.
 */
public final class DemoInboxGenerator {

  private final DemoStory story;

  public DemoInboxGenerator(DemoStory story) {
    this.story = story;
  }

  /** Writes every file of the story into {@code inbox} (created if needed), replacing files of the same name. */
  public GeneratedInbox generate(Path inbox) {
    try {
      Files.createDirectories(inbox);
      SplittableRandom seed = new SplittableRandom(story.seed());
      // One stream per concern, split in a fixed order: drawing one more audit score must not
      // shift every lot and complaint after it.
      SplittableRandom productionRandom = seed.split();
      SplittableRandom complaintRandom = seed.split();
      SplittableRandom auditRandom = seed.split();
      SplittableRandom logisticsRandom = seed.split();

      Production production = new ProductionSimulator(story, productionRandom).simulate();
      List<Complaint> complaints = new ComplaintSimulator(story, production, complaintRandom).simulate();
      DepartmentReports reports = new DepartmentReports(story);

      List<WrittenFile> written = new ArrayList<>();
      List<DepartmentReports.WeeklyKpi> weeklyKpis = reports.weeklyKpis(production);
      KpiWorkbookWriter workbooks = new KpiWorkbookWriter(story);
      written.addAll(workbooks.write(inbox, weeklyKpis));
      for (DemoStory.Resend resend : story.resends()) {
        written.add(workbooks.resend(inbox, resend, weeklyKpis));
      }
      written.addAll(AuditCsvWriter.write(inbox, reports.audits(auditRandom)));
      written.addAll(LogisticsCsvWriter.write(inbox, reports.logistics(logisticsRandom)));
      try (DuckDbExport duckdb = DuckDbExport.open()) {
        written.addAll(MesParquetWriter.write(duckdb, inbox, production.lots()));
        written.addAll(ComplaintJsonWriter.write(duckdb, inbox, complaints));
      }
      written.addAll(ErpCsvWriter.write(inbox, story.plant().code(), production.postings()));
      return deliver(written);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the demo inbox " + inbox + ": " + e.getMessage(), e);
    } catch (SQLException e) {
      throw new IllegalStateException("DuckDB could not write a demo file into " + inbox + ": " + e.getMessage(), e);
    }
  }

  /** Dates each file to when it arrived, because the loader takes that as the time it was received. */
  private GeneratedInbox deliver(List<WrittenFile> written) throws IOException {
    Map<String, Integer> rows = new TreeMap<>();
    List<GeneratedFile> files = new ArrayList<>();
    for (WrittenFile file : written) {
      Instant receivedAt = receivedAt(file);
      Files.setLastModifiedTime(file.path(), FileTime.from(receivedAt));
      rows.merge(file.sourceId(), file.rows(), Integer::sum);
      files.add(new GeneratedFile(file.sourceId(), file.path(), file.rows(), receivedAt));
    }
    return new GeneratedInbox(Collections.unmodifiableMap(rows), List.copyOf(files));
  }

  /** The source's usual delivery, unless the story makes this file late or a resend. */
  private Instant receivedAt(WrittenFile file) {
    String name = file.path().getFileName().toString();
    for (DemoStory.Resend resend : story.resends()) {
      if (resend.resentAs().equals(name)) {
        return resend.receivedAt().atZone(story.timezone()).toInstant();
      }
    }
    Delivery delivery = story.deliveries().get(file.sourceId());
    int days = delivery.daysAfterPeriod();
    java.time.LocalTime at = delivery.at();
    for (DemoStory.LateDelivery late : story.lateDeliveries()) {
      if (late.file().equals(name)) {
        days = late.daysAfterPeriod();
        at = late.at();
      }
    }
    return file.periodEnd().plusDays(days).atTime(at).atZone(story.timezone()).toInstant();
  }
}
