package org.plumbline.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.plumbline.PlumblineApplication;
import org.plumbline.system.PlumblineHome;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the Spring application for one home folder: its config/application.yml, its job
 * repository (an H2 file under jobrepo/ unless config/application.yml names another database,
 * e.g. PostgreSQL) and its logs.
 */
public final class ApplicationContexts {

  private ApplicationContexts() {}

  public static ConfigurableApplicationContext start(PlumblineHome home, String... extraArguments) {
    return start(home, new Class<?>[0], extraArguments);
  }

  /** As {@link #start(PlumblineHome, String...)}, with more configuration classes (tests add listeners). */
  public static ConfigurableApplicationContext start(PlumblineHome home, Class<?>[] extraSources,
      String... extraArguments) {
    return builder(home, extraSources).web(WebApplicationType.NONE).run(arguments(home, extraArguments));
  }

  /** The long-running process: scheduler, web console, health and metrics endpoints. */
  public static ConfigurableApplicationContext serve(PlumblineHome home, Class<?>[] extraSources,
      String... extraArguments) {
    List<String> args = new ArrayList<>(List.of("--spring.main.web-application-type=servlet"));
    args.addAll(List.of(extraArguments));
    return builder(home, extraSources).web(WebApplicationType.SERVLET)
        .run(arguments(home, args.toArray(String[]::new)));
  }

  private static SpringApplicationBuilder builder(PlumblineHome home, Class<?>[] extraSources) {
    home.createFolders();
    return new SpringApplicationBuilder(PlumblineApplication.class)
        .sources(extraSources)
        .logStartupInfo(false)
        // Defaults, not arguments: config/application.yml may point the job repository elsewhere.
        // AUTO_SERVER lets a second process (status, stop while a run is going on) use the H2 file.
        .properties(Map.of("spring.datasource.url",
            "jdbc:h2:file:" + home.jobRepository().resolve("batch") + ";AUTO_SERVER=TRUE"));
  }

  private static String[] arguments(PlumblineHome home, String... extraArguments) {
    List<String> args = new ArrayList<>(List.of(
        "--plumbline.home=" + home.root(),
        "--spring.config.additional-location=optional:file:" + home.config() + "/",
        "--logging.file.name=" + home.root().resolve("logs").resolve("plumbline.log")));
    args.addAll(List.of(extraArguments));
    return args.toArray(String[]::new);
  }
}
