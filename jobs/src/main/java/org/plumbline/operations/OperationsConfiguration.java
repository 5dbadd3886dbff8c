package org.plumbline.operations;

import java.sql.SQLException;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.plumbline.governance.GovernanceModel;
import org.plumbline.system.PlumblineHome;
import org.plumbline.system.Warehouse;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchDataSourceScriptDatabaseInitializer;
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
      RunProgress progress, RunLiveness liveness, ObjectProvider<RunEndListener> listeners,
      DataSource jobRepositoryDatabase,
      ObjectProvider<BatchDataSourceScriptDatabaseInitializer> schema) throws SQLException {
    schema.ifAvailable(created -> {}); // Spring Batch's tables and sequences first
    JobRepositorySequences.withoutCache(jobRepositoryDatabase);
    return new RunControl(repository, operator, jobs, warehouse, governance, home, progress, liveness,
        listeners.orderedStream().toList());
  }

  @Bean
  RunLiveness runLiveness(PlumblineHome home) {
    return new RunLiveness(home);
  }

  @Bean
  RunHistory runHistory(JobRepository repository, RunLiveness liveness) {
    return new RunHistory(repository, liveness);
  }

  @Bean
  GracefulStop gracefulStop(RunControl runs) {
    return new GracefulStop(runs);
  }
}
