package org.plumbline.cli;

import java.util.ArrayList;
import java.util.List;
import org.plumbline.PlumblineApplication;
import org.plumbline.system.PlumblineHome;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the Spring application for one home folder: its config/application.yml, its job
 * repository (an H2 file under jobrepo/, apart from the DuckDB warehouse) and its logs.
 */
public final class ApplicationContexts {

  private ApplicationContexts() {}

  public static ConfigurableApplicationContext start(PlumblineHome home, String... extraArguments) {
    return start(home, new Class<?>[0], extraArguments);
  }

  /** As {@link #start(PlumblineHome, String...)}, with more configuration classes (tests add listeners). */
  public static ConfigurableApplicationContext start(PlumblineHome home, Class<?>[] extraSources,
      String... extraArguments) {
    home.createFolders();
    List<String> args = new ArrayList<>(List.of(
        "--plumbline.home=" + home.root(),
        "--spring.config.additional-location=optional:file:" + home.config() + "/",
        // AUTO_SERVER lets a second process (status while a run is going on) read the repository.
        "--spring.datasource.url=jdbc:h2:file:" + home.jobRepository().resolve("batch") + ";AUTO_SERVER=TRUE",
        "--logging.file.name=" + home.root().resolve("logs").resolve("plumbline.log")));
    args.addAll(List.of(extraArguments));
    return new SpringApplicationBuilder(PlumblineApplication.class)
        .sources(extraSources)
        .logStartupInfo(false)
        .run(args.toArray(String[]::new));
  }
}
