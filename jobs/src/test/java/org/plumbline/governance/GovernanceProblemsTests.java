package org.plumbline.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A governance model with many different mistakes: every one is reported with file, line and key. */
class GovernanceProblemsTests {

  @TempDir
  Path dir;

  private final GovernanceLoader loader = new GovernanceLoader();

  @Test
  void reportsEveryProblemWithFileLineAndKey() throws IOException {
    // given
    write("departments.yml", """
        departments:
          - code: PROD
            name: Production
            aliases: [Produktion]
            local_kpi_names:
              "Units produced": units_prod
          - code: PROD
            name: Production again
          - code: QUAL
            nmae: Quality
        """);
    write("extra.yml", """
        polices:
          - id: POL-X
        """);
    write("kpis.yml", """
        kpis:
          - id: units_produced
            name: Units produced
            dimension: sped
            unit: units
            direction: higher_is_better
            target: lots
            owner_role: head_of_quallity
            tolerance: 0
            measured_by:
              source: prod_weekly
              numerator: good_units
              filter: { part_no: X }
          - id: scrap_cost
            name: Scrap cost
            dimension: cost
            unit: EUR
            direction: lower_is_better
            target: 4000
            tolerance: 50
        """);
    write("policies.yml", """
        policies:
          - id: POL-INSP-001
            version: 1
            statement: Inspect everything.
            kpi: inspection_coverag
            comparator: ">=="
            tresholds: 100
            severity: critical
            effective_from: 2024-01-01
          - id: POL-INSP-001
            version: 2
            statement: Inspect everything, still.
            kpi: scrap_cost
            comparator: ">="
            threshold: 100
            severity: urgent
            effective_from: 2024-06-01
            effective_to: 2024-05-31
          - id: POL-DEL-001
            version: 1
            statement: Ship on time.
            kpi: scrap_cost
            comparator: ">="
            threshold: 95
            severity: high
            effective_from: 01.02.2024
        """);
    write("roles.yml", """
        roles:
          - id: head_of_quality
            title: Head of Quality
            department: QA
            can_pause_process: maybe
        """);
    write("sources.yml", """
        sources:
          - id: prod_weekly
            department: PROD
            kind: self_reported
            format: csv
            files: "Produktion_*.csv"
            sheet: Weekly
            period: { column: Week, grain: month }
            metrics:
              - { column: Units produced, value: 1 }
              - { scale: 100 }
          - id: erp
            department: FIN
            kind: system_of_record
            format: parquet
            files: "erp_*.parquet"
            header_row: zero
            period: { column: posting_date, grain: day }
            attributes: { part_number: part_no }
            metrics:
              - { column: qty_good, name: good_units }
              - { column: qty_good2, name: good_units }
        """);

    // when
    ConfigInvalidException invalid = catchThrowableOfType(ConfigInvalidException.class, () -> loader.load(dir));

    // then
    assertThat(invalid.problems())
        .extracting(p -> p.file().getFileName().toString(), ConfigProblem::line, ConfigProblem::key)
        .containsExactly(
            tuple("departments.yml", 6, "departments[PROD].local_kpi_names[Units produced]"),
            tuple("departments.yml", 7, "departments[PROD].code"),
            tuple("departments.yml", 9, "departments[QUAL].name"),
            tuple("departments.yml", 10, "departments[QUAL].nmae"),
            tuple("extra.yml", 1, "polices"),
            tuple("kpis.yml", 4, "kpis[units_produced].dimension"),
            tuple("kpis.yml", 7, "kpis[units_produced].target"),
            tuple("kpis.yml", 8, "kpis[units_produced].owner_role"),
            tuple("kpis.yml", 11, "kpis[units_produced].measured_by.source"),
            tuple("kpis.yml", 12, "kpis[units_produced].measured_by.numerator"),
            tuple("kpis.yml", 13, "kpis[units_produced].measured_by.filter[part_no]"),
            tuple("policies.yml", 2, "policies[POL-INSP-001].threshold"),
            tuple("policies.yml", 5, "policies[POL-INSP-001].kpi"),
            tuple("policies.yml", 6, "policies[POL-INSP-001].comparator"),
            tuple("policies.yml", 7, "policies[POL-INSP-001].tresholds"),
            tuple("policies.yml", 16, "policies[POL-INSP-001].severity"),
            tuple("policies.yml", 17, "policies[POL-INSP-001].effective_from"),
            tuple("policies.yml", 18, "policies[POL-INSP-001].effective_to"),
            tuple("policies.yml", 26, "policies[POL-DEL-001].effective_from"),
            tuple("roles.yml", 4, "roles[head_of_quality].department"),
            tuple("roles.yml", 5, "roles[head_of_quality].can_pause_process"),
            tuple("sources.yml", 2, "sources[prod_weekly].csv"),
            tuple("sources.yml", 7, "sources[prod_weekly].sheet"),
            tuple("sources.yml", 8, "sources[prod_weekly].period.grain"),
            tuple("sources.yml", 10, "sources[prod_weekly].metrics[0]"),
            tuple("sources.yml", 11, "sources[prod_weekly].metrics[1]"),
            tuple("sources.yml", 13, "sources[erp].department"),
            tuple("sources.yml", 17, "sources[erp].header_row"),
            tuple("sources.yml", 19, "sources[erp].attributes[part_number]"),
            tuple("sources.yml", 22, "sources[erp].metrics[1].name"));
    assertThat(invalid.getMessage()).startsWith("The governance model in " + dir + " has 30 problems:\n"
        + dir.resolve("departments.yml") + ":6 departments[PROD].local_kpi_names[Units produced]: Department PROD"
        + " maps its name 'Units produced' to the KPI 'units_prod', which is not in the KPI catalogue (kpis.yml).\n");
    assertThat(invalid.getMessage().lines()).hasSize(31)
        .contains(dir.resolve("policies.yml") + ":5 policies[POL-INSP-001].kpi: The policy names KPI"
            + " 'inspection_coverag', which is not in the KPI catalogue (kpis.yml).")
        .contains(dir.resolve("policies.yml") + ":7 policies[POL-INSP-001].tresholds: Unknown key 'tresholds':"
            + " a policy has no setting of that name. Did you mean 'threshold'?")
        .contains(dir.resolve("policies.yml") + ":17 policies[POL-INSP-001].effective_from: Version 2 of policy"
            + " POL-INSP-001 (from 2024-06-01 to 2024-05-31) overlaps version 1 (from 2024-01-01 with no end,"
            + " line 9 of policies.yml). Only one version may be in force on any day: end version 1 the day before"
            + " version 2 starts.")
        // the list of sections grows with every feature that adds one; its start and the suggestion do not
        .anyMatch(line -> line.startsWith(dir.resolve("extra.yml") + ":1 polices: Unknown section 'polices': the"
            + " governance files have the sections departments, roles, kpis, policies, sources, ")
            && line.endsWith(". Did you mean 'policies'?"));
  }

