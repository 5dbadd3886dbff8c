package org.plumbline.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.plumbline.system.PlumblineHome;
import org.plumbline.system.Warehouse;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Publishes the analysts' copy after a successful run: a new, versioned file per run plus a
 * {@code CURRENT} file naming it. Analysts never open the working file (DuckDB has one
 * writer), and a new version never replaces a file someone may have open.
 */
public final class PublishTasklet implements Tasklet {

  static final int KEEP = 5;

  private final PlumblineHome home;
  private final Warehouse warehouse;

  public PublishTasklet(PlumblineHome home, Warehouse warehouse) {
    this.home = home;
    this.warehouse = warehouse;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext)
      throws SQLException, IOException {
    long run = contribution.getStepExecution().getJobExecutionId();
    Path published = publish(run);
    contribution.getStepExecution().getExecutionContext().putString("published", published.toString());
    return RepeatStatus.FINISHED;
  }

  Path publish(long run) throws SQLException, IOException {
    try (Statement s = warehouse.connection().createStatement()) {
      // Everything committed is in the main file after a checkpoint, so a byte copy is whole.
      s.execute("checkpoint");
    }
    Files.createDirectories(home.published());
    String name = "plumbline-" + run + ".duckdb";
    Path target = home.published().resolve(name);
    Path partial = home.published().resolve(name + ".partial");
    Files.copy(warehouse.file(), partial, StandardCopyOption.REPLACE_EXISTING);
    Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    Path current = home.published().resolve("CURRENT");
    Path currentPartial = home.published().resolve("CURRENT.partial");
    Files.writeString(currentPartial, name + System.lineSeparator(), StandardCharsets.UTF_8);
    Files.move(currentPartial, current, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    pruneOldCopies();
    return target;
  }

  private void pruneOldCopies() throws IOException {
    List<Path> copies;
    try (Stream<Path> files = Files.list(home.published())) {
      copies = files.filter(p -> p.getFileName().toString().matches("plumbline-\\d+\\.duckdb"))
          .sorted(Comparator.comparingLong(PublishTasklet::runOf).reversed())
          .toList();
    }
    for (Path old : copies.subList(Math.min(KEEP, copies.size()), copies.size())) {
      Files.deleteIfExists(old);
    }
  }

  private static long runOf(Path p) {
    String n = p.getFileName().toString();
    return Long.parseLong(n.substring("plumbline-".length(), n.length() - ".duckdb".length()));
  }
}
