package org.plumbline.delivery;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.plumbline.governance.Department;
import org.plumbline.governance.GovernanceModel;
import org.plumbline.system.PlumblineHome;
import org.plumbline.system.PlumblineProperties;
import org.plumbline.system.Warehouse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Report delivery: the settings, checked at start-up of every command (a mistyped address
 * stops it naming file, line and key), and the service the deliver step and resend share.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeliveryProperties.class)
class DeliveryConfiguration {

  @Bean
  ReportDelivery reportDelivery(DeliveryProperties properties, Environment environment, PlumblineHome home,
      ObjectProvider<Warehouse> warehouse, PlumblineProperties plumbline, Clock clock,
      Supplier<GovernanceModel> governance) {
    DeliverySettingsCheck.check(properties, environment, () -> departmentCodes(governance));
    // The warehouse opens only when a delivery is recorded: status and history never touch it.
    return new ReportDelivery(properties.email(), home, () -> warehouse.getObject().connection(),
        plumbline.report().locale(), plumbline.company(), clock);
  }

  /** The governance model's department codes; none when the model has problems, which its own check names. */
  private static Optional<Set<String>> departmentCodes(Supplier<GovernanceModel> governance) {
    try {
      return Optional.of(governance.get().departments().stream().map(Department::code)
          .collect(Collectors.toUnmodifiableSet()));
    } catch (RuntimeException modelHasProblems) {
      return Optional.empty();
    }
  }
}
