package org.plumbline.schedule;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.scheduling.support.CronExpression;

/** The configured schedules, checked at start-up, with their next fire times. */
public final class Schedules {

  /** One job's schedule. */
  public record Schedule(String job, String cron, ZonedDateTime next) {}

  private final Map<String, CronExpression> crons = new TreeMap<>();
  private final Map<String, String> texts = new TreeMap<>();
  private final ZoneId zone;

  Schedules(ScheduleProperties properties, List<String> jobNames) {
    this.zone = zoneOf(properties.scheduleZone());
    List<String> problems = new ArrayList<>();
    properties.schedule().forEach((job, cron) -> {
      if (!jobNames.contains(job)) {
        problems.add("plumbline.schedule." + job + " in config/application.yml names no job; the jobs are "
            + jobNames.stream().sorted().toList() + ".");
        return;
      }
      try {
        crons.put(job, CronExpression.parse(cron.strip()));
        texts.put(job, cron.strip());
      } catch (IllegalArgumentException e) {
        problems.add("plumbline.schedule." + job + " in config/application.yml is not a cron expression "
            + "(second minute hour day month weekday, e.g. \"0 30 2 * * *\"): '" + cron + "' (" + e.getMessage() + ").");
      }
    });
    if (!problems.isEmpty()) {
      throw new org.plumbline.system.SettingsInvalidException(String.join(System.lineSeparator(), problems));
    }
  }

  private static ZoneId zoneOf(String name) {
    if (name == null || name.isBlank()) {
      return ZoneId.systemDefault();
    }
    try {
      return ZoneId.of(name.strip());
    } catch (RuntimeException e) {
      throw new org.plumbline.system.SettingsInvalidException("plumbline.schedule-zone in config/application.yml is not a time zone "
          + "such as Europe/Berlin: '" + name + "'.");
    }
  }

  public List<Schedule> list() {
    ZonedDateTime now = ZonedDateTime.now(zone);
    return crons.entrySet().stream()
        .map(e -> new Schedule(e.getKey(), texts.get(e.getKey()), e.getValue().next(now))).toList();
  }

  /** One line per schedule, for the serve command's start-up lines. */
  public List<String> describe() {
    if (crons.isEmpty()) {
      return List.of("none (set plumbline.schedule.<job> in config/application.yml)");
    }
    return list().stream().map(s -> s.job() + " at \"" + s.cron() + "\", next " + s.next()).toList();
  }

  CronExpression cron(String job) {
    return crons.get(job);
  }

  ZoneId zone() {
    return zone;
  }
}
