package org.plumbline.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Schedules are checked at start-up, naming the key, and tell their next fire time. */
class SchedulesTests {

  @Test
  void aScheduleTellsItsNextFireTimeInItsZone() {
    Schedules schedules = new Schedules(new ScheduleProperties(Map.of("nightly", "0 30 2 * * *"), "Europe/Berlin"),
        List.of("nightly"));
    Schedules.Schedule nightly = schedules.list().get(0);
    ZonedDateTime now = ZonedDateTime.now(ZoneId.of("Europe/Berlin"));
    assertThat(nightly.next().getZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    assertThat(nightly.next().getHour()).isEqualTo(2);
    assertThat(nightly.next().getMinute()).isEqualTo(30);
    assertThat(nightly.next()).isAfter(now).isBefore(now.plusDays(1).plusSeconds(1));
  }

  @Test
  void aBadCronOrAnUnknownJobFailsAtStartUpNamingTheKey() {
    assertThatThrownBy(() -> new Schedules(new ScheduleProperties(Map.of("nightly", "30 2 * * *"), null), List.of("nightly")))
        .hasMessageStartingWith("plumbline.schedule.nightly in config/application.yml is not a cron expression "
            + "(second minute hour day month weekday, e.g. \"0 30 2 * * *\"): '30 2 * * *'");
    assertThatThrownBy(() -> new Schedules(new ScheduleProperties(Map.of("nigthly", "0 30 2 * * *"), null), List.of("nightly")))
        .hasMessage("plumbline.schedule.nigthly in config/application.yml names no job; the jobs are [nightly].");
    assertThatThrownBy(() -> new Schedules(new ScheduleProperties(Map.of(), "Berlin"), List.of("nightly")))
        .hasMessage("plumbline.schedule-zone in config/application.yml is not a time zone such as Europe/Berlin: 'Berlin'.");
  }
}
