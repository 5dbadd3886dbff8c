package org.plumbline.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one folder that holds everything Plumbline reads and writes: config, inbox, archive,
 * rejected files, the warehouse, published copies, the job repository and the outbox.
 */
public record PlumblineHome(Path root) {

  public PlumblineHome {
    root = root.toAbsolutePath().normalize();
  }

  public Path config() {
    return root.resolve("config");
  }

  public Path governance() {
    return config().resolve("governance");
  }

  public Path inbox() {
    return root.resolve("inbox");
  }

  public Path archive() {
    return root.resolve("archive");
  }

  public Path rejected() {
    return root.resolve("rejected");
  }

  public Path warehouseFile() {
    return root.resolve("warehouse").resolve("plumbline.duckdb");
  }

  public Path published() {
    return root.resolve("published");
  }

  /** The Parquet lake: facts and findings, Hive-partitioned by period, for any engine. */
  public Path lake() {
    return root.resolve("lake");
  }

  public Path jobRepository() {
    return root.resolve("jobrepo");
  }

  public Path outbox() {
    return root.resolve("outbox");
  }

  /**
   * Whether the folder is a Plumbline home: it has a config folder (written by hand or by demo),
   * or a job repository folder (runs were made in it).
   */
  public boolean exists() {
    return Files.isDirectory(config()) || Files.isDirectory(jobRepository());
  }

  /** Creates the working folders that do not exist yet. */
  public PlumblineHome createFolders() {
    for (Path p : new Path[] {config(), inbox(), archive(), rejected(), warehouseFile().getParent(),
        published(), lake(), jobRepository(), outbox(), root.resolve("logs")}) {
      try {
        Files.createDirectories(p);
      } catch (IOException e) {
        throw new UncheckedIOException("Could not create the folder " + p + ": " + e.getMessage(), e);
      }
    }
    OperatorsOnly.restrict(this);
    return this;
  }

  /** The home from {@code --home}, else {@code PLUMBLINE_HOME}, else {@code ./var}. */
  public static PlumblineHome resolve(String option) {
    if (option != null && !option.isBlank()) {
      return new PlumblineHome(Path.of(option));
    }
    String env = System.getenv("PLUMBLINE_HOME");
    return new PlumblineHome(Path.of(env != null && !env.isBlank() ? env : "var"));
  }
}
