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
 * A system export covering several departments names the column holding each row's department
 * (department_column); the texts in it are the departments' codes, names and aliases, which must
 * each name one department.
 */
class DepartmentColumnConfigTests {

  /** The plant's MES export, with an area column and no department of its own. */
  private static final String PLANT_EXPORT = """
      sources:
        - id: plant_orders
          system: MES
          kind: system_of_record
          format: csv
          files: "plant_orders_*.csv"
          csv: { delimiter: "," }
          period: { column: day, grain: day }
          department_column: area
          attributes: { part_class: area }
          metrics:
            - { column: qty, name: produced_units }
      """;

  @TempDir
  Path dir;

  @Test
  void aSystemExportMayNameItsDepartmentColumnWithoutADepartmentOfItsOwn() throws IOException {
    // given
    copyExample();
    Files.writeString(dir.resolve("plant.yml"), PLANT_EXPORT);

    // when
    GovernanceModel model = new GovernanceLoader().load(dir);

    // then the export reads the column, which its header must have, and names no department
    Source source = model.sources().stream().filter(s -> s.id().equals("plant_orders")).findFirst().orElseThrow();
    assertThat(source.departmentColumn()).isEqualTo("area");
    assertThat(source.departmentCode()).isNull();
    assertThat(source.columnsRead()).containsExactly("day", "qty", "area");
  }

  @Test
  void aDepartmentColumnOnADepartmentsOwnSheetIsReportedWithFileLineAndKey() throws IOException {
    // given a self-reported sheet that names a department column
    copyExample();
    Files.writeString(dir.resolve("sheet.yml"), """
        sources:
          - id: shared_sheet
            department: PROD
            kind: self_reported
            format: csv
            files: "shared_*.csv"
            csv: { delimiter: ";" }
            period: { column: Woche, grain: week }
            department_column: Bereich
            metrics:
              - { column: Units produced }
        """);

    // when
    ConfigInvalidException invalid =
        catchThrowableOfType(ConfigInvalidException.class, () -> new GovernanceLoader().load(dir));

    // then
    assertThat(invalid).isNotNull();
    assertThat(invalid.problems())
        .extracting(p -> p.file().getFileName().toString(), ConfigProblem::line, ConfigProblem::key,
            ConfigProblem::message)
        .containsExactly(tuple("sheet.yml", 9, "sources[shared_sheet].department_column",
            "'department_column' is for a system's export whose rows belong to several departments (kind:"
                + " system_of_record). A self-reported source is one department's own figures, read under that"
                + " department's local KPI names: name it with 'department', and give each department's sheet a"
                + " source of its own."));
  }

  @Test
  void aNameOrAliasThatAlsoNamesAnotherDepartmentIsReportedWithFileLineAndKey() throws IOException {
    // given a Paint shop whose alias is Logistics' name, and a Maintenance named as Quality's alias
    copyExample();
    Files.writeString(dir.resolve("plant.yml"), PLANT_EXPORT + """
        departments:
          - code: PNT
            name: Paint shop
            aliases: [PAINT, logistics]
            local_kpi_names: {}
          - code: MNT
            name: QM
            local_kpi_names: {}
        """);

    // when
    ConfigInvalidException invalid =
        catchThrowableOfType(ConfigInvalidException.class, () -> new GovernanceLoader().load(dir));

    // then each is named where it is written, with the department it also names
    assertThat(invalid).isNotNull();
    assertThat(invalid.problems())
        .extracting(p -> p.file().getFileName().toString(), ConfigProblem::line, ConfigProblem::key,
            ConfigProblem::message)
        .containsExactlyInAnyOrder(
            tuple("plant.yml", 16, "departments[PNT].aliases", "The alias 'logistics' also names department LOG"
                + " (line 20 of departments.yml), so a file or a department column that uses it could not be"
                + " assigned to one department."),
            tuple("plant.yml", 19, "departments[MNT].name", "The name 'QM' also names department QUAL (line 14 of"
                + " departments.yml), so a file or a department column that uses it could not be assigned to one"
                + " department."));
  }

  private void copyExample() throws IOException {
    try (var files = Files.list(GovernanceLoaderTests.EXAMPLE)) {
      for (Path file : files.toList()) {
        Files.copy(file, dir.resolve(file.getFileName()));
      }
    }
  }
}
