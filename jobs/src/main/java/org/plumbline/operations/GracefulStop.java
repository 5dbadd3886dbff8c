package org.plumbline.operations;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGTERM and Ctrl-C stop the run going on instead of cutting it off, so that `plumbline
 * restart` can continue it. The JVM's own reaction (shutdown hooks at once) would let H2 close
 * the job repository under the running job; so the signal is caught here, the run is stopped
 * and awaited, and only then does the process exit (143 for SIGTERM, 130 for Ctrl-C). An
 * orderly context close (tests, the end of a command) stops the run the same way.
 */
final class GracefulStop implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(GracefulStop.class);
  private static final Duration WAIT = Duration.ofSeconds(60);

  private final RunControl runs;
  private volatile boolean running;
  private SignalHandler previousTerm;
  private SignalHandler previousInt;

  GracefulStop(RunControl runs) {
    this.runs = runs;
  }

  @Override
  public void start() {
    previousTerm = install("TERM", 143);
    previousInt = install("INT", 130);
    running = true;
  }

  private SignalHandler install(String name, int exitCode) {
    try {
      return Signal.handle(new Signal(name), signal -> {
        Thread stopper = new Thread(() -> {
          log.info("SIG{} received: stopping the run going on, then exiting", name);
          runs.stopActiveAndWait(WAIT);
          System.exit(exitCode);
        }, "plumbline-graceful-stop");
        stopper.start();
      });
    } catch (IllegalArgumentException e) {
      // The JVM reserves the signal (e.g. -Xrs): the context close below still stops runs.
      return null;
    }
  }

  @Override
  public void stop() {
    runs.stopActiveAndWait(WAIT);
    restore("TERM", previousTerm);
    restore("INT", previousInt);
    running = false;
  }

  private static void restore(String name, SignalHandler previous) {
    if (previous != null) {
      try {
        Signal.handle(new Signal(name), previous);
      } catch (IllegalArgumentException ignored) {
        // Not installed by us; nothing to restore.
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
