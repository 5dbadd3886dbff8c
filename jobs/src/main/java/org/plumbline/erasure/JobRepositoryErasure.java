package org.plumbline.erasure;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Erases a person's name from Spring Batch's job repository (home/jobrepo, or the database
 * application.yml names): the jobs' and steps' exit messages (a failure names the file it
 * failed on), the job parameters' values, and the jobs' and steps' execution contexts.
 *
 * <p>Exit messages and parameter values are plain text and are rewritten in place. Execution
 * contexts are stored serialised (Java serialisation, Base64) and are rewritten through the
 * job repository itself, so they stay readable for a restart. What is left alone, and why: a
 * job instance's key (an MD5 of its identifying parameters: a hash, not the name; recomputing
 * it would make the instance unfindable by restarts that pass its id). Launching again with the
 * original name-bearing parameters is therefore a new instance, which is what an erasure wants.
 *
 * <p>An H2 file keeps replaced values in pages it no longer uses until it is compacted; it is
 * compacted here ({@code SHUTDOWN COMPACT}) only when no other process (such as {@code serve})
 * is connected, since a shutdown would cut that process off. Otherwise the final search lists
 * the file and the erasure is logged as not verified; run erase again once serve is stopped.
 */
public final class JobRepositoryErasure {

  /** Where the job repository is: its database, and the repository that reads and writes contexts. */
  public record Target(DataSource dataSource, JobRepository repository) {}

  private final Target target;
  private final Pattern name;

  JobRepositoryErasure(Target target, Person person) {
    this.target = target;
    this.name = person.inText();
  }

  /** Replaces the name everywhere in the repository; returns the places changed. */
  List<Erased> erase() throws SQLException {
    List<Erased> erased = new ArrayList<>();
    try (Connection c = target.dataSource().getConnection()) {
      add(erased, "job repository job exit messages", rewrite(c, "BATCH_JOB_EXECUTION", "JOB_EXECUTION_ID", "EXIT_MESSAGE"));
      add(erased, "job repository step exit messages",
          rewrite(c, "BATCH_STEP_EXECUTION", "STEP_EXECUTION_ID", "EXIT_MESSAGE"));
      add(erased, "job repository job parameters", parameters(c));
    }
    add(erased, "job repository execution contexts", contexts());
    return erased;
  }

  /** Rows and contexts still holding the name: empty when the repository is clean. */
  List<Erased> remaining() throws SQLException {
    List<Erased> found = new ArrayList<>();
    try (Connection c = target.dataSource().getConnection()) {
      add(found, "job repository job exit messages", count(c, "select EXIT_MESSAGE from BATCH_JOB_EXECUTION"));
      add(found, "job repository step exit messages", count(c, "select EXIT_MESSAGE from BATCH_STEP_EXECUTION"));
      add(found, "job repository job parameters", count(c, "select PARAMETER_VALUE from BATCH_JOB_EXECUTION_PARAMS"));
    }
    long contexts = 0;
    for (long id : executionIds()) {
      JobExecution job = target.repository().getJobExecution(id);
      if (job == null) {
        continue;
      }
      contexts += holding(job.getExecutionContext());
      for (StepExecution step : job.getStepExecutions()) {
        contexts += holding(step.getExecutionContext());
      }
    }
    add(found, "job repository execution contexts", new long[] {contexts, contexts});
    return found;
  }

  private static void add(List<Erased> places, String place, long[] itemsAndOccurrences) {
    if (itemsAndOccurrences[0] > 0) {
      places.add(new Erased(place, itemsAndOccurrences[0], itemsAndOccurrences[1]));
    }
  }

