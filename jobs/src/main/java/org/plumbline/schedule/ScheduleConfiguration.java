package org.plumbline.schedule;

import java.util.List;
import javax.sql.DataSource;
import org.plumbline.operations.RunControl;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Schedules and alerts. Schedules are checked in every command (a typo fails at start-up naming
 * the key); they fire, and stuck runs are watched for, only under {@code plumbline serve}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ScheduleProperties.class, AlertProperties.class})
class ScheduleConfiguration {

  @Bean
  Schedules schedules(ScheduleProperties properties, List<Job> jobs) {
    return new Schedules(properties, jobs.stream().map(Job::getName).toList());
  }

  @Bean
  SentAlerts sentAlerts(DataSource dataSource) {
    return new SentAlerts(new JdbcTemplate(dataSource));
  }

  @Bean
  Alerter alerter(AlertProperties properties, ObjectProvider<JavaMailSender> mail, SentAlerts sent) {
    return new Alerter(properties, mail, sent);
  }

  /** Only the server schedules: a one-off command must not fire runs. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication
  static class Serving {

    @Bean(destroyMethod = "shutdown")
    ThreadPoolTaskScheduler plumblineScheduler() {
      ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
      scheduler.setPoolSize(1);
      scheduler.setThreadNamePrefix("plumbline-schedule-");
      scheduler.initialize();
      return scheduler;
    }

    @Bean
    ScheduledRuns scheduledRuns(Schedules schedules, RunControl runs, ThreadPoolTaskScheduler plumblineScheduler) {
      return new ScheduledRuns(schedules, runs, plumblineScheduler);
    }

    @Bean
    StuckRunWatch stuckRunWatch(JobRepository repository, List<Job> jobs, Alerter alerter, AlertProperties properties,
        ThreadPoolTaskScheduler plumblineScheduler) {
      StuckRunWatch watch = new StuckRunWatch(repository, jobs, alerter, properties.stuckAfter());
      plumblineScheduler.scheduleWithFixedDelay(watch::check, java.time.Duration.ofMinutes(1));
      return watch;
    }
  }
}
