package org.plumbline.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plumbline.cli.ApplicationContexts;
import org.plumbline.cli.PlumblineCommand;
import org.plumbline.system.ExampleConfig;
import org.plumbline.system.PlumblineHome;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * `plumbline erase` where the name is more than text in a row: in the names of an archived and
 * a rejected file (the ledger's paths must follow), in the job repository (a launch note, a
 * step's execution context), and written two ways; the log says it was verified.
 */
class ErasureOfNamesTests {

  static final String CRM_FILE = "crm_complaints_2025-Q3_Jörg_Müller.json";

  @Test
  void renamesFilesFollowsThemInTheLedgerCleansTheJobRepositoryAndLogsEverySpellingAsVerified(@TempDir Path folder)
      throws Exception {
    // given a CRM export and a stray note both named after the contact, who is also written "Joerg Mueller"
    PlumblineHome home = new PlumblineHome(folder).createFolders();
    ExampleConfig.writeIfAbsent(home);
    Path crm = home.inbox().resolve(CRM_FILE);
    Files.writeString(crm, """
        [{"complaint_id":"CRM-1","received_date":"2025-07-07","customer":"OEM Stuttgart","contact_name":"Jörg Müller",\
        "part_no":"SP-300","lot_id":"L-1","category":"Packaging","description":"Call back Joerg Mueller.","defect_rate":null},
        {"complaint_id":"CRM-2","received_date":"2025-07-08","customer":"Brenner AG","contact_name":"Anja Wiese",\
        "part_no":"SP-300","lot_id":"L-2","category":"Packaging","description":"Bent.","defect_rate":null}]
        """);
    Files.setLastModifiedTime(crm, FileTime.from(Instant.parse("2025-10-05T08:00:00Z")));
    Path note = Files.writeString(home.inbox().resolve("Notiz_Joerg_Mueller.txt"), "Rückruf bei Joerg Mueller.\n");
    Files.setLastModifiedTime(note, FileTime.from(Instant.parse("2025-10-05T09:00:00Z")));
    // and a nightly run launched with a note naming him, whose ingest step kept the file name
    try (ConfigurableApplicationContext context = ApplicationContexts.start(home)) {
      JobExecution run = context.getBean(JobOperator.class).start(context.getBean("nightly", Job.class),
          new JobParametersBuilder().addString("asOf", "2026-01-31").addLong("run", 1L)
              .addString("note", "re-run for Jörg Müller's complaint", false).toJobParameters());
      assertThat(run.getStatus()).as("%s", run.getAllFailureExceptions()).isEqualTo(BatchStatus.COMPLETED);
      JobRepository repository = context.getBean(JobRepository.class);
      var ingest = repository.getJobExecution(run.getId()).getStepExecutions().iterator().next();
      ingest.getExecutionContext().putString("lastFile", CRM_FILE);
      repository.updateExecutionContext(ingest);
    }
    String loadId = one(home, "select load_id from load_audit where source_id = 'crm_complaints'");
    assertThat(Files.exists(home.root().resolve("archive").resolve(loadId + "-" + CRM_FILE))).isTrue();
    assertThat(Files.exists(home.rejected().resolve("Notiz_Joerg_Mueller.txt"))).isTrue();
    // and a report was e-mailed to his address (ledger V8's delivery record)
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + home.warehouseFile());
        Statement s = c.createStatement()) {
      s.execute("insert into report_delivery (report_delivery_id, report_file, recipient, outcome, attempts,"
          + " first_attempt_at, finished_at, requested_by) values (99, 'executive-report_PROD_as-of-2026-01-31.pdf',"
          + " 'joerg.mueller@example.com', 'sent', 1, now(), now(), 'nightly')");
    }

    // when the operator erases him under both spellings in one run
    int exit = PlumblineCommand.execute("--home", home.root().toString(), "erase",
        "--person", "jörg müller", "--person", "JOERG MUELLER", "--requested-by", "DPO", "--reason", "DSR-7");

    // then the files carry the marker in their names, and the ledger points at them
    assertThat(exit).isZero();
    String archived = "archive/" + loadId + "-crm_complaints_2025-Q3_[erased].json";
    assertThat(one(home, "select archive_path || '|' || file_name || '|' || version_key from load_audit"
        + " where source_id = 'crm_complaints'"))
        .isEqualTo(archived + "|crm_complaints_2025-Q3_[erased].json|crm_complaints/crm_complaints_2025-Q3_[erased].json");
    assertThat(Files.readString(home.root().resolve(archived))).contains("\"contact_name\":\"[erased]\"")
        .contains("Call back [erased].");
    assertThat(one(home, "select recipient || '|' || outcome from report_delivery where report_delivery_id = 99"))
        .isEqualTo("[erased]@example.com|sent");
    assertThat(one(home, "select string_agg(file_name, ',' order by file_name) from file_delivery"))
        .isEqualTo("Notiz_[erased].txt,crm_complaints_2025-Q3_[erased].json");
    assertThat(Files.readString(home.rejected().resolve("Notiz_[erased].txt.reason.txt")))
        .startsWith("The file Notiz_[erased].txt was rejected");
    assertThat(one(home, "select count(distinct version_key) from raw_row where source_id = 'crm_complaints'"
        + " and version_key = 'crm_complaints/crm_complaints_2025-Q3_[erased].json'")).isEqualTo("1");

    // and the job repository holds neither spelling: not its rows, not its contexts, not its file's bytes
    try (ConfigurableApplicationContext context = ApplicationContexts.start(home)) {
      JobRepository repository = context.getBean(JobRepository.class);
      JobExecution run = repository.getJobExecution(1L);
      assertThat(run.getJobParameters().getString("note")).isEqualTo("re-run for [erased]'s complaint");
      assertThat(run.getStepExecutions().iterator().next().getExecutionContext().getString("lastFile"))
          .isEqualTo("crm_complaints_2025-Q3_[erased].json");
    }
    for (String spelling : List.of("Jörg Müller", "Joerg Mueller", "Jörg_Müller", "Joerg_Mueller")) {
      assertThat(ErasureTests.placesHolding(home, spelling)).as(spelling).isEmpty();
      assertThat(pathsNaming(home, spelling)).as(spelling).isEmpty();
    }

    // and the log keeps each spelling's hash, and that the final search found nothing
    assertThat(one(home, "select verified from erasure_log")).isEqualTo("true");
    assertThat(one(home, "select string_agg(person_sha256, ',' order by person_sha256) from erasure_log_person"))
        .isEqualTo(String.join(",", new Person(List.of("Jörg Müller", "Joerg Mueller")).sha256s().stream()
            .sorted().toList()));
    assertThat(one(home, "select string_agg(place, ', ' order by place) from erasure_log_place"))
        .contains("job repository execution contexts", "job repository job parameters",
            "ledger load_audit file names", "ledger file_delivery file names",
            archived + " (renamed)", "rejected/Notiz_[erased].txt (renamed)")
        // rows loaded since ledger V6 take their version key from load_audit: nothing of theirs to rename
        .doesNotContain("ledger raw_row_v1 file names");
  }

  private static List<String> pathsNaming(PlumblineHome home, String name) throws Exception {
    String lower = name.toLowerCase(Locale.ROOT);
    List<String> found = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(home.root())) {
      walk.map(p -> home.root().relativize(p).toString())
          .filter(p -> p.toLowerCase(Locale.ROOT).contains(lower)).forEach(found::add);
    }
    return found;
  }

  private static String one(PlumblineHome home, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + home.warehouseFile());
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getString(1);
    }
  }
}
