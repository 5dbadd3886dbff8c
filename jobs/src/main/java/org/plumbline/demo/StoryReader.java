package org.plumbline.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.plumbline.demo.DemoStory.Audits;
import org.plumbline.demo.DemoStory.ComplaintKind;
import org.plumbline.demo.DemoStory.ComplaintPhase;
import org.plumbline.demo.DemoStory.Complaints;
import org.plumbline.demo.DemoStory.Customer;
import org.plumbline.demo.DemoStory.Delivery;
import org.plumbline.demo.DemoStory.Expected;
import org.plumbline.demo.DemoStory.Inspection;
import org.plumbline.demo.DemoStory.Logistics;
import org.plumbline.demo.DemoStory.LotPool;
import org.plumbline.demo.DemoStory.OemIncident;
import org.plumbline.demo.DemoStory.Part;
import org.plumbline.demo.DemoStory.PartClass;
import org.plumbline.demo.DemoStory.Phase;
import org.plumbline.demo.DemoStory.Plant;
import org.plumbline.demo.DemoStory.Range;
import org.plumbline.demo.DemoStory.WorkCalendar;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reads {@code story.yml} into a {@link DemoStory} and checks that its parts fit together. */
final class StoryReader {

  private StoryReader() {}

  static DemoStory fromClasspath(String resource) {
    try (InputStream in = StoryReader.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("The demo story " + resource + " is missing from the build.");
      }
      return read(resource, in);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the demo story " + resource, e);
    }
  }

  static DemoStory read(String name, InputStream in) {
    YamlNode root = new YamlNode(name, "", new Yaml(new SafeConstructor(new LoaderOptions())).load(in));
    YamlNode weeks = root.get("weeks");
    DemoStory story = new DemoStory(
        root.get("company").text(),
        new Plant(root.get("plant").get("code").text(), root.get("plant").get("name").text()),
        ZoneId.of(root.get("timezone").text()),
        root.get("seed").longValue(),
        week(weeks.get("first")),
        week(weeks.get("last")),
        calendar(root.get("calendar")),
        root.get("parts").list().stream().map(StoryReader::part).toList(),
        root.get("phases").list().stream().map(StoryReader::phase).toList(),
        inspection(root.get("inspection")),
        complaints(root.get("complaints")),
        oemIncident(root.get("oem_incident")),
        audits(root.get("audits")),
        new Logistics(range(root.get("logistics").get("on_time_percent")),
            range(root.get("logistics").get("freight_cost_eur"))),
        deliveries(root.get("deliveries")),
        root.get("late_deliveries").list().stream().map(StoryReader::lateDelivery).toList(),
        root.get("resends").list().stream().map(StoryReader::resend).toList(),
        expected(root.get("expected")));
    StoryChecks.check(name, story);
    return story;
  }

  private static WorkCalendar calendar(YamlNode n) {
    Set<DayOfWeek> days = n.get("working_days").strings().stream()
        .map(StoryReader::dayOfWeek).collect(Collectors.toUnmodifiableSet());
    Set<LocalDate> holidays = n.get("holidays").strings().stream()
        .map(LocalDate::parse).collect(Collectors.toUnmodifiableSet());
    return new WorkCalendar(days, n.get("shifts_per_day").integer(), holidays);
  }

  private static Part part(YamlNode n) {
    return new Part(
        n.get("part_no").text(),
        n.get("name").text(),
        PartClass.valueOf(n.get("part_class").text()),
        n.get("line").text(),
        range(n.get("units_per_day")),
        n.get("lots_per_day").integer(),
        cents(n.get("unit_cost_eur")),
        cents(n.get("rework_cost_eur")),
        n.get("rework_rate").number(),
        n.get("scrap_rate").number(),
        n.get("defect_rate").number());
  }

  private static Phase phase(YamlNode n) {
    return new Phase(n.get("name").text(), week(n.get("from")), week(n.get("to")),
        n.get("critical_volume_factor").number(), n.get("critical_scrap_factor").number(),
        n.get("critical_defect_factor").number());
  }

  private static Inspection inspection(YamlNode n) {
    YamlNode sampling = n.get("sampling");
    return new Inspection(week(sampling.get("from")), week(sampling.get("to")),
        range(n.get("critical_sample_rate")), range(n.get("standard_sample_rate")));
  }

  private static Complaints complaints(YamlNode n) {
    List<ComplaintPhase> phases = n.get("phases").list().stream()
        .map(p -> new ComplaintPhase(week(p.get("from")), week(p.get("to")), p.get("per_week").number(),
            lotPool(p.get("lots"))))
        .toList();
    List<Customer> customers = n.get("customers").list().stream()
        .map(c -> new Customer(c.get("name").text(), c.get("contacts").strings()))
        .toList();
    Map<LotPool, List<ComplaintKind>> kinds = new EnumMap<>(LotPool.class);
    for (LotPool pool : LotPool.values()) {
      kinds.put(pool, n.get("kinds").get(pool.name().toLowerCase(Locale.ROOT)).list().stream()
          .map(k -> new ComplaintKind(k.get("category").text(), k.get("description").text()))
          .toList());
    }
    return new Complaints(range(n.get("lot_age_days")), phases, customers, Map.copyOf(kinds));
  }

  private static OemIncident oemIncident(YamlNode n) {
    return new OemIncident(week(n.get("week")), dayOfWeek(n.get("received_on").text()),
        n.get("customer").text(), n.get("contact").text(), n.get("part_no").text(),
        week(n.get("lot_week")), n.get("category").text(), n.get("defect_rate").number(),
        n.get("description").text());
  }

  private static Audits audits(YamlNode n) {
    return new Audits(dayOfWeek(n.get("day").text()), range(n.get("score")),
        n.get("areas").strings(), n.get("types").strings());
  }

  private static Map<String, Delivery> deliveries(YamlNode n) {
    Map<String, Delivery> deliveries = new LinkedHashMap<>();
    for (Object key : ((Map<?, ?>) n.value()).keySet()) {
      YamlNode d = n.get(String.valueOf(key));
      deliveries.put(String.valueOf(key),
          new Delivery(d.get("days_after_period").integer(), LocalTime.parse(d.get("at").text())));
    }
    return Map.copyOf(deliveries);
  }

  private static DemoStory.LateDelivery lateDelivery(YamlNode n) {
    return new DemoStory.LateDelivery(n.get("file").text(), n.get("days_after_period").integer(),
        LocalTime.parse(n.get("at").text()));
  }

  private static DemoStory.Resend resend(YamlNode n) {
    YamlNode polish = n.get("polish");
    return new DemoStory.Resend(n.get("file").text(), n.get("resent_as").text(),
        java.time.LocalDateTime.parse(n.get("received_at").text()), polish.get("column").text(),
        weeks(polish.get("weeks")), polish.get("factor").decimal());
  }

  private static Expected expected(YamlNode n) {
    return new Expected(n.get("breach_policy").text(), weeks(n.get("breached_weeks")),
        n.get("discrepancy_kpi").text(), n.get("discrepancy_department").text(),
        weeks(n.get("discrepancy_weeks")), n.get("late_submissions").strings(),
        n.get("revised_metric").text(), weeks(n.get("revised_weeks")), insights(n.get("insights")));
  }

  private static DemoStory.ExpectedInsights insights(YamlNode n) {
    return new DemoStory.ExpectedInsights(n.get("early_warning_kpi").text(), week(n.get("early_warning_before")),
        n.get("mirage_score_kpi").text(), n.get("mirage_watch_kpi").text(),
        n.get("accountability_gap_policies").strings(), n.get("triad_gap_departments").strings());
  }

  private static List<IsoWeek> weeks(YamlNode n) {
    return n.list().stream().map(StoryReader::week).toList();
  }

  private static IsoWeek week(YamlNode n) {
    try {
      return IsoWeek.parse(n.text());
    } catch (IllegalArgumentException e) {
      throw n.error("must be an ISO week such as 2025-W31");
    }
  }

  private static Range range(YamlNode n) {
    return new Range(n.get("min").number(), n.get("max").number());
  }

  /** Money is kept in whole cents, so sums stay exact. */
  private static BigDecimal cents(YamlNode n) {
    return n.decimal().setScale(2, RoundingMode.UNNECESSARY);
  }

  private static LotPool lotPool(YamlNode n) {
    return LotPool.valueOf(n.text().toUpperCase(Locale.ROOT));
  }

  private static DayOfWeek dayOfWeek(String text) {
    return DayOfWeek.valueOf(text.toUpperCase(Locale.ROOT));
  }
}
