package org.plumbline.operations;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.plumbline.governance.GovernanceModel;
import org.plumbline.system.PlumblineHome;
import org.plumbline.system.Warehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The one way runs are launched, stopped and restarted, by the command line, the console and
 * the scheduler alike. Runs never overlap: DuckDB has one writer, so a second launch while one
 * runs is refused with the running one's number. The process running a run stops it (another
 * process, such as `plumbline stop`, leaves a request file under {@code <home>/stop-requests/}
 * that the running process watches for); the run ends at the next file boundary, and a long
 * warehouse statement outside ingest is interrupted rather than awaited.
 */
public final class RunControl {

  private static final Logger log = LoggerFactory.getLogger(RunControl.class);
  /** How long a stop waits for a step boundary before it interrupts the warehouse statement. */
  private static final Duration INTERRUPT_AFTER = Duration.ofSeconds(1);
  private static final long IDLE = 0;

  private final JobRepository repository;
  private final JobOperator operator;
  private final List<Job> jobs;
  private final ObjectProvider<Warehouse> warehouse;
  private final Supplier<GovernanceModel> governance;
  private final PlumblineHome home;
  private final RunProgress progress;
  private final RunLiveness liveness;
  private final List<RunEndListener> listeners;
  /** The execution this process is running: IDLE, -1 while it is being created, else its id. */
  private final AtomicLong active = new AtomicLong(IDLE);
  private final ExecutorService background = Executors.newSingleThreadExecutor(daemon("plumbline-run"));
  private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(daemon("plumbline-stop-watch"));
  private volatile java.time.LocalDateTime claimedAt = java.time.LocalDateTime.MIN;
  private volatile long stoppingSince;
  private volatile long interruptedStep;
  private volatile long interruptedRun;
  private volatile long stopRequestedRun;

  public RunControl(JobRepository repository, JobOperator operator, List<Job> jobs, ObjectProvider<Warehouse> warehouse,
      Supplier<GovernanceModel> governance, PlumblineHome home, RunProgress progress, RunLiveness liveness,
      List<RunEndListener> listeners) {
    this.repository = repository;
    this.operator = operator;
    this.jobs = jobs;
    this.warehouse = warehouse;
    this.governance = governance;
    this.home = home;
    this.progress = progress;
    this.liveness = liveness;
    this.listeners = listeners;
    watcher.scheduleWithFixedDelay(this::interruptIfStopping, 250, 250, TimeUnit.MILLISECONDS);
  }

  /** Runs a job in the calling thread and returns when it has ended. */
  public JobExecution run(String jobName, LocalDate asOf) {
    Job job = job(jobName);
    claim();
    try {
      return finish(launchHere(job, asOf));
    } finally {
      active.set(IDLE);
    }
  }

  /** Starts a job in the background and returns its run number as soon as the run exists. */
  public long launch(String jobName, LocalDate asOf) {
    Job job = job(jobName);
    claim();
    return inBackground(jobName, () -> launchHere(job, asOf));
  }

  /** Continues a failed, stopped or killed run in the calling thread where it stopped. */
  public JobExecution restart(long executionId) {
    JobExecution execution = restartable(executionId);
    claim();
    try {
      return finish(restartHere(execution));
    } finally {
      active.set(IDLE);
    }
  }

  /** As {@link #restart(long)} in the background; returns the new execution's run number. */
  public long restartInBackground(long executionId) {
    JobExecution execution = restartable(executionId);
    claim();
    return inBackground(execution.getJobInstance().getJobName(), () -> restartHere(execution));
  }

