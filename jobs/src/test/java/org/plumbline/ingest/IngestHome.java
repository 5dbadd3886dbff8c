package org.plumbline.ingest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.plumbline.governance.GovernanceLoader;
import org.plumbline.governance.GovernanceModel;
import org.plumbline.system.ExampleConfig;
import org.plumbline.system.PlumblineHome;
import org.plumbline.system.Warehouse;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * A home folder with the example governance model plus extra sources, and a real warehouse.
 * Either opened on a folder the test owns ({@code new IngestHome(root, sources)}, closed by
 * the test), or registered as an extension ({@code @RegisterExtension final IngestHome home =
 * IngestHome.eachTest(SOURCES)}): then each test gets a fresh one in a temporary folder,
 * closed and deleted after it.
 */
final class IngestHome implements AutoCloseable, BeforeEachCallback, AfterEachCallback {

  private final String extraSources;
  /** A system's CSV export ("export_*.csv": day, qty), for tests about files rather than their contents. */
  static final String EXPORT_SOURCE = """

      - id: test_export
        system: MES
        kind: system_of_record
        format: csv
        files: "export_*.csv"
        csv: { delimiter: "," }
        period: { column: day, grain: day }
        metrics:
          - { column: qty, name: produced_units }
    """;

  private Path root;
  PlumblineHome home;
  Warehouse warehouse;
  FileLoader loader;
  GovernanceModel model;

  IngestHome(Path root, String extraSources) throws Exception {
    this.extraSources = extraSources;
    open(root);
  }

  private IngestHome(String extraSources) {
    this.extraSources = extraSources;
  }

  /** A fresh home for each test of the class that registers it. */
  static IngestHome eachTest(String extraSources) {
    return new IngestHome(extraSources);
  }

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    open(Files.createTempDirectory("plumbline-ingest-test"));
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    close();
    try (Stream<Path> files = Files.walk(root)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** The home's folder. */
  Path root() {
    return root;
  }

  private void open(Path folder) throws Exception {
    root = folder;
    home = new PlumblineHome(root);
    ExampleConfig.writeIfAbsent(home);
    Path sources = home.governance().resolve("sources.yml");
    Files.writeString(sources, Files.readString(sources) + extraSources, StandardCharsets.UTF_8);
    model = new GovernanceLoader().load(home.governance());
    Files.createDirectories(home.inbox());
    warehouse = Warehouse.open(home.warehouseFile(), "1GB", 2);
    loader = new FileLoader(warehouse.connection(), home, model,
        Clock.fixed(Instant.parse("2026-01-31T20:00:00Z"), ZoneOffset.UTC));
  }

  /** A file arrived an hour before the loader's clock (a real write now would lie in its future). */
  Path deliver(String name, byte[] bytes) throws Exception {
    Path file = home.inbox().resolve(name);
    Files.write(file, bytes);
    Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(Instant.parse("2026-01-31T19:00:00Z")));
    return file;
  }

  Path deliver(String name, String text) throws Exception {
    return deliver(name, text.getBytes(StandardCharsets.UTF_8));
  }

  FileOutcome load(Path file) {
    return loader.load(file, null);
  }

  /** What a run of the ingest step did: the step, and the exit status after each call of its tasklet. */
  record IngestStepRun(StepExecution step, List<ExitStatus> exits) {}

  /** Runs an ingest step over the inbox as Spring Batch does: the tasklet called until it is finished (at most 20 calls). */
  IngestStepRun runIngestStep(Clock clock, IngestListener... listeners) {
    IngestTasklet tasklet = new IngestTasklet(home, warehouse, () -> model, List.of(listeners), clock);
    StepExecution step = new StepExecution(1L, "ingest",
        new JobExecution(1L, new JobInstance(1L, "nightly"), new JobParameters()));
    ChunkContext chunk = new ChunkContext(new StepContext(step));
    List<ExitStatus> exits = new ArrayList<>();
    RepeatStatus status;
    do {
      StepContribution contribution = new StepContribution(step);
      status = tasklet.execute(contribution, chunk);
      step.apply(contribution);
      exits.add(contribution.getExitStatus());
    } while (status == RepeatStatus.CONTINUABLE && exits.size() < 20);
    return new IngestStepRun(step, exits);
  }

  List<List<Object>> query(String sql, Object... parameters) throws SQLException {
    Connection c = warehouse.connection();
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        s.setObject(i + 1, parameters[i]);
      }
      try (ResultSet r = s.executeQuery()) {
        List<List<Object>> rows = new ArrayList<>();
        int n = r.getMetaData().getColumnCount();
        while (r.next()) {
          List<Object> row = new ArrayList<>();
          for (int i = 1; i <= n; i++) {
            Object value = r.getObject(i);
            row.add(value instanceof java.sql.Array a ? java.util.Arrays.asList((Object[]) a.getArray()) : value);
          }
          rows.add(row);
        }
        return rows;
      }
    }
  }

  @Override
  public void close() {
    if (warehouse != null) {
      warehouse.close();
    }
  }
}
