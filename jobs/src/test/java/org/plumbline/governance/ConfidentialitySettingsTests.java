package org.plumbline.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plumbline.governance.ConfidentialColumn.DataKind;
import org.plumbline.governance.ConfidentialColumn.Treatment;

/** The confidentiality section: read, cross-checked against the sources, loaded into its dimension. */
class ConfidentialitySettingsTests {

  private final GovernanceLoader loader = new GovernanceLoader();

  @Test
  void theExampleMarksTheComplaintContactAsPersonalAndMasksItForAnalysts() throws SQLException {
    // given the example model
    GovernanceModel model = loader.load(GovernanceLoaderTests.EXAMPLE);

    // then
    assertThat(model.confidentialColumns()).containsExactly(
        new ConfidentialColumn("crm_complaints", "contact_name", DataKind.PERSONAL, Treatment.MASK));

    // when it is loaded into the dimensions
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = duckdb.createStatement()) {
      new DimensionLoader().load(duckdb, model);
      try (ResultSet r = s.executeQuery("select source_id, column_name, data_kind, analysts_treatment"
          + " from dim_confidential_column")) {
        // then
        assertThat(r.next()).isTrue();
        assertThat(r.getString(1) + "|" + r.getString(2) + "|" + r.getString(3) + "|" + r.getString(4))
            .isEqualTo("crm_complaints|contact_name|personal|mask");
        assertThat(r.next()).isFalse();
      }
    }
  }

  @Test
  void reportsEveryMistakeWithFileLineAndKey(@TempDir Path dir) throws IOException {
    // given the example model with a broken confidentiality.yml
    try (var files = Files.list(GovernanceLoaderTests.EXAMPLE)) {
      for (Path file : files.filter(f -> !f.getFileName().toString().equals("confidentiality.yml")).toList()) {
        Files.copy(file, dir.resolve(file.getFileName()));
      }
    }
    Files.writeString(dir.resolve("confidentiality.yml"), """
        confidentiality:
          - { source: crm_complaint, column: contact_name, kind: personal }
          - { source: crm_complaints, column: contact_name, kind: personal, analysts: drop }
          - { source: crm_complaints, column: contact_name, kind: personal }
          - { source: crm_complaints, column: lot_id, kind: sensitive }
          - { source: erp_production, column: qty_scrap, kind: secret, analysts: hide }
        """);

    // when
    ConfigInvalidException invalid = catchThrowableOfType(ConfigInvalidException.class, () -> loader.load(dir));

    // then
    assertThat(invalid.problems())
        .extracting(ConfigProblem::line, ConfigProblem::key)
        .containsExactly(
            tuple(2, "confidentiality[contact_name].source"),
            tuple(4, "confidentiality[contact_name].column"),
            tuple(5, "confidentiality[lot_id].column"),
            tuple(6, "confidentiality[qty_scrap].kind"),
            tuple(6, "confidentiality[qty_scrap].analysts"),
            tuple(6, "confidentiality[qty_scrap].column"));
    assertThat(invalid.problems()).extracting(ConfigProblem::message).containsExactly(
        "The confidential column names the source 'crm_complaint', which is not among the sources (sources.yml)."
            + " Did you mean 'crm_complaints'?",
        "The column 'contact_name' of source 'crm_complaints' is already marked on line 3 of confidentiality.yml;"
            + " mark each column once.",
        "Source 'crm_complaints' reads its values from the column 'lot_id' (its period, a metric, an attribute or"
            + " its skip rule), so the column cannot be confidential: its values reach the facts, the analysts'"
            + " snapshot and the lake unmasked. Stop reading it in sources.yml, or do not mark it.",
        "'kind' must be one of personal, sensitive, but it is 'secret'.",
        "'analysts' must be one of mask, drop, but it is 'hide'.",
        "Source 'erp_production' reads its values from the column 'qty_scrap' (its period, a metric, an attribute"
            + " or its skip rule), so the column cannot be confidential: its values reach the facts, the analysts'"
            + " snapshot and the lake unmasked. Stop reading it in sources.yml, or do not mark it.");
  }
}
