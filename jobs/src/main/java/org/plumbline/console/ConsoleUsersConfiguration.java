package org.plumbline.console;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The console's users, read and checked in every command; only serve logs them in (ConsoleSecurity). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConsoleProperties.class)
class ConsoleUsersConfiguration {

  /** The users as checked; a problem stops the start-up naming file, line and key. */
  @Bean
  CheckedConsoleUsers checkedConsoleUsers(ConsoleProperties properties, Environment environment) {
    return new CheckedConsoleUsers(ConsoleUsersCheck.check(properties, environment).users());
  }

  /** Users whose names, hashes and roles passed {@link ConsoleUsersCheck}. */
  record CheckedConsoleUsers(java.util.List<ConsoleProperties.User> users) {}
}
