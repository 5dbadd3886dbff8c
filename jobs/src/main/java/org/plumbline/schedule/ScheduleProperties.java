package org.plumbline.schedule;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When each job runs by itself under {@code plumbline serve}: {@code plumbline.schedule.<job>} is
 * a Spring cron expression (second minute hour day month weekday), e.g. {@code 0 30 2 * * *} for
 * 02:30 every night, in the server's time zone unless {@code plumbline.schedule-zone} names one.
 */
@ConfigurationProperties("plumbline")
public record ScheduleProperties(Map<String, String> schedule, String scheduleZone) {

  public ScheduleProperties {
    schedule = schedule == null ? Map.of() : Map.copyOf(schedule);
  }
}
