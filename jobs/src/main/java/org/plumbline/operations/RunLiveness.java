package org.plumbline.operations;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.plumbline.system.PlumblineHome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * Whether a run that reads as running in the job repository still has a process. A run's
 * process holds an operating-system lock on a file of its own (running/RUN.lock) from the
 * run's start to its end; the system releases the lock when the process dies, however it dies
 * (kill -9, a power cut), while the job repository keeps reading STARTED. Any process (the
 * console, `status`, `stop`) can then tell a cut-off run from a running one by trying the lock
 * for an instant, without touching the warehouse: a probe of the warehouse would make a run
 * starting that very moment fail as busy, a probe of this lock only delays its start by that
 * instant (the run waits for its lock).
 */
public final class RunLiveness implements JobExecutionListener {

  private static final Logger log = LoggerFactory.getLogger(RunLiveness.class);

  /** What the lock says of a run that reads as running. */
  public enum State {
    /** A process holds its lock. */
    RUNNING,
    /** Its lock is free: the process that ran it is gone. */
    CUT_OFF,
    /** No lock file: a run started before this check existed, or one that never got going. */
    UNKNOWN
  }

  private final Path folder;
  private final Map<Long, FileChannel> held = new ConcurrentHashMap<>();

  public RunLiveness(PlumblineHome home) {
    this.folder = home.root().resolve("running");
  }

  @Override
  public void beforeJob(JobExecution execution) {
    try {
      Files.createDirectories(folder);
      // Locked under a name of its own, then given its real one: a probe never finds the file
      // unlocked between its creation and the lock (a run just starting read as cut off).
      Path taking = Files.createTempFile(folder, execution.getId() + "-", ".taking");
      FileChannel channel = FileChannel.open(taking, StandardOpenOption.WRITE);
      channel.lock();
      Files.move(taking, file(execution.getId()), java.nio.file.StandardCopyOption.ATOMIC_MOVE,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      held.put(execution.getId(), channel);
    } catch (IOException e) {
      // The run goes on; only telling it from a killed one is lost.
      log.warn("Run {} could not take its liveness lock in {}: {}", execution.getId(), folder, e.toString());
    }
  }

  @Override
  public void afterJob(JobExecution execution) {
    FileChannel channel = held.remove(execution.getId());
    if (channel != null) {
      try {
        channel.close();
        Files.deleteIfExists(file(execution.getId()));
      } catch (IOException e) {
        log.warn("Run {} could not release its liveness lock: {}", execution.getId(), e.toString());
      }
    }
  }

  /** For a run that reads as running: does a process still run it? */
  public State of(long executionId) {
    Path file = file(executionId);
    if (held.containsKey(executionId)) {
      return State.RUNNING;
    }
    if (!Files.exists(file)) {
      return State.UNKNOWN;
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        return State.RUNNING;
      }
      lock.release();
      return State.CUT_OFF;
    } catch (OverlappingFileLockException e) {
      return State.RUNNING; // this process holds it
    } catch (IOException e) {
      return State.UNKNOWN; // ended and removed its file meanwhile, or unreadable
    }
  }

  private Path file(long executionId) {
    return folder.resolve(executionId + ".lock");
  }
}
