package org.plumbline.operations;

import java.util.List;
import java.util.function.Supplier;
import org.plumbline.governance.GovernanceModel;
import org.plumbline.system.PlumblineHome;
import org.plumbline.system.Warehouse;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Run control shared by the command line, the console and the scheduler. */
@Configuration(proxyBeanMethods = false)
class OperationsConfiguration {

  @Bean
  RunProgress runProgress() {
    return new RunProgress();
  }

  @Bean
  RunControl runControl(JobRepository repository, JobOperator operator, List<Job> jobs,
      ObjectProvider<Warehouse> warehouse, Supplier<GovernanceModel> governance, PlumblineHome home,
      RunProgress progress, ObjectProvider<RunEndListener> listeners) {
    return new RunControl(repository, operator, jobs, warehouse, governance, home, progress,
        listeners.orderedStream().toList());
  }

  @Bean
  RunHistory runHistory(JobRepository repository) {
    return new RunHistory(repository);
  }

  @Bean
  GracefulStop gracefulStop(RunControl runs) {
    return new GracefulStop(runs);
  }
}
