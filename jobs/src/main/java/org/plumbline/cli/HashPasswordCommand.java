package org.plumbline.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "hash-password", mixinStandardHelpOptions = true,
    description = {"Reads a password (typed without echo on a terminal, else the first line of standard input) "
        + "and prints its hash for plumbline.console.users[].password-hash in config/application.yml.",
        "The console stores and compares only hashes, never passwords."},
    footer = {"", ExitCodes.HELP})
final class HashPasswordCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    String password;
    if (System.console() != null && TerminalProgress.attachedToTerminal()) {
      char[] typed = System.console().readPassword("Password: ");
      password = typed == null ? "" : new String(typed);
    } else {
      String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      password = line == null ? "" : line;
    }
    if (password.length() < 8) {
      throw new UsageException("A console password needs at least 8 characters.");
    }
    spec.commandLine().getOut().println(PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(password));
    return ExitCodes.OK;
  }
}
