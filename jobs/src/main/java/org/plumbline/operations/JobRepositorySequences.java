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
 * so homes made before it are mended too. Only a sequence that still caches is altered: a
 * second process (`stop`, `status` while a run goes on) must not run DDL against the repository
 * the running process holds. Other databases (PostgreSQL) are left as they are.
 */
final class JobRepositorySequences {

  static final List<String> SEQUENCES =
      List.of("BATCH_JOB_INSTANCE_SEQ", "BATCH_JOB_EXECUTION_SEQ", "BATCH_STEP_EXECUTION_SEQ");

  private JobRepositorySequences() {}

  /** Whether the sequence exists (initialize-schema: never may leave it out) and reserves values ahead. */
  private static boolean caches(Connection connection, String sequence) throws SQLException {
    try (java.sql.PreparedStatement s = connection.prepareStatement(
        "select cache from information_schema.sequences where upper(sequence_name) = ?")) {
      s.setString(1, sequence);
      try (java.sql.ResultSet r = s.executeQuery()) {
        return r.next() && r.getLong(1) > 1;
      }
    }
  }

  static void withoutCache(DataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      if (!"H2".equals(connection.getMetaData().getDatabaseProductName())) {
        return;
      }
      for (String sequence : SEQUENCES) {
        if (caches(connection, sequence)) {
          statement.execute("alter sequence " + sequence + " no cache");
        }
      }
    }
  }
}