  /**
   * Asks a running run to stop; it ends STOPPED and can be restarted. The process running it
   * stops it: this one directly, another one through a request file it watches for.
   */
  public String stop(long executionId) {
    JobExecution execution = execution(executionId);
    if (execution == null) {
      throw new UnknownRunException(executionId);
    }
    if (!execution.getStatus().isRunning()) {
      throw new RunRefusedException("Run " + executionId + " is not running (it is " + execution.getStatus() + ").");
    }
    if (activeRun().orElse(IDLE) == executionId) {
      stopHere(execution);
    } else {
      requestStop(executionId);
    }
    return "Run " + executionId + " is stopping: it ends after the file it is loading, or interrupts the "
        + "warehouse statement it is running. Restart it later with: plumbline restart " + executionId;
  }

  private void stopHere(JobExecution execution) {
    stopRequestedRun = execution.getId();
    stoppingSince = System.nanoTime();
    try {
      operator.stop(execution);
    } catch (Exception e) {
      throw new RunRefusedException("Run " + execution.getId() + " could not be stopped: " + PlainWords.of(e));
    }
    log.info("Run {} was asked to stop", execution.getId());
  }

  private void requestStop(long executionId) {
    try {
      java.nio.file.Files.createDirectories(stopRequests());
      java.nio.file.Files.writeString(stopRequests().resolve(Long.toString(executionId)), "stop");
    } catch (java.io.IOException e) {
      throw new RunRefusedException("Could not ask run " + executionId + " to stop: " + e.getMessage());
    }
  }

  private java.nio.file.Path stopRequests() {
    return home.root().resolve("stop-requests");
  }

  /** The run this process is executing now, if any. */
  public OptionalLong activeRun() {
    long id = resolveActive();
    return id > 0 ? OptionalLong.of(id) : OptionalLong.empty();
  }

  public boolean busy() {
    return active.get() != IDLE;
  }

  /** Stops the run this process is executing and waits for it to end (graceful shutdown). */
  public void stopActiveAndWait(Duration timeout) {
    activeRun().ifPresent(id -> {
      try {
        stop(id);
      } catch (RunRefusedException e) {
        log.info("Shutdown: {}", e.getMessage());
      }
    });
    long deadline = System.nanoTime() + timeout.toNanos();
    while (busy() && System.nanoTime() < deadline) {
      sleep(100);
    }
  }

  public RunProgress progress() {
    return progress;
  }

  private Job job(String name) {
    return jobs.stream().filter(j -> j.getName().equals(name)).findFirst()
        .orElseThrow(() -> new UnknownJobException("There is no job called '" + name + "'; the jobs are "
            + jobs.stream().map(Job::getName).sorted().toList() + "."));
  }

  private void claim() {
    if (active.compareAndSet(IDLE, -1)) {
      claimedAt = java.time.LocalDateTime.now().minusSeconds(1);
    } else {
      throw alreadyGoingOn(resolveActive());
    }
  }

  private static RunRefusedException alreadyGoingOn(long id) {
    return new RunRefusedException("A run is already going on" + (id > 0 ? " (run " + id + ")" : "")
        + "; runs never overlap because the warehouse has one writer. Wait for it to end or stop it with: "
        + "plumbline stop " + (id > 0 ? id : "RUN"));
  }

  private JobExecution launchHere(Job job, LocalDate asOf) {
    prepare();
    try {
      return operator.start(job, new JobParametersBuilder()
          .addString("asOf", asOf.toString())
          .addLong("run", System.currentTimeMillis())
          .toJobParameters());
    } catch (Exception e) {
      throw new RunRefusedException("The job " + job.getName() + " could not start: " + PlainWords.of(e));
    }
  }

  private JobExecution restartHere(JobExecution execution) {
    prepare();
    JobExecution current = execution;
    // This process holds the warehouse and is not running it, so no process is: whatever still
    // reads as running was cut off (killed, or halted while it was stopping).
    if (current.getStatus().isRunning()) {
      operator.recover(current);
      current = repository.getJobExecution(execution.getId());
    }
    for (StepExecution step : current.getStepExecutions()) {
      if (step.getStatus().isRunning()) {
        step.setStatus(BatchStatus.STOPPED);
        step.setEndTime(java.time.LocalDateTime.now());
        repository.update(step);
      }
    }
    try {
      return operator.restart(current);
    } catch (Exception e) {
      throw new RunRefusedException("Run " + execution.getId() + " could not be restarted: " + PlainWords.of(e));
    }
  }

