package org.plumbline;

import org.plumbline.cli.PlumblineCommand;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Plumbline application; {@link PlumblineCommand} is its command line. */
@SpringBootApplication
public class PlumblineApplication {

  public static void main(String[] args) {
    System.exit(PlumblineCommand.execute(args));
  }
}
