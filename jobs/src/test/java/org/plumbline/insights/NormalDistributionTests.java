package org.plumbline.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Quantiles against the standard normal tables (values to 1e-9 from R's qnorm). */
class NormalDistributionTests {

  @Test
  void theQuantilesOfTheUsualConfidenceLevelsAreTheTableValues() {
    assertThat(NormalDistribution.quantile(0.975)).isCloseTo(1.959963985, within(1e-8));
    assertThat(NormalDistribution.quantile(0.995)).isCloseTo(2.575829304, within(1e-8));
    assertThat(NormalDistribution.quantile(0.95)).isCloseTo(1.644853627, within(1e-8));
    assertThat(NormalDistribution.quantile(0.5)).isCloseTo(0.0, within(1e-12));
    assertThat(NormalDistribution.quantile(0.01)).isCloseTo(-2.326347874, within(1e-8));
    assertThat(NormalDistribution.quantile(1e-6)).isCloseTo(-4.753424309, within(1e-7));
  }

  @Test
  void aProbabilityOutsideZeroToOneIsRefusedWithAReason() {
    assertThatThrownBy(() -> NormalDistribution.quantile(1.0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("A probability strictly between 0 and 1 is needed, not 1.0.");
  }
}
