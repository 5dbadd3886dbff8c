package org.plumbline.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The complete, commented example configuration shipped in the jar (the repository's
 * {@code config/} folder), written into a home folder that has none yet.
 */
public final class ExampleConfig {

  private static final String ROOT = "config-example/";

  private ExampleConfig() {}

  /** Writes the example into {@code home/config} unless a governance model is already there. */
  public static List<Path> writeIfAbsent(PlumblineHome home) {
    List<Path> written = new ArrayList<>();
    if (Files.isDirectory(home.governance())) {
      return written;
    }
    try {
      Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:" + ROOT + "**/*.yml");
      for (Resource resource : resources) {
        String url = resource.getURL().toString();
        Path target = home.config().resolve(url.substring(url.lastIndexOf(ROOT) + ROOT.length()));
        Files.createDirectories(target.getParent());
        try (InputStream in = resource.getInputStream()) {
          Files.copy(in, target);
        }
        written.add(target);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the example configuration to " + home.config(), e);
    }
    if (written.isEmpty()) {
      throw new IllegalStateException("The example configuration is missing from the build.");
    }
    return written;
  }
}