  @Test
  void reportsDuplicateKeysAndDuplicatePolicyVersions() throws IOException {
    // given
    write("policies.yml", """
        policies:
          - id: POL-A
            version: 1
            statement: First.
            statement: Second.
            kpi: k
            comparator: ">="
            threshold: 1
            severity: low
            effective_from: 2024-01-01
            effective_to: 2024-06-30
          - id: POL-A
            version: 1
            statement: Again.
            kpi: k
            comparator: ">="
            threshold: 1
            severity: low
            effective_from: 2024-07-01
        kpis:
          - { id: k, name: K, dimension: cost, unit: EUR, direction: lower_is_better, target: 1, tolerance: 0 }
        """);

    // when
    ConfigInvalidException invalid = catchThrowableOfType(ConfigInvalidException.class, () -> loader.load(dir));

    // then: the two versions do not overlap (June 30 / July 1), but share a number
    assertThat(invalid.problems()).extracting(ConfigProblem::line, ConfigProblem::key, ConfigProblem::message)
        .containsExactly(
            tuple(5, "policies[POL-A].statement", "The key 'statement' appears twice in this policy (first on line"
                + " 4); YAML would silently keep only one of them, so remove the other."),
            tuple(13, "policies[POL-A].version", "Version 1 of policy POL-A is already defined on line 3 of"
                + " policies.yml; give this one a new version number."));
  }

  @Test
  void aScaleOfZeroOrBelowOrBesideAUnitIsRejectedAsItWouldZeroFlipOrDoubleEveryValue() throws IOException {
    // given a source column scaled by 0, one with a unit and a scale, and a KPI measured with a negative scale
    write("governance.yml", """
        departments:
          - { code: PROD, name: Production }
        kpis:
          - id: k
            name: K
            dimension: cost
            unit: EUR
            direction: lower_is_better
            target: 1
            tolerance: 0
            measured_by: { source: mes, numerator: produced_units, scale: -100 }
        sources:
          - id: mes
            system: MES
            kind: system_of_record
            format: csv
            files: "mes_*.csv"
            csv: { delimiter: "," }
            period: { column: day, grain: day }
            metrics:
              - { column: produced, name: produced_units, scale: 0 }
              - { column: inspected, unit: fraction, scale: 100 }
        """);

    // when
    ConfigInvalidException invalid = catchThrowableOfType(ConfigInvalidException.class, () -> loader.load(dir));

    // then each names its line and key
    assertThat(invalid.problems()).extracting(ConfigProblem::line, ConfigProblem::key, ConfigProblem::message)
        .containsExactly(
            tuple(11, "kpis[k].measured_by.scale", "'scale' multiplies every value (100 for a fraction reported as"
                + " percent, 1000 for figures in thousands), so it must be a number above 0, not -100."),
            tuple(21, "sources[mes].metrics[0].scale", "'scale' multiplies every value (100 for a fraction reported as"
                + " percent, 1000 for figures in thousands), so it must be a number above 0, not 0."),
            tuple(22, "sources[mes].metrics[1].scale", "A metric gives either its 'unit' (how a ratio is written,"
                + " converted to the KPI's unit) or a 'scale', not both: both would convert, so 0.98 with unit: fraction"
                + " and scale: 100 would load as 9800 %."));
  }

