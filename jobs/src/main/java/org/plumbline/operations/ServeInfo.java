package org.plumbline.operations;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.plumbline.system.PlumblineHome;

/**
 * The note {@code plumbline serve} leaves in the home folder while it owns the warehouse, so a
 * command that cannot open the warehouse can say who holds it and where its console is.
 *
 * @param pid the serving process
 * @param url the console's address
 */
public record ServeInfo(long pid, String url) {

  static Path file(PlumblineHome home) {
    return home.root().resolve("serve.properties");
  }

  void write(PlumblineHome home) throws IOException {
    Properties p = new Properties();
    p.setProperty("pid", Long.toString(pid));
    p.setProperty("url", url);
    try (Writer w = Files.newBufferedWriter(file(home))) {
      p.store(w, "Written by plumbline serve while it owns the warehouse; removed when it stops.");
    }
  }

  static void remove(PlumblineHome home) {
    try {
      Files.deleteIfExists(file(home));
    } catch (IOException ignored) {
      // A stale note is harmless: read() checks that the process is alive.
    }
  }

  /** The serving process for this home, if one is alive. */
  public static Optional<ServeInfo> read(PlumblineHome home) {
    Path f = file(home);
    if (!Files.isRegularFile(f)) {
      return Optional.empty();
    }
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(f)) {
      p.load(r);
      long pid = Long.parseLong(p.getProperty("pid", "0"));
      boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
      return alive ? Optional.of(new ServeInfo(pid, p.getProperty("url", ""))) : Optional.empty();
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** What a command that needs the warehouse says while serve holds it. */
  public String ownsTheWarehouse() {
    return "Plumbline serve (process " + pid + ") owns the warehouse, so this command cannot open it. "
        + "Launch, stop and restart runs in its console at " + url + ", stop runs with `plumbline stop RUN`, "
        + "or stop serve first.";
  }
}
