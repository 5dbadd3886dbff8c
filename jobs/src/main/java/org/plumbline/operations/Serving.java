package org.plumbline.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.plumbline.system.PlumblineHome;
import org.plumbline.system.Warehouse;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What makes a started application "the server" for its home: it opens the warehouse at once
 * (so it owns it and every other process is told so) and leaves a note naming its console.
 */
public final class Serving {

  private Serving() {}

  /** Claims the warehouse and writes the note; the note goes when the application closes. */
  public static ServeInfo claim(ConfigurableApplicationContext context, String url) {
    PlumblineHome home = context.getBean(PlumblineHome.class);
    context.getBean(Warehouse.class).connection();
    ServeInfo info = new ServeInfo(ProcessHandle.current().pid(), url);
    try {
      info.write(home);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write " + ServeInfo.file(home) + ": " + e.getMessage(), e);
    }
    context.addApplicationListener(event -> {
      if (event instanceof org.springframework.context.event.ContextClosedEvent) {
        ServeInfo.remove(home);
      }
    });
    return info;
  }
}
