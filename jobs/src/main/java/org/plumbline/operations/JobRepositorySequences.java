package org.plumbline.operations;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * Makes the H2 job repository's sequences hand out one number at a time. H2 reserves 32 values
 * of a sequence ahead and records only the reservation, so a process killed during a run
 * (kill -9, a power cut) made the next run number jump by 32: run 1 killed, its restart run 33.
 * Numbers an operator types (`restart 2`, `status`) should go on where they were. Spring Batch's
 * schema script creates the sequences with H2's default cache; this runs after it, at each start,
 * so homes made before it are mended too. Other databases (PostgreSQL) are left as they are.
 */
final class JobRepositorySequences {

  static final List<String> SEQUENCES =
      List.of("BATCH_JOB_INSTANCE_SEQ", "BATCH_JOB_EXECUTION_SEQ", "BATCH_STEP_EXECUTION_SEQ");

  private JobRepositorySequences() {}

  static void withoutCache(DataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      if (!"H2".equals(connection.getMetaData().getDatabaseProductName())) {
        return;
      }
      for (String sequence : SEQUENCES) {
        // IF EXISTS: a repository whose schema is managed elsewhere (initialize-schema: never) may lack them
        statement.execute("alter sequence if exists " + sequence + " no cache");
      }
    }
  }
}
