package org.plumbline.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workbook source states how its numbers typed as text are written ({@code decimal}); where
 * that key cannot apply, or holds no decimal mark, config check names file, line and key.
 */
class WorkbookDecimalConfigTests {

  @TempDir
  Path dir;

  private void example() throws IOException {
    try (var files = Files.list(GovernanceLoaderTests.EXAMPLE)) {
      for (Path file : files.toList()) {
        Files.copy(file, dir.resolve(file.getFileName()));
      }
    }
  }

  @Test
  void aWorkbookSourceDeclaresTheDecimalMarkOfItsTextNumbers() throws IOException {
    // given the example plus a workbook source with a decimal comma
    example();
    Files.writeString(dir.resolve("sap.yml"), """
        sources:
          - id: sap_paste
            department: PROD
            kind: self_reported
            format: xlsx
            files: "SAP_*.xlsx"
            decimal: ","
            period: { column: Woche, grain: week }
            metrics:
              - { column: Units produced }
        """);

    // when
    GovernanceModel model = new GovernanceLoader().load(dir);

    // then text cells are read with a comma; a workbook without the key declares none
    Source sap = model.sources().stream().filter(s -> s.id().equals("sap_paste")).findFirst().orElseThrow();
    Source weekly = model.sources().stream().filter(s -> s.id().equals("prod_weekly_kpis")).findFirst().orElseThrow();
    assertThat(sap.textDecimalMark()).isEqualTo(",");
    assertThat(weekly.textDecimalMark()).isEqualTo("");
  }

  @Test
  void decimalWhereItCannotApplyOrWithoutAMarkIsReportedWithFileLineAndKey() throws IOException {
    // given a csv source, a JSON source and a workbook with a semicolon, each with a source-level decimal
    example();
    Files.writeString(dir.resolve("bad.yml"), """
        sources:
          - id: csv_export
            system: ERP
            kind: system_of_record
            format: csv
            files: "decimal_*.csv"
            csv: { delimiter: ";" }
            decimal: ","
            period: { column: day, grain: day }
            metrics:
              - { column: units, name: units }
          - id: json_export
            system: MES
            kind: system_of_record
            format: json
            files: "mes_*.json"
            decimal: ","
            period: { column: day, grain: day }
            metrics:
              - { column: units, name: units }
          - id: sheet_semicolon
            department: PROD
            kind: self_reported
            format: xlsx
            files: "Semi_*.xlsx"
            decimal: ";"
            period: { column: Woche, grain: week }
            metrics:
              - { column: Units produced }
        """);

    // when
    ConfigInvalidException invalid =
        catchThrowableOfType(ConfigInvalidException.class, () -> new GovernanceLoader().load(dir));

    // then
    assertThat(invalid.problems())
        .extracting(p -> p.file().getFileName().toString(), ConfigProblem::line, ConfigProblem::key,
            ConfigProblem::message)
        .containsExactly(
            tuple("bad.yml", 8, "sources[csv_export].decimal", "A csv source gives its decimal mark in its csv"
                + " block, for example csv: { delimiter: \";\", decimal: \",\" }; remove 'decimal' here."),
            tuple("bad.yml", 17, "sources[json_export].decimal", "'decimal' only applies to xlsx workbooks (how"
                + " numbers typed as text are written), but this source's format is json, whose numbers are"
                + " numbers; remove it."),
            tuple("bad.yml", 26, "sources[sheet_semicolon].decimal",
                "'decimal' must be one of ., ,, but it is ';'. Did you mean '.'?"));
  }
}
