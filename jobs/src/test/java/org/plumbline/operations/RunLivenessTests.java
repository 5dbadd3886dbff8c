package org.plumbline.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plumbline.system.PlumblineHome;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;

/** A run's liveness lock, as one process sees it (CrashSafetyTests kills a real run's process). */
class RunLivenessTests {

  @TempDir
  Path folder;

  @Test
  void aRunHoldsItsLockFromStartToEndAndLeavesNoFile() {
    // given
    PlumblineHome home = new PlumblineHome(folder).createFolders();
    RunLiveness liveness = new RunLiveness(home);
    JobExecution run = new JobExecution(7L, new JobInstance(1L, "nightly"), new JobParameters());

    // when it starts, then while it runs, and after it ended
    RunLiveness.State before = liveness.of(7);
    liveness.beforeJob(run);
    RunLiveness.State during = liveness.of(7);
    RunLiveness.State duringElsewhere = new RunLiveness(home).of(7);   // another reader in this JVM
    liveness.afterJob(run);

    // then
    assertThat(before).isEqualTo(RunLiveness.State.UNKNOWN);
    assertThat(during).isEqualTo(RunLiveness.State.RUNNING);
    assertThat(duringElsewhere).isEqualTo(RunLiveness.State.RUNNING);
    assertThat(liveness.of(7)).isEqualTo(RunLiveness.State.UNKNOWN);
    assertThat(home.root().resolve("running")).isEmptyDirectory();
  }

  @Test
  void aLockFileNobodyHoldsIsARunCutOff() throws Exception {
    // given the file a killed process left, its lock released by the operating system
    PlumblineHome home = new PlumblineHome(folder).createFolders();
    Files.createDirectories(home.root().resolve("running"));
    Files.createFile(home.root().resolve("running").resolve("3.lock"));

    // when / then
    assertThat(new RunLiveness(home).of(3)).isEqualTo(RunLiveness.State.CUT_OFF);
  }
}
