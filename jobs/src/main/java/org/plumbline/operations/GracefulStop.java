package org.plumbline.operations;

import java.time.Duration;
import org.springframework.context.SmartLifecycle;

/**
 * On SIGTERM (or any orderly shutdown) the run going on is stopped, not cut off: the context
 * stops this first, before the warehouse and the job repository close, and waits for the run
 * to end STOPPED so that `plumbline restart` can continue it.
 */
final class GracefulStop implements SmartLifecycle {

  private static final Duration WAIT = Duration.ofSeconds(60);

  private final RunControl runs;
  private volatile boolean running;

  GracefulStop(RunControl runs) {
    this.runs = runs;
  }

  @Override
  public void start() {
    running = true;
  }

  @Override
  public void stop() {
    runs.stopActiveAndWait(WAIT);
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
