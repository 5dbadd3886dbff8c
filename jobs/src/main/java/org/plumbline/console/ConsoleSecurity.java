package org.plumbline.console;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
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
  UserDetailsService consoleUsers(ConsoleUsersConfiguration.CheckedConsoleUsers checked) {
    List<UserDetails> users = new ArrayList<>();
    for (ConsoleProperties.User u : checked.users()) {
      String[] roles = ConsoleUsersCheck.OPERATOR.equals(ConsoleUsersCheck.role(u))
          ? new String[] {VIEWER, OPERATOR} : new String[] {VIEWER};
      users.add(User.withUsername(u.name().strip()).password(u.passwordHash().strip()).roles(roles).build());
    }
    return new InMemoryUserDetailsManager(users);
  }
}
