package org.plumbline.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.plumbline.demo.DemoStory.PartClass;

class DemoStoryTests {

  @Test
  void readsTheShippedStory() {
    // when
    DemoStory story = DemoStory.load();

    // then
    assertThat(story.company()).isEqualTo("Nordwerk Ventiltechnik GmbH");
    assertThat(story.weeks()).hasSize(52);
    assertThat(story.firstWeek().monday()).isEqualTo(LocalDate.of(2024, 12, 30));
    assertThat(story.parts()).extracting(DemoStory.Part::partNo, DemoStory.Part::partClass).containsExactly(
        tuple("EV-2207", PartClass.CRITICAL),
        tuple("EV-1100", PartClass.CRITICAL),
        tuple("SP-300", PartClass.STANDARD),
        tuple("CL-40", PartClass.STANDARD));
    assertThat(story.oemIncident().week()).isEqualTo(IsoWeek.parse("2025-W45"));
    assertThat(story.oemIncident().defectRate()).isEqualTo(0.04);
  }

  @Test
  void expectsExactlyTheSixteenSamplingWeeksAsBreachesAndDiscrepancies() {
    // given
    DemoStory story = DemoStory.load();
    List<IsoWeek> w31ToW46 = IntStream.rangeClosed(31, 46).mapToObj(w -> new IsoWeek(2025, w)).toList();

    // when
    DemoStory.Expected expected = story.expected();

    // then
    assertThat(expected.breachPolicy()).isEqualTo("POL-INSP-001");
    assertThat(expected.breachedWeeks()).containsExactlyElementsOf(w31ToW46);
    assertThat(expected.discrepancyKpi()).isEqualTo("inspection_coverage");
    assertThat(expected.discrepancyWeeks()).containsExactlyElementsOf(w31ToW46);
    assertThat(story.samplingWeeks()).containsExactlyElementsOf(w31ToW46);
  }

  @Test
  void rejectsAStoryWhosePhasesLeaveAGap() throws IOException {
    // given: the bottleneck phase starts a week late, so 2025-W28 belongs to no phase
    String text = shippedText().replace("from: 2025-W28", "from: 2025-W29");

    // when / then
    assertThatThrownBy(() -> StoryReader.read("broken.yml", stream(text)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("broken.yml does not tell a consistent story")
        .hasMessageContaining("phase 'bottleneck' must start in 2025-W28");
  }

  @Test
  void rejectsAnOemIncidentAboutALotFromAFullyInspectedWeek() throws IOException {
    // given
    String text = shippedText().replace("lot_week: 2025-W41", "lot_week: 2025-W20");

    // when / then
    assertThatThrownBy(() -> StoryReader.read("broken.yml", stream(text)))
        .hasMessageContaining("the OEM incident must be about a critical part from a sampling week");
  }

  @Test
  void namesTheMissingValue() throws IOException {
    // given
    String text = shippedText().replace("    unit_cost_eur: \"38.50\"\n", "");

    // when / then
    assertThatThrownBy(() -> StoryReader.read("broken.yml", stream(text)))
        .hasMessage("broken.yml: parts[0].unit_cost_eur is missing.");
  }

  private static String shippedText() throws IOException {
    try (InputStream in = DemoStoryTests.class.getClassLoader().getResourceAsStream(DemoStory.RESOURCE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static InputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