  /** The table and column names are Spring Batch's own schema, never input. */
  private long[] rewrite(Connection c, String table, String key, String column) throws SQLException {
    long rows = 0;
    long occurrences = 0;
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("select " + key + ", " + column + " from " + table);
        PreparedStatement update = c.prepareStatement("update " + table + " set " + column + " = ? where " + key + " = ?")) {
      while (r.next()) {
        String text = r.getString(2);
        long n = text == null ? 0 : name.matcher(text).results().count();
        if (n > 0) {
          update.setString(1, replaced(text));
          update.setLong(2, r.getLong(1));
          update.executeUpdate();
          rows++;
          occurrences += n;
        }
      }
    }
    return new long[] {rows, occurrences};
  }

  private long[] parameters(Connection c) throws SQLException {
    long rows = 0;
    long occurrences = 0;
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("select JOB_EXECUTION_ID, PARAMETER_NAME, PARAMETER_VALUE from BATCH_JOB_EXECUTION_PARAMS");
        PreparedStatement update = c.prepareStatement("update BATCH_JOB_EXECUTION_PARAMS set PARAMETER_VALUE = ?"
            + " where JOB_EXECUTION_ID = ? and PARAMETER_NAME = ?")) {
      while (r.next()) {
        String value = r.getString(3);
        long n = value == null ? 0 : name.matcher(value).results().count();
        if (n > 0) {
          update.setString(1, replaced(value));
          update.setLong(2, r.getLong(1));
          update.setString(3, r.getString(2));
          update.executeUpdate();
          rows++;
          occurrences += n;
        }
      }
    }
    return new long[] {rows, occurrences};
  }

  private long[] contexts() throws SQLException {
    long contexts = 0;
    long occurrences = 0;
    for (long id : executionIds()) {
      JobExecution job = target.repository().getJobExecution(id);
      if (job == null) {
        continue;
      }
      long inJob = replaceIn(job.getExecutionContext());
      if (inJob > 0) {
        target.repository().updateExecutionContext(job);
        contexts++;
        occurrences += inJob;
      }
      for (StepExecution step : job.getStepExecutions()) {
        long inStep = replaceIn(step.getExecutionContext());
        if (inStep > 0) {
          target.repository().updateExecutionContext(step);
          contexts++;
          occurrences += inStep;
        }
      }
    }
    return new long[] {contexts, occurrences};
  }

  private List<Long> executionIds() throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (Connection c = target.dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("select JOB_EXECUTION_ID from BATCH_JOB_EXECUTION order by 1")) {
      while (r.next()) {
        ids.add(r.getLong(1));
      }
    }
    return ids;
  }

  /** Replaces the name in the context's text values; returns the occurrences replaced. */
  private long replaceIn(ExecutionContext context) {
    long occurrences = 0;
    for (Map.Entry<String, Object> entry : context.entrySet()) {
      if (entry.getValue() instanceof String text) {
        long n = name.matcher(text).results().count();
        if (n > 0) {
          context.putString(entry.getKey(), replaced(text));
          occurrences += n;
        }
      }
    }
    return occurrences;
  }

  private long holding(ExecutionContext context) {
    return context.entrySet().stream()
        .filter(e -> name.matcher(String.valueOf(e.getKey()) + "=" + e.getValue()).find()).count();
  }

  private long[] count(Connection c, String select) throws SQLException {
    long rows = 0;
    long occurrences = 0;
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(select)) {
      while (r.next()) {
        String text = r.getString(1);
        long n = text == null ? 0 : name.matcher(text).results().count();
        rows += n > 0 ? 1 : 0;
        occurrences += n;
      }
    }
    return new long[] {rows, occurrences};
  }

  private String replaced(String text) {
    return name.matcher(text).replaceAll(Matcher.quoteReplacement(Person.MARKER));
  }

  /**
   * Rewrites an H2 file whole, so replaced values leave its bytes. The last use of the job
   * repository in this process: the shutdown closes the database under the connection pool. Done
   * only when this process opened the file itself and no other process is connected through
   * H2's automatic server (their sessions have a client address); returns whether it compacted.
   */
  boolean compactH2() throws SQLException {
    Connection c = target.dataSource().getConnection();
    try {
      if (!c.getMetaData().getDatabaseProductName().equals("H2")) {
        return false;
      }
      try (Statement s = c.createStatement();
          ResultSet r = s.executeQuery("select count(*) from information_schema.sessions where client_addr is not null")) {
        r.next();
        if (r.getLong(1) > 0) {
          return false;
        }
      }
      Statement s = c.createStatement();
      s.execute("shutdown compact");
      return true;
    } finally {
      try {
        c.close();
      } catch (SQLException closedByTheShutdown) {
        // The pool's reset of a connection whose database was just shut down; nothing is lost.
      }
    }
  }
}
