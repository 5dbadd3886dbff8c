package org.plumbline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ArchiveNameTests {

  @Test
  void aNameThatFitsIsKeptWhole() {
    assertThat(ArchiveName.of("12-", "Logistik Q2 [final] 100%.csv", "")).isEqualTo("12-Logistik Q2 [final] 100%.csv");
  }

  @Test
  void aNameTooLongBehindItsPrefixIsShortenedToTheLimitKeepingItsExtensionAndTellingNamesApart() {
    // given two names of 255 bytes (legal in the inbox) that differ only at the end
    String a = "erp_production_" + "x".repeat(235) + "a.csv";
    String b = "erp_production_" + "x".repeat(235) + "b.csv";

    // when they are archived behind a load id
    String archivedA = ArchiveName.of("12345-", a, "");
    String archivedB = ArchiveName.of("12345-", b, "");

    // then each fits, keeps its start and extension, and they stay two names
    assertThat(bytes(archivedA)).isEqualTo(255);
    assertThat(archivedA).startsWith("12345-erp_production_xxx").endsWith(".csv").isNotEqualTo(archivedB);
  }

  @Test
  void roomIsLeftForTheReasonFileAndNoCharacterIsCutInHalf() {
    // given a name of two-byte letters, 250 bytes long
    String name = "ü".repeat(123) + ".csv";

    // when it is rejected, with a reason file beside it
    String rejected = ArchiveName.of("20260131T200000-", name, ".reason.txt");

    // then the reason file's name fits too, and the name is whole letters
    assertThat(bytes(rejected + ".reason.txt")).isLessThanOrEqualTo(255);
    assertThat(rejected).matches("20260131T200000-ü+~[0-9a-f]{8}\\.csv");
  }

  private static int bytes(String name) {
    return name.getBytes(StandardCharsets.UTF_8).length;
  }
}
