package org.plumbline.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import com.icegreen.greenmail.util.GreenMail;
import org.plumbline.delivery.TestSmtp;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.plumbline.cli.ApplicationContexts;
import org.plumbline.demo.DemoStory;
import org.plumbline.demo.GeneratedInbox;
import org.plumbline.demo.IsoWeek;
import org.plumbline.report.PdfText;
import org.plumbline.report.WorkbookReadBack;
import org.plumbline.system.PlumblineHome;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The nightly job end to end on the generated demo inbox, with the real stack: a Spring
 * Batch job repository in H2, a DuckDB warehouse file, JasperReports filling a PDF.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NightlyJobTests {

  PlumblineHome home;
  GeneratedInbox inbox;
  JobExecution execution;
  DemoStory.Expected expected;
  GreenMail greenMail;

  @BeforeAll
  void runTheNightlyJobOnTheDemoInbox(@TempDir Path folder) throws Exception {
    // given a home with the example config and the demo inbox
    home = DemoHome.create(folder);
    inbox = DemoHome.generateInbox(home);
    expected = DemoStory.load().expected();

    // and e-mail delivery to an embedded SMTP server, and the report's tables as a workbook
    greenMail = new GreenMail(TestSmtp.onFreePort());
    greenMail.start();
    String[] delivery = {"--plumbline.delivery.xlsx=true", "--plumbline.delivery.email.enabled=true",
        "--plumbline.delivery.email.from=reports@nordwerk.example",
        "--plumbline.delivery.email.smtp.host=127.0.0.1",
        "--plumbline.delivery.email.smtp.port=" + greenMail.getSmtp().getPort(),
        "--plumbline.delivery.email.smtp.security=none",
        "--plumbline.delivery.email.lists.executives.report=summary",
        "--plumbline.delivery.email.lists.executives.to=ceo@nordwerk.example,cfo@nordwerk.example",
        "--plumbline.delivery.email.lists.production-head.report=PROD",
        "--plumbline.delivery.email.lists.production-head.to=head.production@nordwerk.example",
        "--plumbline.delivery.email.lists.logistics-head.report=LOG",
        "--plumbline.delivery.email.lists.logistics-head.to=head.logistics@nordwerk.example"};

    // when the nightly job runs as of the day after the last delivery
    try (ConfigurableApplicationContext context = ApplicationContexts.start(home, delivery)) {
      execution = context.getBean(JobOperator.class).start(context.getBean("nightly", Job.class),
          new JobParametersBuilder().addString("asOf", "2026-01-31").toJobParameters());
    }
  }

  @AfterAll
  void stopTheMailServer() {
    greenMail.stop();
  }

  @Test
  void theJobCompletesWithEveryStep() {
    assertThat(execution.getStatus()).as("failures: %s", execution.getAllFailureExceptions())
        .isEqualTo(BatchStatus.COMPLETED);
    assertThat(execution.getStepExecutions()).extracting(StepExecution::getStepName)
        .containsExactly("ingest", "reconcile", "report", "deliver", "publish", "lake");
  }

  @Test
  void everySourceHasAsManyRowsInTheWarehouseAsInItsFiles() throws Exception {
    Map<String, Integer> inWarehouse = DemoHome.query(home,
            "select source_id, sum(rows_loaded)::integer from load_audit group by source_id").stream()
        .collect(Collectors.toMap(r -> (String) r.get(0), r -> (Integer) r.get(1)));
    assertThat(inWarehouse).isEqualTo(inbox.rowsBySource());
    assertThat(DemoHome.query(home, "select count(*) from raw_row where not is_layout").get(0).get(0))
        .isEqualTo((long) inbox.rowsBySource().values().stream().mapToInt(Integer::intValue).sum());
  }

  @Test
  void everyFileIsLoadedOnceAndArchived() throws Exception {
    assertThat(DemoHome.query(home, "select count(*), count(distinct content_hash) from load_audit").get(0))
        .containsExactly((long) inbox.files().size(), (long) inbox.files().size());
    try (var left = Files.list(home.inbox())) {
      assertThat(left).isEmpty();
    }
    try (var archived = Files.list(home.archive())) {
      assertThat(archived.filter(Files::isRegularFile).count()).isEqualTo(inbox.files().size());
    }
  }

  @Test
  void theStepCountsAreTheLedgersCounts() throws Exception {
    StepExecution ingest = step("ingest");
    List<Object> audit = DemoHome.query(home,
        "select sum(rows_read), sum(rows_loaded), sum(rows_skipped) from load_audit").get(0);
    assertThat(ingest.getReadCount()).isEqualTo(((Number) audit.get(0)).longValue());
    assertThat(ingest.getWriteCount()).isEqualTo(((Number) audit.get(1)).longValue());
    assertThat(ingest.getFilterCount()).isEqualTo(((Number) audit.get(2)).longValue());
    // The production workbooks' totals rows are the only layout rows: one per workbook.
    assertThat(ingest.getFilterCount()).isEqualTo(inbox.files("prod_weekly_kpis").size());
  }

  @Test
  void theBreachMartHoldsExactlyTheWeeksTheStoryDeclares() throws Exception {
    List<String> breached = DemoHome.query(home,
            "select iso_week from fct_policy_breach where policy_id = '" + expected.breachPolicy() + "' order by iso_week")
        .stream().map(r -> (String) r.get(0)).toList();
    assertThat(breached).isEqualTo(weeks(expected.breachedWeeks()));
    assertThat(DemoHome.query(home, "select count(*) from fct_policy_breach").get(0).get(0))
        .isEqualTo((long) expected.breachedWeeks().size());
    // and each breach finding shows, beside the measured figure, the 100% Production reported
    assertThat(DemoHome.query(home, "select distinct self_reported_value from fct_finding"
        + " where finding_type = 'policy_breach'")).containsExactly(List.of(100.0));
  }

  @Test
  void theDiscrepancyIsFoundAndNothingElse() throws Exception {
    List<List<Object>> rows = DemoHome.query(home,
        "select department_code, kpi_id, iso_week from fct_reporting_discrepancy order by iso_week");
    assertThat(rows).extracting(r -> r.get(0)).containsOnly(expected.discrepancyDepartment());
    assertThat(rows).extracting(r -> r.get(1)).containsOnly(expected.discrepancyKpi());
    assertThat(rows).extracting(r -> (String) r.get(2)).isEqualTo(weeks(expected.discrepancyWeeks()));
  }

  @Test
  void theComplaintsEarlyWarningFiresBeforeTheOemIncident() throws Exception {
    DemoStory.ExpectedInsights insights = expected.insights();
    List<List<Object>> warnings = DemoHome.query(home, "select min(first_signal_week) from fct_early_warning"
        + " where kpi_id = '" + insights.earlyWarningKpi() + "' and side = 'above'");
    String firstWarning = (String) warnings.get(0).get(0);
    assertThat(firstWarning).as("first early warning on %s", insights.earlyWarningKpi()).isNotNull()
        .isLessThan(insights.earlyWarningBefore().toString());
    // and the baseline half-year, before the inspection shift, raises no warning of its own
    assertThat(DemoHome.query(home, "select count(*) from fct_spc_signal where kpi_id = '"
        + insights.earlyWarningKpi() + "' and phase = 'I' and side = 'above' and rule_id like 'WE%'").get(0).get(0))
        .isEqualTo(0L);
  }

  @Test
  void theInspectionDropFromASteady100PercentIsOneDepartureNotARunRuleInEveryWeek() throws Exception {
    // the MES measured exactly 100% inspection in every baseline week: sigma 0, no limits to breach
    assertThat(DemoHome.query(home, "select chart_status, centre_line from fct_spc_chart"
        + " where kpi_id = 'inspection_coverage'")).containsExactly(List.of("steady_baseline", 1.0));
    assertThat(DemoHome.query(home, "select count(*) from fct_spc_signal where kpi_id = 'inspection_coverage'"))
        .containsExactly(List.of(0L));
    // so the drop is one early warning from the first breached week, over every breached week
    assertThat(DemoHome.query(home, "select rule_id, first_signal_week, signal_count::integer from fct_early_warning"
        + " where kpi_id = 'inspection_coverage'")).containsExactly(List.of("departure",
        expected.breachedWeeks().get(0).toString(), expected.breachedWeeks().size()));
  }

  @Test
  void theAuditsAreCaughtPassingWhileComplaintsRise() throws Exception {
    DemoStory.ExpectedInsights insights = expected.insights();
    List<List<Object>> mirages = DemoHome.query(home, "select lowest_score, first_p_value, first_window_start_week"
        + " from fct_compliance_mirage where kpi_id = '" + insights.mirageScoreKpi() + "' and watch_kpi_id = '"
        + insights.mirageWatchKpi() + "'");
    assertThat(mirages).hasSize(1);
    assertThat((Double) mirages.get(0).get(0)).isGreaterThanOrEqualTo(95.0);
    assertThat((Double) mirages.get(0).get(1)).isLessThan(0.05);
    // the window that shows the rise starts after the business-as-usual half-year
    assertThat((String) mirages.get(0).get(2)).isGreaterThan("2025-W26");
  }

  @Test
  void theThroughputBonusIsCaughtPullingAgainstTheInspectionPolicy() throws Exception {
    // strategy.yml pays the head of production on units produced, in tension with inspection coverage
    assertThat(DemoHome.query(home, "select paid_role_id, scheme_id, policy_id from fct_incentive_conflict"))
        .containsExactly(List.of("head_of_production", "INC-PROD-2025", expected.breachPolicy()));
  }

  @Test
  void theInspectionPolicysOwnerCannotStopTheLine() throws Exception {
    assertThat(DemoHome.query(home, "select policy_id from fct_accountability_gap order by policy_id"))
        .extracting(r -> r.get(0)).containsExactlyElementsOf(expected.insights().accountabilityGapPolicies());
  }

  @Test
  void theDepartmentsReportingPartOfTheTriadAreNamed() throws Exception {
    assertThat(DemoHome.query(home, "select department_code from fct_triad_gap order by department_code"))
        .extracting(r -> r.get(0)).containsExactlyElementsOf(expected.insights().triadGapDepartments());
  }

  @Test
  void theFindingsAreExactlyThePlantedStory() throws Exception {
    List<List<Object>> byType = DemoHome.query(home, "select finding_type, count(*)::integer from fct_finding"
        + " where finding_family = 'reconciliation' group by all order by 1");
    assertThat(byType).containsExactly(
        List.of("late_submission", expected.lateSubmissions().size()),
        List.of("policy_breach", expected.breachedWeeks().size()),
        List.of("reporting_discrepancy", expected.discrepancyWeeks().size()),
        List.of("retroactive_revision", expected.revisedWeeks().size()));
  }

  @Test
  void theInsightFindingsAreFindingsWithAStatusLikeEveryOther() throws Exception {
    // every insight finding of the insight models is in fct_finding, under its type-prefixed key
    String insightKeys = "select finding_type || ':' || finding_key from fct_early_warning"
        + " union all select finding_type || ':' || finding_key from fct_threshold_projection"
        + " union all select finding_type || ':' || finding_key from fct_compliance_mirage"
        + " union all select finding_type || ':' || finding_key from fct_accountability_gap"
        + " union all select finding_type || ':' || finding_key from fct_triad_gap"
        + " union all select finding_type || ':' || finding_key from fct_incentive_conflict";
    assertThat(DemoHome.query(home, "select count(*) from (" + insightKeys + ")").get(0).get(0)).isEqualTo(11L);
    assertThat(DemoHome.query(home, "select finding_key from fct_finding where finding_family = 'insight'"
        + " except select * from (" + insightKeys + ")")).isEmpty();
    // every early warning is traced to the KPI rows of its weeks (`plumbline trace`)
    assertThat(DemoHome.query(home, "select count(*) from fct_early_warning as w where not exists (select 1"
        + " from fct_finding_lineage as l where l.finding_key = 'early_warning:' || w.finding_key"
        + " and l.row_role = 'evidence')")).containsExactly(List.of(0L));
    assertThat(DemoHome.query(home, "select count(*) > 0 from fct_early_warning")).containsExactly(List.of(true));
    // and the report shows the status the history gives them: new in the first run
    assertThat(DemoHome.query(home, "select status, count(*) from rpt_finding where finding_key in ("
        + insightKeys + ") group by all")).containsExactly(List.of("new", 11L));
  }

  @Test
  void theLateWorkbookIsTheOneTheStoryDelays() throws Exception {
    assertThat(DemoHome.query(home, "select finding_key from fct_submission_gap order by 1").stream()
        .map(r -> (String) r.get(0)).toList()).isEqualTo(expected.lateSubmissions());
    assertThat(DemoHome.query(home, "select finding_type from fct_submission_gap").get(0).get(0))
        .isEqualTo("late_submission");
    // and the report gathers it by its calendar entry, not by its finding key, and prints the
    // entry's name (submissions.yml: name)
    assertThat(DemoHome.query(home, "select distinct subject, subject_name from rpt_finding_change"
        + " where finding_type = 'late_submission'"))
        .containsExactly(List.of("SUB-PROD-KPI", "Monthly production KPI workbook"));
  }

  @Test
  void thePolishedWeeksAreRevisionsUpwardsInTheResentWorkbook() throws Exception {
    List<List<Object>> rows = DemoHome.query(home, "select metric_name, iso_week, direction, is_flattering,"
        + " revised_file_name, previous_file_name from fct_retroactive_revision order by iso_week");
    assertThat(rows).extracting(r -> (String) r.get(1)).isEqualTo(weeks(expected.revisedWeeks()));
    assertThat(rows).allSatisfy(r -> assertThat(r).containsExactly(expected.revisedMetric(), r.get(1), "up", true,
        "Produktion_KPI_2025-06_korrigiert.xlsx", "Produktion_KPI_2025-06.xlsx"));
  }

  @Test
  void everyFindingIsNewInTheFirstRunAndRecordedInTheHistory() throws Exception {
    long findings = (Long) DemoHome.query(home, "select count(*) from fct_finding").get(0).get(0);
    assertThat(DemoHome.query(home, "select status, count(*) from fct_finding_status group by all"))
        .containsExactly(List.of("new", findings));
    assertThat(DemoHome.query(home, "select count(*) from finding_history").get(0).get(0)).isEqualTo(findings);
    long governanceFiles;
    try (var files = Files.list(home.governance())) {
      governanceFiles = files.filter(f -> f.toString().endsWith(".yml")).count();
    }
    assertThat(DemoHome.query(home, "select count(distinct config_version), count(*) from config_version_history")
        .get(0)).containsExactly(1L, governanceFiles);
  }

  @Test
  void everyFindingButAMissingSubmissionHasLineageToRawRows() throws Exception {
    // accountability gaps and incentive conflicts are judged on the governance model alone
    assertThat(DemoHome.query(home, "select count(*) from fct_finding f where finding_type not in"
        + " ('accountability_without_authority', 'incentive_conflict')"
        + " and not exists (select 1 from fct_finding_lineage l join raw_row r using (load_id, sheet_name, row_number)"
        + " where l.finding_key = f.finding_key)").get(0).get(0)).isEqualTo(0L);
  }

  @Test
  void everyValueIsTyped() throws Exception {
    assertThat(DemoHome.query(home, "select count(*) from raw_quarantine").get(0).get(0))
        .isEqualTo(0L);
  }

  @Test
  void thePdfNamesTheBreachedPolicyAndItsWeeks() throws Exception {
    Path pdf = home.outbox().resolve("executive-summary_as-of-2026-01-31.pdf");
    assertThat(pdf).exists();
    String text = PdfText.of(pdf);
    assertThat(text).contains(expected.breachPolicy()).contains("was breached in 16 weeks");
    for (String week : weeks(expected.breachedWeeks())) {
      assertThat(text).contains(week);
    }
  }

  @Test
  void everyFindingInTheWarehouseIsListedInThePdfByItsKey() throws Exception {
    // given every finding the warehouse holds, reconciliation and insight findings alike
    List<List<Object>> keys = DemoHome.query(home, "select finding_key from fct_finding");
    assertThat(keys).hasSize(46);

    // when the PDF is read as text (a key may wrap at the column edge, so whitespace is ignored)
    String text = PdfText.withoutSpaces(home.outbox().resolve("executive-summary_as-of-2026-01-31.pdf"));

    // then each one is there
    for (List<Object> key : keys) {
      assertThat(text).contains(key.get(0).toString().replaceAll("\\s+", ""));
    }
  }

  @Test
  void eachDepartmentsPdfListsItsOwnFindingsAndNoOther() throws Exception {
    // given the findings of Production and of Quality Management
    List<List<Object>> production = DemoHome.query(home,
        "select finding_key from rpt_finding where department_code = 'PROD'");
    List<List<Object>> others = DemoHome.query(home,
        "select department_name from rpt_finding where department_code <> 'PROD'");
    assertThat(production).hasSize(37);
    assertThat(others).hasSize(9);

    // when Production's drill-down is read
    String text;
    try (PDDocument document = Loader.loadPDF(home.outbox().resolve("executive-report_PROD_as-of-2026-01-31.pdf").toFile())) {
      text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
    }

    // then it holds every Production finding and none of another department's
    for (List<Object> key : production) {
      assertThat(text).contains(key.get(0).toString().replaceAll("\\s+", ""));
    }
    // (an insight's key such as "POL-INSP-001" can be part of a Production key, so names are checked)
    assertThat(text).doesNotContain("QualityManagement", "Logistics");
    assertThat(home.outbox().resolve("executive-report_QUAL_as-of-2026-01-31.pdf")).exists();
    assertThat(home.outbox().resolve("executive-report_LOG_as-of-2026-01-31.pdf")).exists();
  }

  @Test
  void theFullFindingsAndQuarantineListsLieBesideThePdfAsCsv() throws Exception {
    // given every finding and quarantined row in the warehouse
    long findings = ((Number) DemoHome.query(home, "select count(*) from rpt_finding").get(0).get(0)).longValue();
    long quarantined = ((Number) DemoHome.query(home, "select count(*) from rpt_quarantine").get(0).get(0)).longValue();

    // when the outbox is read
    List<String> findingLines = Files.readAllLines(home.outbox().resolve("findings_as-of-2026-01-31.csv"));
    List<List<Object>> quarantineCsv = DemoHome.query(home, "select count(*) from read_csv('"
        + home.outbox().resolve("quarantine_as-of-2026-01-31.csv").toString().replace("'", "''") + "', header = true)");

    // then each holds every row, under a header
    assertThat(findings).isEqualTo(46);
    assertThat(findingLines).hasSize(47);
    assertThat(findingLines.get(0)).startsWith("finding_key,section,finding_type,severity,status,");
    assertThat(((Number) quarantineCsv.get(0).get(0)).longValue()).isEqualTo(quarantined);
    assertThat(step("report").getWriteCount()).isEqualTo(6);
  }

  @Test
  void theAnalystsCopyIsPublished() throws Exception {
    String current = Files.readString(home.published().resolve("CURRENT")).strip();
    assertThat(current).isEqualTo("plumbline-" + execution.getId() + ".duckdb");
    assertThat(home.published().resolve(current)).exists();
  }

  @Test
  void eachListGetsItsReportByEmailAndDepartmentHeadsOnlyTheirOwn() throws Exception {
    // given the run's deliver step
    StepExecution deliver = step("deliver");

    // then every recipient received exactly its list's PDF, byte for byte as in the outbox
    Map<String, String> received = new java.util.TreeMap<>();
    for (MimeMessage message : greenMail.getReceivedMessages()) {
      Multipart parts = (Multipart) message.getContent();
      List<String> attached = new java.util.ArrayList<>();
      for (int i = 0; i < parts.getCount(); i++) {
        BodyPart part = parts.getBodyPart(i);
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
          attached.add(part.getFileName());
          assertThat(part.getInputStream().readAllBytes())
              .isEqualTo(Files.readAllBytes(home.outbox().resolve(part.getFileName())));
        }
      }
      received.put(message.getAllRecipients()[0].toString(), String.join(",", attached));
    }
    assertThat(received).containsExactly(
        Map.entry("ceo@nordwerk.example", "executive-summary_as-of-2026-01-31.pdf"),
        Map.entry("cfo@nordwerk.example", "executive-summary_as-of-2026-01-31.pdf"),
        Map.entry("head.logistics@nordwerk.example", "executive-report_LOG_as-of-2026-01-31.pdf"),
        Map.entry("head.production@nordwerk.example", "executive-report_PROD_as-of-2026-01-31.pdf"));
    assertThat(deliver.getReadCount()).isEqualTo(4);
    assertThat(deliver.getWriteCount()).isEqualTo(4);
    assertThat(deliver.getExitStatus().getExitCode()).isEqualTo("COMPLETED");
    assertThat(DemoHome.query(home, "select outcome, count(*), min(run_id), max(attempts) from report_delivery"
        + " group by outcome")).containsExactly(List.of("sent", 4L, execution.getId(), 1));
  }

  @Test
  void theReportTablesLieBesideThePdfAsAWorkbookEqualToTheWarehouse() throws Exception {
    Path workbook = home.outbox().resolve("report-tables_as-of-2026-01-31.xlsx");
    List<String> tables = DemoHome.query(home, "select table_name from information_schema.tables"
            + " where table_name like 'rpt\\_%' escape '\\' order by table_name").stream()
        .map(r -> (String) r.get(0)).toList();
    assertThat(WorkbookReadBack.sheetNames(workbook)).isEqualTo(tables);
    try (java.sql.Connection duckdb = java.sql.DriverManager.getConnection("jdbc:duckdb:" + home.warehouseFile())) {
      for (String table : tables) {
        WorkbookReadBack.assertSheetEqualsTable(workbook, table, duckdb, table);
      }
      assertThat(WorkbookReadBack.assertSheetEqualsTable(workbook, "rpt_finding", duckdb, "rpt_finding"))
          .isEqualTo(46);
    }
    assertThat(WorkbookReadBack.headerFrozen(workbook, 0)).isTrue();
  }

  private StepExecution step(String name) {
    return execution.getStepExecutions().stream().filter(s -> s.getStepName().equals(name)).findFirst().orElseThrow();
  }

  private static List<String> weeks(List<IsoWeek> weeks) {
    return weeks.stream().map(IsoWeek::toString).toList();
  }
}
