package org.plumbline.console;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may see and do what. Every page needs a login; viewers read, operators also launch, stop
 * and restart (every state-changing request is a POST, guarded by role and CSRF token). Only
 * the health endpoint answers without a login, for load balancers and monitors.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableConfigurationProperties(ConsoleProperties.class)
class ConsoleSecurity {

  static final String VIEWER = "VIEWER";
  static final String OPERATOR = "OPERATOR";

  @Bean
  SecurityFilterChain consoleFilterChain(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(requests -> requests
            .requestMatchers("/actuator/health", "/actuator/health/**", "/login", "/console.css", "/favicon.svg", "/favicon.ico",
                "/error").permitAll()
            .requestMatchers(HttpMethod.POST, "/runs", "/runs/**").hasRole(OPERATOR)
            .requestMatchers("/**").hasRole(VIEWER))
        .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/runs", false))
        .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
        .exceptionHandling(denied -> denied.accessDeniedHandler(new ExpiredFormHandler()))
        // Monitoring scripts may read metrics with HTTP basic; the console itself uses the form.
        .httpBasic(Customizer.withDefaults());
    return http.build();
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  UserDetailsService consoleUsers(ConsoleProperties properties) {
    List<UserDetails> users = new ArrayList<>();
    for (ConsoleProperties.User u : properties.users()) {
      users.add(User.withUsername(required(u.name(), "name", u)).password(hash(u)).roles(roles(u)).build());
    }
    return new InMemoryUserDetailsManager(users);
  }

  private static String hash(ConsoleProperties.User u) {
    String hash = required(u.passwordHash(), "password-hash", u);
    if (!hash.startsWith("{")) {
      throw new org.plumbline.system.SettingsInvalidException("plumbline.console.users: the password-hash of " + u.name()
          + " in config/application.yml must be a hash such as {bcrypt}$2a$10$…, never a password; "
          + "make one with `plumbline hash-password`.");
    }
    return hash;
  }

  private static String[] roles(ConsoleProperties.User u) {
    String role = required(u.role(), "role", u).strip().toLowerCase(java.util.Locale.ROOT);
    return switch (role) {
      case "viewer" -> new String[] {VIEWER};
      case "operator" -> new String[] {VIEWER, OPERATOR};
      default -> throw new org.plumbline.system.SettingsInvalidException("plumbline.console.users: the role of " + u.name()
          + " in config/application.yml must be viewer or operator, not '" + u.role() + "'.");
    };
  }

  private static String required(String value, String key, ConsoleProperties.User u) {
    if (value == null || value.isBlank()) {
      throw new org.plumbline.system.SettingsInvalidException("plumbline.console.users: a user"
          + (u.name() == null ? "" : " (" + u.name() + ")") + " in config/application.yml has no " + key + ".");
    }
    return value;
  }
}
