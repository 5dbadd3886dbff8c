package org.plumbline.nightly;

import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.plumbline.delivery.DeliverTasklet;
import org.plumbline.delivery.DeliveryProperties;
import org.plumbline.delivery.ReportDelivery;
import org.plumbline.governance.GovernanceModel;
import org.plumbline.ingest.IngestListener;
import org.plumbline.ingest.IngestTasklet;
import org.plumbline.lake.LakeTasklet;
import org.plumbline.operations.RunLiveness;
import org.plumbline.publish.PublishTasklet;
import org.plumbline.reconcile.ReconcileTasklet;
import org.plumbline.reconcile.Reissue;
import org.plumbline.report.ReportRenderer;
import org.plumbline.report.ReportTasklet;
import org.plumbline.system.PlumblineHome;
import org.plumbline.system.PlumblineProperties;
import org.plumbline.system.Warehouse;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.DefaultJobParametersValidator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The nightly job: load the inbox into the ledger, rebuild the reconciliation, render the
 * report, deliver it (workbook, e-mail; as configured), publish the analysts' snapshot, refresh
 * the Parquet lake. Delivery comes straight after the report so that executives get it even if
 * a later step fails, and a failed e-mail never holds back the rest: it is recorded and resent. Parameters: {@code asOf} (the date the run judges,
 * identifying) and {@code run} (a launch stamp, so the same date can be run again). A run as of
 * a date before an earlier run's re-issues a past report ({@link Reissue}): its files get their
 * own names, and it sends no e-mail and leaves the analysts' copy and the lake to the latest run.
 */
@Configuration(proxyBeanMethods = false)
class NightlyJobConfiguration {

  static final String JOB_NAME = "nightly";

  @Bean
  Job nightly(JobRepository jobRepository, Step ingest, Step reconcile, Step report, Step deliver, Step publish,
      Step lake, RunLiveness liveness) {
    return new JobBuilder(JOB_NAME, jobRepository)
        .validator(new DefaultJobParametersValidator(new String[] {"asOf"}, new String[] {"run"}))
        .listener(liveness)
        .start(ingest).next(reconcile).next(report).next(deliver).next(publish).next(lake)
        .build();
  }

  @Bean
  Step ingest(JobRepository jobRepository, PlatformTransactionManager transactionManager, PlumblineHome home,
      Warehouse warehouse, Supplier<GovernanceModel> governance, List<IngestListener> listeners, Clock clock) {
    return new StepBuilder("ingest", jobRepository)
        .tasklet(new IngestTasklet(home, warehouse, governance, listeners, clock), transactionManager)
        .build();
  }

  @Bean
  Step reconcile(JobRepository jobRepository, PlatformTransactionManager transactionManager, Warehouse warehouse,
      Supplier<GovernanceModel> governance, PlumblineProperties properties) {
    return new StepBuilder("reconcile", jobRepository)
        .tasklet(new ReconcileTasklet(warehouse, governance, properties.company()), transactionManager)
        .build();
  }

  @Bean
  Step report(JobRepository jobRepository, PlatformTransactionManager transactionManager, PlumblineHome home,
      Warehouse warehouse, PlumblineProperties properties, Clock clock) {
    ReportRenderer renderer = new ReportRenderer(properties.report().paperSize());
    return new StepBuilder("report", jobRepository)
        .tasklet(new ReportTasklet(home, warehouse, renderer, clock, properties.report().locale(),
            properties.report().period()), transactionManager)
        .build();
  }

  @Bean
  Step deliver(JobRepository jobRepository, PlatformTransactionManager transactionManager, PlumblineHome home,
      Warehouse warehouse, DeliveryProperties delivery, ReportDelivery reportDelivery) {
    return new StepBuilder("deliver", jobRepository)
        .tasklet(new DeliverTasklet(home, warehouse, delivery.xlsx(), reportDelivery), transactionManager)
        .build();
  }

  @Bean
  Step publish(JobRepository jobRepository, PlatformTransactionManager transactionManager, PlumblineHome home,
      Warehouse warehouse) {
    return new StepBuilder("publish", jobRepository)
        .tasklet(Reissue.leavesOut("The analysts' copy", new PublishTasklet(home, warehouse)), transactionManager)
        .build();
  }

  @Bean
  Step lake(JobRepository jobRepository, PlatformTransactionManager transactionManager, PlumblineHome home,
      Warehouse warehouse) {
    return new StepBuilder("lake", jobRepository)
        .tasklet(Reissue.leavesOut("The lake", new LakeTasklet(home, warehouse)), transactionManager)
        .build();
  }
}