  @Test
  void anAggregationAgainstTheSystemsMeasurementIsRefusedAndWithoutOneTheMeasurementDecides() throws IOException {
    // given a total the MES sums (downtime hours, a unit of time) said to be averaged, a ratio (scrap
    // cost per unit, in EUR) said to be summed, and the same two KPIs without an aggregation
    String kpis = """
        departments:
          - { code: PROD, name: Production }
        kpis:
          - id: downtime
            name: Downtime
            dimension: speed
            unit: h
            direction: lower_is_better
            target: 10
            tolerance: 0
            measured_by: { source: mes, numerator: downtime_hours }
            aggregation: mean
          - id: scrap_per_unit
            name: Scrap cost per unit
            dimension: cost
            unit: EUR
            direction: lower_is_better
            target: 2
            tolerance: 0
            measured_by: { source: mes, numerator: scrap_eur, denominator: produced_units }
            aggregation: sum
        sources:
          - id: mes
            system: MES
            kind: system_of_record
            format: csv
            files: "mes_*.csv"
            csv: { delimiter: "," }
            period: { column: day, grain: day }
            metrics:
              - { column: downtime, name: downtime_hours }
              - { column: scrap, name: scrap_eur }
              - { column: produced, name: produced_units }
        """;
    write("governance.yml", kpis);

    // when
    ConfigInvalidException invalid = catchThrowableOfType(ConfigInvalidException.class, () -> loader.load(dir));

    // then each is refused on its line, saying what the system's figure is
    assertThat(invalid.problems()).extracting(ConfigProblem::line, ConfigProblem::key, ConfigProblem::message)
        .containsExactly(
            tuple(12, "kpis[downtime].aggregation", "'aggregation: mean' does not fit measured_by, which has no"
                + " denominator: the system's figure for a month is the total of its weeks' (downtime_hours summed),"
                + " so the department's weekly figures are summed to compare with it. Write aggregation: sum, or leave"
                + " it out."),
            tuple(21, "kpis[scrap_per_unit].aggregation", "'aggregation: sum' does not fit measured_by, a ratio"
                + " (scrap_eur / produced_units): the system's figure for a month is the month's ratio, not the sum of"
                + " its weeks', so the department's weekly figures are averaged. Write aggregation: mean, or leave it"
                + " out."));

    // and without an aggregation the measurement decides, whatever the unit would say
    write("governance.yml", kpis.replace("    aggregation: mean\n", "").replace("    aggregation: sum\n", ""));
    assertThat(loader.load(dir).kpis()).extracting(Kpi::id, Kpi::aggregation).containsExactly(
        tuple("downtime", Kpi.Aggregation.SUM), tuple("scrap_per_unit", Kpi.Aggregation.MEAN));
  }

  @Test
  void aValidRangeNeedsABoundAndItsMaxAboveItsMinAndAUnitOfPercentIsWrittenSo() throws IOException {
    // given a KPI whose valid range is upside down and whose aggregation is misspelt, and one with
    // percent written '%' and a range that misnames its bound
    write("governance.yml", """
        departments:
          - { code: PROD, name: Production }
        kpis:
          - id: coverage
            name: Coverage
            dimension: quality
            unit: percent
            direction: higher_is_better
            target: 100
            tolerance: 0
            valid_range: { min: 100, max: 0 }
            aggregation: average
          - id: scrap
            name: Scrap
            dimension: cost
            unit: "%"
            direction: lower_is_better
            target: 1
            tolerance: 0
            valid_range: { minimum: 0 }
        """);

    // when
    ConfigInvalidException invalid = catchThrowableOfType(ConfigInvalidException.class, () -> loader.load(dir));

    // then each names its line and key
    assertThat(invalid.problems()).extracting(ConfigProblem::line, ConfigProblem::key, ConfigProblem::message)
        .containsExactly(
            tuple(11, "kpis[coverage].valid_range.max", "The valid range's max (0) must be above its min (100)."),
            tuple(12, "kpis[coverage].aggregation", "'aggregation' must be one of sum, mean, but it is 'average'."),
            tuple(16, "kpis[scrap].unit", "Write unit: percent, not '%': percentages are converted, averaged and"
                + " printed by that name."),
            tuple(20, "kpis[scrap].valid_range", "A valid range needs 'min', 'max' or both, such as"
                + " {min: 0, max: 100}."),
            tuple(20, "kpis[scrap].valid_range.minimum", "Unknown key 'minimum': a valid range has no setting of that"
                + " name. Known keys are min, max."));
  }

