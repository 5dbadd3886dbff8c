package org.plumbline.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.plumbline.cli.ApplicationContexts;
import org.plumbline.demo.DemoInboxGenerator;
import org.plumbline.demo.DemoStory;
import org.plumbline.operations.Serving;
import org.plumbline.system.ExampleConfig;
import org.plumbline.system.PlumblineHome;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * The console end to end in Debian's headless chromium: an operator logs in, launches the demo
 * run, watches it complete and downloads the PDF, then re-issues a past date's report; a viewer
 * sees no launch and cannot launch.
 * Skipped with a message where chromium and chromium-driver are not installed (.ci/run installs them).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserTests {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

  Path downloads;
  ConfigurableApplicationContext server;
  String url;
  WebDriver browser;

  @BeforeAll
  void startTheServerWithTheDemoInbox(@TempDir Path folder) throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
        "Skipped: Debian's chromium and chromium-driver are not installed (apt-get install -y chromium chromium-driver).");
    PlumblineHome home = new PlumblineHome(folder.resolve("home")).createFolders();
    ExampleConfig.writeIfAbsent(home);
    new DemoInboxGenerator(DemoStory.load()).generate(home.inbox());
    var encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    server = ApplicationContexts.serve(home, new Class<?>[0], "--server.port=0",
        "--plumbline.console.users[0].name=olga",
        "--plumbline.console.users[0].password-hash=" + encoder.encode("olga-operates"),
        "--plumbline.console.users[0].role=operator",
        "--plumbline.console.users[1].name=victor",
        "--plumbline.console.users[1].password-hash=" + encoder.encode("victor-views"),
        "--plumbline.console.users[1].role=viewer",
        "--plumbline.schedule.nightly=0 30 2 * * *");
    url = "http://localhost:" + server.getEnvironment().getProperty("local.server.port");
    Serving.claim(server, url + "/");
    downloads = Files.createDirectories(folder.resolve("downloads"));
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900");
    options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
        "download.prompt_for_download", false, "plugins.always_open_pdf_externally", true));
    browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build(), options);
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  /** Each test starts logged out, whatever order the tests run in and however the last one ended. */
  @BeforeEach
  void startLoggedOut() {
    browser.get(url + "/actuator/health");
    browser.manage().deleteAllCookies();
  }

  @Test
  void anOperatorLaunchesTheDemoRunWatchesItCompleteAndDownloadsThePdf() throws Exception {
    // given an operator logged in
    logIn("olga", "olga-operates");
    assertThat(browser.getCurrentUrl()).endsWith("/runs");

    // when they launch the nightly run as of the day after the demo's last delivery
    launch("2026-01-31");

    // then the run's page follows it to COMPLETED, with the step counts
    screenshot("run-completed");
    assertThat(statusOnPage()).isEqualTo("COMPLETED");
    assertThat(browser.findElement(By.id("steps")).getText())
        .contains("ingest", "reconcile", "report", "publish");

    // and the report is listed and downloads as a PDF
    browser.get(url + "/reports");
    screenshot("reports");
    String name = "executive-summary_as-of-2026-01-31.pdf";
    assertThat(browser.findElements(By.cssSelector("#reports a"))).extracting(e -> e.getText()).contains(name);
    var link = browser.findElement(By.linkText(name));
    link.click();
    Path pdf = downloads.resolve(name);
    new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> Files.exists(pdf) && !partialDownloads());
    assertThat(new String(Files.readAllBytes(pdf), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

    // and the other pages render for the operator
    browser.get(url + "/schedules");
    assertThat(browser.findElement(By.id("schedules")).getText()).contains("nightly", "0 30 2 * * *");
    screenshot("schedules");
    browser.get(url + "/quarantine");
    screenshot("quarantine");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Quarantine");
    browser.get(url + "/rejected");
    assertThat(browser.findElement(By.id("rejected")).getText()).contains("No rejected files match.");

    // when the report of the end of 2025 is issued again
    browser.get(url + "/runs");
    launch("2025-12-31");

    // then its page says it is a re-issue and what it left alone
    screenshot("reissue-completed");
    assertThat(statusOnPage()).isEqualTo("COMPLETED");
    assertThat(browser.findElement(By.tagName("h1")).getText()).contains("as of 2025-12-31, re-issue:");
    assertThat(browser.findElement(By.id("steps")).getText()).contains("Re-issue of the report as of 2025-12-31"
        + " (reporting has reached 2026-01-31). The analysts' copy is left as it is.");
    // and the reports page lists it, marked, after the reports issued
    browser.get(url + "/reports");
    screenshot("reports-with-reissue");
    List<String> rows = browser.findElements(By.cssSelector("#reports tbody tr")).stream().map(e -> e.getText()).toList();
    assertThat(rows.get(0)).startsWith(name);
    assertThat(rows.stream().dropWhile(row -> !row.contains("_reissue-run-")))
        .isNotEmpty().allMatch(row -> row.contains("_as-of-2025-12-31_reissue-run-")
            && row.contains("re-issue of a past date's report; it replaces nothing issued"));
    logOut();
  }

  /** Launches the nightly run as of the date from the runs page, and follows it to its end. */
  private void launch(String asOf) {
    var date = browser.findElement(By.name("asOf"));
    ((JavascriptExecutor) browser).executeScript("arguments[0].value = '" + asOf + "'", date);
    browser.findElement(By.id("launch-button")).click();
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(b -> b.getCurrentUrl().matches(".*/runs/\\d+") || !b.findElements(By.cssSelector(".flash.error")).isEmpty());
    assertThat(browser.getCurrentUrl()).as("%s", browser.findElements(By.cssSelector(".flash")).stream()
        .map(e -> e.getText()).toList()).matches(".*/runs/\\d+");
    screenshot("run-started");
    new WebDriverWait(browser, Duration.ofSeconds(180)).pollingEvery(Duration.ofMillis(500))
        .ignoring(org.openqa.selenium.WebDriverException.class)
        .until(b -> statusOnPage().equals("COMPLETED") || statusOnPage().equals("FAILED"));
  }

  @Test
  void aRunWhoseProcessWasKilledReadsCutOffAndOffersARestartNotAStop() throws Exception {
    // given a run the job repository still reads as STARTED, whose process left its liveness
    // lock file behind unheld (CrashSafetyTests kills a real one; here the repository is written
    // as the killed process left it)
    var repository = server.getBean(org.springframework.batch.core.repository.JobRepository.class);
    var parameters = new org.springframework.batch.core.job.parameters.JobParametersBuilder()
        .addString("asOf", "2020-01-31").toJobParameters();
    var execution = repository.createJobExecution(repository.createJobInstance("nightly", parameters), parameters,
        new org.springframework.batch.infrastructure.item.ExecutionContext());
    execution.setStatus(org.springframework.batch.core.BatchStatus.STARTED);
    execution.setStartTime(java.time.LocalDateTime.now().minusMinutes(5));
    repository.update(execution);
    Path live = Files.createDirectories(server.getBean(PlumblineHome.class).root().resolve("running"));
    Files.createFile(live.resolve(execution.getId() + ".lock"));
    logIn("olga", "olga-operates");

    // when the operator opens it
    browser.get(url + "/runs/" + execution.getId());

    // then it reads cut off, says what happened, and offers a restart but no stop
    screenshot("run-cut-off");
    assertThat(statusOnPage()).isEqualTo("CUT OFF");
    assertThat(browser.findElement(By.id("cut-off")).getText()).contains(
        "It reads STARTED, but no process runs it any more (killed, or its machine stopped).",
        "plumbline restart " + execution.getId());
    assertThat(browser.findElements(By.id("restart"))).hasSize(1);
    assertThat(browser.findElements(By.id("stop"))).isEmpty();
    logOut();
  }

  @Test
  void aViewerSeesRunsButCannotLaunch() {
    // given a viewer logged in
    logIn("victor", "victor-views");

    // then the runs page offers no launch, and a forged launch request is forbidden
    assertThat(browser.findElements(By.id("launch"))).isEmpty();
    screenshot("viewer-runs");
    String token = browser.findElement(By.name("_csrf")).getAttribute("value");
    Object status = ((JavascriptExecutor) browser).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "fetch('/runs', {method: 'POST', headers: {'Content-Type': 'application/x-www-form-urlencoded'},"
            + " body: 'job=nightly&_csrf=' + encodeURIComponent(arguments[0]), redirect: 'manual'})"
            + ".then(r => done(r.status));", token);
    assertThat(((Number) status).intValue()).isEqualTo(403);
    logOut();
  }

  @Test
  void nothingButHealthAnswersWithoutALogin() {
    browser.get(url + "/runs");
    assertThat(browser.getCurrentUrl()).endsWith("/login");
    assertThat(browser.findElements(By.id("status"))).isEmpty();
    browser.get(url + "/actuator/health");
    assertThat(browser.getPageSource()).contains("\"status\":\"UP\"");
    // the icon answers too: were it behind the login, the browser's icon fetch would open a
    // second session racing the login page's, and the first login would fail its CSRF check
    browser.get(url + "/favicon.svg");
    assertThat(browser.getPageSource()).contains("<svg");
  }

  @Test
  void aLoginFormWhoseSessionEndedSaysSoAndTheNextLoginWorks() {
    // given a login page whose session has ended before the user sends it
    browser.get(url + "/login");
    browser.manage().deleteAllCookies();
    browser.findElement(By.id("username")).sendKeys("olga");
    browser.findElement(By.id("password")).sendKeys("olga-operates");

    // when it is sent, the user is back on the login page with a sentence, not a bare 403
    browser.findElement(By.id("login")).click();
    new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> b.getCurrentUrl().endsWith("/login?expired"));
    assertThat(browser.findElement(By.cssSelector(".flash.error")).getText()).contains("expired", "log in again");
    screenshot("login-expired");

    // and logging in again works
    logIn("olga", "olga-operates");
    assertThat(browser.getCurrentUrl()).endsWith("/runs");
    logOut();
  }

  private void logIn(String name, String password) {
    browser.get(url + "/login");
    browser.findElement(By.id("username")).sendKeys(name);
    browser.findElement(By.id("password")).sendKeys(password);
    browser.findElement(By.id("login")).click();
    new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> !b.getCurrentUrl().endsWith("/login"));
  }

  /** Logs out and waits for the landing page, so the next navigation cannot cut the logout short. */
  private void logOut() {
    browser.findElement(By.cssSelector("header form button")).click();
    new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> b.getCurrentUrl().contains("/login?logout"));
  }

  /** The run's status; the page refreshes itself while the run goes on, so a read may race it. */
  private String statusOnPage() {
    for (int attempt = 1; ; attempt++) {
      try {
        return browser.findElement(By.id("status")).getText();
      } catch (org.openqa.selenium.WebDriverException refreshedMeanwhile) {
        if (attempt == 5) {
          throw refreshedMeanwhile;
        }
      }
    }
  }

  private boolean partialDownloads() {
    try (Stream<Path> files = Files.list(downloads)) {
      return files.anyMatch(p -> p.toString().endsWith(".crdownload"));
    } catch (java.io.IOException e) {
      return true;
    }
  }

  private void screenshot(String name) {
    try {
      Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
