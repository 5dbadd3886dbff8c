package org.plumbline.delivery;

import java.time.Clock;
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
      ObjectProvider<Warehouse> warehouse, PlumblineProperties plumbline, Clock clock) {
    DeliverySettingsCheck.check(properties, environment);
    // The warehouse opens only when a delivery is recorded: status and history never touch it.
    return new ReportDelivery(properties.email(), home, () -> warehouse.getObject().connection(),
        plumbline.report().locale(), plumbline.company(), clock);
  }
}
