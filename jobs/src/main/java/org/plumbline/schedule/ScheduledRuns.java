package org.plumbline.schedule;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.plumbline.operations.PlainWords;
import org.plumbline.operations.RunControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.support.CronTrigger;

/**
 * Launches each scheduled job at its fire times while {@code serve} runs. A fire time that
 * finds a run still going on is skipped, never run beside it (DuckDB has one writer): the skip
 * is logged and shown on the console's schedules page.
 */
final class ScheduledRuns implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ScheduledRuns.class);

  private final Schedules schedules;
  private final RunControl runs;
  private final TaskScheduler scheduler;
  private final Map<String, String> lastOutcome = new ConcurrentHashMap<>();
  private volatile boolean running;

  ScheduledRuns(Schedules schedules, RunControl runs, TaskScheduler scheduler) {
    this.schedules = schedules;
    this.runs = runs;
    this.scheduler = scheduler;
  }

  @Override
  public void start() {
    for (Schedules.Schedule s : schedules.list()) {
      scheduler.schedule(() -> fire(s.job()), new CronTrigger(s.cron(), schedules.zone()));
      log.info("Scheduled job {} at '{}'", s.job(), s.cron());
    }
    running = true;
  }

  void fire(String job) {
    if (!running) {
      return;
    }
    try {
      long id = runs.launch(job, LocalDate.now(schedules.zone()));
      lastOutcome.put(job, "launched run " + id);
      log.info("Scheduled run {} of job {} launched", id, job);
    } catch (RuntimeException e) {
      String why = PlainWords.of(e);
      lastOutcome.put(job, "skipped: " + why);
      log.warn("Scheduled run of job {} skipped: {}", job, why);
    }
  }

  /** What the latest fire time of each job did. */
  Map<String, String> lastOutcome() {
    return Map.copyOf(lastOutcome);
  }

  @Override
  public void stop() {
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
