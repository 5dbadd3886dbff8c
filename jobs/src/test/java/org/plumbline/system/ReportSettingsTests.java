package org.plumbline.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ReportSettingsTests {

  @Test
  void readsLanguageAndPeriodFromTheSettings() {
    // given
    Map<String, String> yml = Map.of("plumbline.report.language", "DE", "plumbline.report.period", " month ");

    // when
    PlumblineProperties properties = bind(yml);

    // then
    assertThat(properties.report().locale()).isEqualTo(Locale.GERMANY);
    assertThat(properties.report().period()).isEqualTo("month");
  }

  @Test
  void defaultsToEnglishAndTheQuarterWhenTheKeysAreAbsent() {
    // when
    PlumblineProperties properties = bind(Map.of("plumbline.company", "Nordwerk"));

    // then
    assertThat(properties.report().locale()).isEqualTo(Locale.UK);
    assertThat(properties.report().period()).isEqualTo("quarter");
  }

  @Test
  void namesTheKeyAndTheAllowedValuesOfABadLanguage() {
    // when / then
    assertThatThrownBy(() -> bind(Map.of("plumbline.report.language", "fr")))
        .isInstanceOf(BindException.class)
        .rootCause()
        .isInstanceOf(SettingsInvalidException.class)
        .hasMessage("plumbline.report.language in config/application.yml must be en or de, not 'fr'.");
  }

  @Test
  void namesTheKeyAndTheAllowedValuesOfABadPeriod() {
    // when / then
    assertThatThrownBy(() -> new PlumblineProperties.ReportSettings("A4", "en", "year"))
        .isInstanceOf(SettingsInvalidException.class)
        .hasMessage("plumbline.report.period in config/application.yml must be week, month or quarter, not 'year'.");
  }

  private static PlumblineProperties bind(Map<String, String> settings) {
    return new Binder(new MapConfigurationPropertySource(settings))
        .bindOrCreate("plumbline", PlumblineProperties.class);
  }
}
