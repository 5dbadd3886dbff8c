package org.plumbline.reconcile;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.function.Supplier;
import org.plumbline.governance.DimensionLoader;
import org.plumbline.governance.GovernanceModel;
import org.plumbline.system.SqlScript;
import org.plumbline.system.Warehouse;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Rebuilds everything downstream of the ledger for one as-of date: the dimensions from the
 * governance config, the run context, then every SQL model in build order. Deterministic:
 * the same ledger, config and as-of date give the same tables, except for the findings' status
 * (new, persisting, resolved), which compares with the previous run kept in the findings history.
 * A run as of a date before an earlier run's is a {@link Reissue} of a past report.
 */
public final class ReconcileTasklet implements Tasklet {

  private final Warehouse warehouse;
  private final Supplier<GovernanceModel> governance;
  private final String companyName;

  public ReconcileTasklet(Warehouse warehouse, Supplier<GovernanceModel> governance, String companyName) {
    this.warehouse = warehouse;
    this.governance = governance;
    this.companyName = companyName;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws SQLException {
    LocalDate asOf = LocalDate.parse(chunkContext.getStepContext().getJobParameters().get("asOf").toString());
    long jobExecutionId = contribution.getStepExecution().getJobExecutionId();
    rebuild(warehouse.connection(), governance.get(), asOf, companyName, jobExecutionId);
    Reissue.recognise(warehouse.connection(), contribution);
    return RepeatStatus.FINISHED;
  }

  /** The whole downstream rebuild, in one transaction so readers never see half of it. */
  public static void rebuild(Connection connection, GovernanceModel model, LocalDate asOf, String companyName,
      Long jobExecutionId) throws SQLException {
    connection.setAutoCommit(false);
    try {
      new DimensionLoader().load(connection, model);
      long runId = FindingHistory.nextRunId(connection);
      try (PreparedStatement context = connection.prepareStatement(SqlScript.text("sql/dimensions/run_context.sql"))) {
        context.setDate(1, Date.valueOf(asOf));
        context.setString(2, model.configVersion());
        context.setString(3, companyName);
        if (jobExecutionId == null) {
          context.setNull(4, java.sql.Types.BIGINT);
        } else {
          context.setLong(4, jobExecutionId);
        }
        context.setLong(5, runId);
        context.execute();
      }
      SqlModels.rebuild(connection);
      FindingHistory.record(connection, model);
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }
}