  /**
   * A restart continues a run under a new run number (a new execution of the same job instance);
   * the run it continued keeps its status. Continuing that one again is refused here, naming its
   * continuation, rather than left to Batch, which would call it a race.
   */
  private void refuseIfContinued(JobExecution execution) {
    List<JobExecution> later = repository.getJobExecutions(execution.getJobInstance()).stream()
        .filter(e -> e.getId() > execution.getId())
        .sorted(java.util.Comparator.comparingLong(JobExecution::getId)).toList();
    if (later.isEmpty()) {
      return;
    }
    long next = later.get(0).getId();
    JobExecution latest = later.get(later.size() - 1);
    long last = latest.getId();
    String state = switch (latest.getStatus()) {
      case COMPLETED -> "Run " + last + " completed: there is nothing left to restart.";
      case FAILED, STOPPED -> "Run " + last + " ended " + latest.getStatus() + ": continue it with: plumbline restart "
          + last;
      default -> latest.getStatus().isRunning()
          ? "Run " + last + " reads " + latest.getStatus() + "; `plumbline status` shows whether it is still going on."
          : "Run " + last + " ended " + latest.getStatus() + ".";
    };
    throw new RunRefusedException("Run " + execution.getId() + " was already continued as run " + next
        + (last == next ? "" : "; its latest continuation is run " + last) + ". " + state);
  }

  private JobExecution restartable(long executionId) {
    JobExecution execution = execution(executionId);
    if (execution == null) {
      throw new UnknownRunException(executionId);
    }
    if (execution.getStatus() == BatchStatus.COMPLETED) {
      throw new RunRefusedException("Run " + executionId + " completed; there is nothing to restart.");
    }
    refuseIfContinued(execution);
    if (activeRun().orElse(IDLE) == executionId) {
      throw new RunRefusedException("Run " + executionId + " is running now; stop it before restarting it.");
    }
    return execution;
  }

  /** Fails before a run starts when the warehouse is held elsewhere or the configuration is broken. */
  private void prepare() {
    holdWarehouse();
    governance.get();
    stopRequestedRun = 0;
    progress.start(home.inbox());
  }

  /**
   * Opens the warehouse for this process, which then holds it until it ends. When another process
   * holds it, a run going on there is refused by its number, as a second launch in one process
   * is; a warehouse held by `plumbline serve`, or by a command that is no run, stays "in use"
   * (exit code 4), as the way on differs: the console, or waiting.
   */
  public void holdWarehouse() {
    try {
      warehouse.getObject().connection();
    } catch (Warehouse.WarehouseUnavailableException busy) {
      if (ServeInfo.read(home).isEmpty()) {
        OptionalLong running = runningInAnotherProcess();
        if (running.isPresent()) {
          throw alreadyGoingOn(running.getAsLong());
        }
      }
      throw busy;
    }
  }

  /** The newest run that reads as running and whose process holds its liveness lock. */
  private OptionalLong runningInAnotherProcess() {
    return jobs.stream().flatMap(job -> repository.findRunningJobExecutions(job.getName()).stream())
        .mapToLong(JobExecution::getId)
        .filter(id -> liveness.of(id) == RunLiveness.State.RUNNING)
        .max();
  }