  @Test
  void aFileThatIsNotValidYamlIsTheOneProblemNotTheReferencesToWhatItHolds() throws IOException {
    // given roles.yml indented one space too far on its second entry, and a KPI naming one of its roles
    write("roles.yml", """
        roles:
          - { id: head_of_quality, title: Head of Quality, can_pause_process: true }
           - { id: head_of_paint, title: Head of Paint, can_pause_process: false }
        """);
    write("kpis.yml", """
        kpis:
          - id: coverage
            name: Coverage
            dimension: quality
            unit: percent
            direction: higher_is_better
            target: 100
            owner_role: head_of_quality
            tolerance: 0
        """);

    // when
    ConfigInvalidException invalid = catchThrowableOfType(ConfigInvalidException.class, () -> loader.load(dir));

    // then the YAML error alone, not "head_of_quality is not among the roles"
    assertThat(invalid.problems()).extracting(p -> p.file().getFileName().toString(), ConfigProblem::line)
        .containsExactly(tuple("roles.yml", 3));
    assertThat(invalid.problems().get(0).message()).startsWith("The file is not valid YAML here");
  }

  @Test
  void twoSourcesWhosePatternsMatchOneNameAreReportedWithAnExampleName() throws IOException {
    // given a new source whose pattern takes in an existing one's files, and two that stay apart
    write("sources.yml", """
        sources:
          - { id: erp_production, system: ERP, kind: system_of_record, format: csv, csv: { delimiter: "," },
              files: "erp_production_*.csv", period: { column: day, grain: day }, metrics: [ { column: qty } ] }
          - { id: erp_v2, system: ERP, kind: system_of_record, format: csv, csv: { delimiter: "," },
              files: "erp_*.csv", period: { column: day, grain: day }, metrics: [ { column: qty } ] }
          - { id: erp_json, system: ERP, kind: system_of_record, format: json,
              files: "erp_*.json", period: { column: day, grain: day }, metrics: [ { column: qty } ] }
        """);

    // when
    ConfigInvalidException invalid = catchThrowableOfType(ConfigInvalidException.class, () -> loader.load(dir));

    // then the later one is reported at its 'files', naming the other and a name both take
    assertThat(invalid.problems()).extracting(ConfigProblem::line, ConfigProblem::key, ConfigProblem::message)
        .containsExactly(tuple(5, "sources[erp_v2].files", "The 'files' pattern \"erp_*.csv\" and that of source"
            + " 'erp_production' (\"erp_production_*.csv\", sources.yml line 3) both match a name such as"
            + " \"erp_production_x.csv\"; every such file would be rejected, as its source cannot be told. Make the"
            + " patterns distinct."));
  }

  @Test
  void acceptsPolicyVersionsThatFollowEachOther() throws IOException {
    // given
    write("governance.yml", """
        kpis:
          - { id: k, name: K, dimension: cost, unit: EUR, direction: lower_is_better, target: 1, tolerance: 0 }
        policies:
          - { id: P, version: 1, statement: S, kpi: k, comparator: "<=", threshold: 1, severity: low,
              effective_from: 2024-01-01, effective_to: 2024-06-30 }
          - { id: P, version: 2, statement: S, kpi: k, comparator: "<=", threshold: 2, severity: high,
              effective_from: 2024-07-01 }
        """);

    // when
    GovernanceModel model = loader.load(dir);

    // then
    assertThat(model.policies()).extracting(Policy::version).containsExactly(1, 2);
    assertThat(model.kpis().get(0).ownerRole()).isNull();
  }

  @Test
  void reportsAMissingOrEmptyFolder() throws IOException {
    // given
    Path missing = dir.resolve("nowhere");
    Files.writeString(dir.resolve("notes.txt"), "not a governance file");

    // when
    ConfigInvalidException noFolder = catchThrowableOfType(ConfigInvalidException.class, () -> loader.load(missing));
    ConfigInvalidException noFiles = catchThrowableOfType(ConfigInvalidException.class, () -> loader.load(dir));

    // then
    assertThat(noFolder.getMessage()).isEqualTo("The governance model in " + missing + " has 1 problem:\n"
        + missing + ": The governance folder does not exist; it should hold the governance model's .yml files.");
    assertThat(noFiles.problems()).extracting(ConfigProblem::message)
        .containsExactly("The governance folder holds no .yml files, so there is no governance model.");
  }

  private void write(String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text);
  }
}
