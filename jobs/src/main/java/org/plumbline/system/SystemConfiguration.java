package org.plumbline.system;

import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Supplier;
import org.plumbline.governance.GovernanceLoader;
import org.plumbline.governance.GovernanceModel;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/** The pieces every feature shares: the home folder, the warehouse, the governance model. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PlumblineProperties.class)
class SystemConfiguration {

  @Bean
  PlumblineHome plumblineHome(PlumblineProperties properties) {
    return new PlumblineHome(Path.of(properties.home() == null ? "var" : properties.home())).createFolders();
  }

  /** Opened at first use and held until the process ends: this process is the one writer. */
  @Bean(destroyMethod = "close")
  @Lazy
  Warehouse warehouse(PlumblineHome home, PlumblineProperties properties) {
    return Warehouse.deferred(home.warehouseFile(), properties.warehouse().memoryLimit(),
        properties.warehouse().threads());
  }

  /** Reads the governance files afresh on each call, so each run uses the config as it is. */
  @Bean
  Supplier<GovernanceModel> governance(PlumblineHome home) {
    GovernanceLoader loader = new GovernanceLoader();
    return () -> loader.load(home.governance());
  }

  @Bean
  Clock clock() {
    return Clock.systemDefaultZone();
  }
}