  private long inBackground(String jobName, Supplier<JobExecution> work) {
    long before = latestExecutionId(jobName);
    Future<JobExecution> done = background.submit(() -> {
      try {
        return finish(work.get());
      } catch (RuntimeException e) {
        log.error("A background run could not start", e);
        throw e;
      } finally {
        active.set(IDLE);
      }
    });
    // The run number exists once Batch has created the execution; wait for that, not the run.
    for (int i = 0; i < 400; i++) {
      if (done.isDone()) {
        try {
          return done.get().getId();
        } catch (java.util.concurrent.ExecutionException e) {
          throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      long latest = latestExecutionId(jobName);
      if (latest > before) {
        active.compareAndSet(-1, latest);
        return latest;
      }
      sleep(25);
    }
    return latestExecutionId(jobName);
  }

  private long latestExecutionId(String jobName) {
    var instance = repository.getLastJobInstance(jobName);
    if (instance == null) {
      return 0;
    }
    return repository.getJobExecutions(instance).stream().mapToLong(JobExecution::getId).max().orElse(0);
  }

  private JobExecution finish(JobExecution execution) {
    if (interruptedRun == execution.getId() && execution.getStatus() != BatchStatus.STOPPED) {
      // The failure is the interruption a stop asked for: record what happened, a stop. The
      // stored copy is updated, as the stop has already changed its version.
      JobExecution stored = execution(execution.getId());
      try {
        stored.setStatus(BatchStatus.STOPPED);
        stored.setExitStatus(org.springframework.batch.core.ExitStatus.STOPPED.addExitDescription(
            "Stopped by request; the warehouse statement that was running was interrupted."));
        repository.update(stored);
        execution = stored;
      } catch (RuntimeException e) {
        log.warn("Run {} was stopped by interrupting it, but could not be recorded as STOPPED", execution.getId(), e);
      }
    }
    active.set(IDLE);
    log.info("Run {} ended {}", execution.getId(), execution.getStatus());
    for (RunEndListener listener : listeners) {
      try {
        listener.runEnded(execution);
      } catch (RuntimeException e) {
        log.error("Telling {} that run {} ended failed", listener, execution.getId(), e);
      }
    }
    return execution;
  }

  /**
   * A stop takes effect at the next step boundary; ingest reaches one after every file. Other
   * steps run single long statements, so after a short grace the statement is interrupted.
   * Ingest is never interrupted: its file transaction would fail and read as a bad file.
   * Stops asked for by another process arrive here as request files.
   */
  private void interruptIfStopping() {
    long id = resolveActive();
    if (id <= 0) {
      return;
    }
    try {
      java.nio.file.Path request = stopRequests().resolve(Long.toString(id));
      if (java.nio.file.Files.deleteIfExists(request) && stopRequestedRun != id) {
        JobExecution execution = execution(id);
        if (execution != null) {
          stopHere(execution);
        }
      }
      if (stopRequestedRun != id || System.nanoTime() - stoppingSince < INTERRUPT_AFTER.toNanos()) {
        return;
      }
      JobExecution execution = execution(id);
      StepExecution step = execution == null ? null : execution.getStepExecutions().stream()
          .max(java.util.Comparator.comparingLong(StepExecution::getId)).orElse(null);
      if (step != null && !step.getStepName().equals("ingest") && interruptedStep != step.getId()) {
        interruptedStep = step.getId();
        interruptedRun = id;
        log.info("Run {} is stopping: interrupting the warehouse statement of step {}", id, step.getStepName());
        warehouse.getObject().interrupt();
      }
    } catch (RuntimeException | java.io.IOException e) {
      log.warn("Could not check whether run {} is stopping", id, e);
    }
  }

  /** The execution, or null: Batch's JDBC repository throws for an unknown id. */
  private JobExecution execution(long id) {
    try {
      return repository.getJobExecution(id);
    } catch (org.springframework.dao.EmptyResultDataAccessException e) {
      return null;
    }
  }

  /** Learns the number of the run this process started once Batch has created it. */
  private long resolveActive() {
    long id = active.get();
    if (id != -1) {
      return id;
    }
    for (Job job : jobs) {
      for (JobExecution e : repository.findRunningJobExecutions(job.getName())) {
        if (e.getCreateTime() != null && !e.getCreateTime().isBefore(claimedAt) && active.compareAndSet(-1, e.getId())) {
          return e.getId();
        }
      }
    }
    return active.get();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
