package org.plumbline.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plumbline.cli.ApplicationContexts;
import org.plumbline.operations.RunControl;
import org.plumbline.operations.RunHistory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The job repository moves to PostgreSQL by configuration alone (spring.datasource.* in the
 * home's config/application.yml). Runs against the server named by PLUMBLINE_TEST_POSTGRES_URL
 * (default jdbc:postgresql://localhost:5432/plumbline_test, user and password "plumbline"), which
 * .ci/run installs from Debian's package and starts; skipped with a message where none answers.
 */
class PostgresJobRepositoryTests {

  static final String URL = env("PLUMBLINE_TEST_POSTGRES_URL", "jdbc:postgresql://localhost:5432/plumbline_test");
  static final String USER = env("PLUMBLINE_TEST_POSTGRES_USER", "plumbline");
  static final String PASSWORD = env("PLUMBLINE_TEST_POSTGRES_PASSWORD", "plumbline");

  @Test
  void aRunIsRecordedInPostgresqlWhenTheConfigurationSaysSo(@TempDir Path folder) throws Exception {
    String schema = "plumbline_" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    try (Connection admin = connectOrSkip()) {
      execute(admin, "create schema " + schema);
      try {
        // given a home whose config/application.yml points the job repository at PostgreSQL
        PlumblineHome home = new PlumblineHome(folder).createFolders();
        ExampleConfig.writeIfAbsent(home);
        Files.writeString(home.config().resolve("application.yml"), """

            spring:
              datasource:
                url: %s%scurrentSchema=%s
                username: %s
                password: %s
            """.formatted(URL, URL.contains("?") ? "&" : "?", schema, USER, PASSWORD),
            java.nio.file.StandardOpenOption.APPEND);

        // when the nightly job runs (on an empty inbox: the repository is what is under test)
        long id;
        try (ConfigurableApplicationContext context = ApplicationContexts.start(home)) {
          var execution = context.getBean(RunControl.class).run("nightly", LocalDate.of(2026, 1, 31));
          assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
          id = execution.getId();
          assertThat(context.getBean(RunHistory.class).find(id).orElseThrow().steps())
              .extracting(step -> step.name())
              .containsExactly("ingest", "reconcile", "report", "deliver", "publish", "lake");
        }

        // then PostgreSQL holds the run and its six steps, and no H2 file was made
        assertThat(single(admin, "select status from " + schema + ".batch_job_execution where job_execution_id = " + id))
            .isEqualTo("COMPLETED");
        assertThat(single(admin, "select count(*) from " + schema + ".batch_step_execution where job_execution_id = " + id))
            .isEqualTo("6");
        try (var files = Files.list(home.jobRepository())) {
          assertThat(files).isEmpty();
        }
      } finally {
        execute(admin, "drop schema " + schema + " cascade");
      }
    }
  }

  private static Connection connectOrSkip() {
    DriverManager.setLoginTimeout(3);
    try {
      return DriverManager.getConnection(URL, USER, PASSWORD);
    } catch (SQLException e) {
      // Where the environment names a server (as .ci/run does), its absence is a failure, not a skip.
      if (System.getenv("PLUMBLINE_TEST_POSTGRES_URL") != null) {
        throw new AssertionError("PLUMBLINE_TEST_POSTGRES_URL names " + URL + " but it does not answer: " + e.getMessage());
      }
      Assumptions.abort("Skipped: no PostgreSQL answers at " + URL + " as " + USER + " (" + e.getMessage()
          + "). .ci/run installs and starts one; set PLUMBLINE_TEST_POSTGRES_URL to use another.");
      return null;
    }
  }

  private static void execute(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static String single(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getString(1);
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
