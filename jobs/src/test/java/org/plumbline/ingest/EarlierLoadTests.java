package org.plumbline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Preview tells a steward whether a file's bytes are in the ledger already, before a run takes them as a duplicate. */
class EarlierLoadTests {

  @RegisterExtension final IngestHome home = IngestHome.eachTest(IngestHome.EXPORT_SOURCE);

  @Test
  void theSameBytesUnderAnotherNameAreNamedAsTheLoadHoldingThemAndOtherBytesAsNew(@TempDir Path elsewhere)
      throws Exception {
    // given a loaded export, and the warehouse no longer held (the run is over)
    home.load(home.deliver("export_1.csv", "day,qty\n2025-01-06,10\n"));
    home.close();
    Path resent = Files.writeString(elsewhere.resolve("export_1 (2).csv"), "day,qty\n2025-01-06,10\n");
    Path corrected = Files.writeString(elsewhere.resolve("export_1.csv"), "day,qty\n2025-01-06,11\n");

    // when / then
    assertThat(EarlierLoad.sentence(home.home.warehouseFile(), resent)).isEqualTo("These exact bytes were loaded"
        + " before, as load 1 (export_1.csv, 2026-01-31 20:00 UTC): delivered again, under any name, they would be"
        + " recorded as a duplicate and add nothing, whatever the preview below shows.");
    assertThat(EarlierLoad.sentence(home.home.warehouseFile(), corrected))
        .isEqualTo("No earlier load holds these exact bytes.");
  }

  @Test
  void beforeAnyRunThereIsNothingToSayAndWhileARunHoldsTheWarehouseItSaysItCouldNotCheck(@TempDir Path elsewhere)
      throws Exception {
    // given a file, a home with no warehouse yet, and one whose warehouse is held by a loader
    Path file = Files.writeString(elsewhere.resolve("export_1.csv"), "day,qty\n2025-01-06,10\n");

    // when / then
    assertThat(EarlierLoad.sentence(elsewhere.resolve("no-warehouse.duckdb"), file)).isNull();
    assertThat(EarlierLoad.sentence(home.home.warehouseFile(), file)).startsWith(
        "Whether these bytes were loaded before could not be checked: the warehouse is in use (a run holds it)");
  }
}
