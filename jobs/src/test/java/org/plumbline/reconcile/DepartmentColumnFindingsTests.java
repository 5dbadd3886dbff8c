package org.plumbline.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One plant-wide MES export measures KPIs for two departments: with a department column each
 * department's measurement, breach and discrepancy is its own; a source with one department
 * files every row under it, as before.
 */
class DepartmentColumnFindingsTests {

  /**
   * Assembly and the Paint shop each report their KPI weekly; the plant's MES export measures
   * first-pass yield on its ASSEMBLY rows and the paint defect rate on its PAINT rows. %s is how
   * the export says whose rows are whose.
   */
  private static final String MODEL = """
      departments:
        - code: ASM
          name: Assembly
          aliases: [Montage]
          local_kpi_names: { "FPY %%": first_pass_yield }
        - code: PNT
          name: Paint shop
          aliases: [Lackiererei, PAINT]
          local_kpi_names: { "Paint defects %%": paint_defect_rate }
      roles:
        - { id: head_of_assembly, title: Head of Assembly, department: ASM, can_pause_process: true }
        - { id: head_of_paint, title: Head of Paint, department: PNT, can_pause_process: true }
      kpis:
        - id: first_pass_yield
          name: First-pass yield
          dimension: quality
          unit: percent
          direction: higher_is_better
          target: 95
          owner_role: head_of_assembly
          tolerance: 0.5
          measured_by: { source: mes_orders, numerator: fp_ok_units, denominator: units_in, scale: 100,
                         filter: { part_class: ASSEMBLY } }
        - id: paint_defect_rate
          name: Paint defect rate
          dimension: quality
          unit: percent
          direction: lower_is_better
          target: 2
          owner_role: head_of_paint
          tolerance: 0.3
          measured_by: { source: mes_orders, numerator: defect_units, denominator: units_in, scale: 100,
                         filter: { part_class: PAINT } }
      policies:
        - { id: POL-FPY, version: 1, statement: First-pass yield is at least 95 %%., kpi: first_pass_yield,
            comparator: ">=", threshold: 95, owner_role: head_of_assembly, severity: high, effective_from: 2025-01-01 }
        - { id: POL-PAINT, version: 1, statement: At most 2 %% of painted units are defective., kpi: paint_defect_rate,
            comparator: "<=", threshold: 2, owner_role: head_of_paint, severity: high, effective_from: 2025-01-01 }
      sources:
        - id: asm_weekly
          department: ASM
          kind: self_reported
          format: csv
          files: "asm_*.csv"
          csv: { delimiter: ",", decimal: "." }
          period: { column: Week, grain: week }
          metrics: [{ column: FPY %% }]
        - id: pnt_weekly
          department: PNT
          kind: self_reported
          format: csv
          files: "pnt_*.csv"
          csv: { delimiter: ",", decimal: "." }
          period: { column: Week, grain: week }
          metrics: [{ column: Paint defects %% }]
        - id: mes_orders
          system: MES
          %s
          kind: system_of_record
          format: csv
          files: "mes_orders_*.csv"
          csv: { delimiter: ",", decimal: "." }
          period: { column: finished_at, grain: day }
          attributes: { part_class: area, lot_id: order_no }
          metrics:
            - { column: units_in, name: units_in }
            - { column: units_fp_ok, name: fp_ok_units }
            - { column: units_defect, name: defect_units }
      calendars:
        - { id: PLANT, timezone: Europe/Berlin, common_grain: week }
      """;

  private static final List<String> MES_HEADER =
      List.of("order_no", "finished_at", "area", "units_in", "units_fp_ok", "units_defect");

  @TempDir
  Path folder;

  @Test
  void eachDepartmentsBreachAndDiscrepancyIsUnderItsOwnDepartment() throws Exception {
    try (FindingFixture fixture = FindingFixture.create(folder, MODEL.formatted("department_column: area"), "")) {
      // given W24: assembly 94 % first pass (policy 95), paint 4 % defects (policy 2); Assembly
      // reports 96 and the Paint shop 1.5, both beyond tolerance; and an order from an area no
      // department goes by
      deliverWeek(fixture, "LACKIERUNG");

      // when
      fixture.reconcile("2025-06-30");

      // then each breach and each discrepancy is the department's whose rows measured it
      assertThat(fixture.query("select policy_id, department_code, period_label, round(measured_value, 1),"
          + " self_reported_value from fct_policy_breach order by policy_id")).containsExactly(
          List.of("POL-FPY", "ASM", "2025-W24", 94.0, 96.0),
          List.of("POL-PAINT", "PNT", "2025-W24", 4.0, 1.5));
      assertThat(fixture.query("select finding_key, round(measured_value, 1), reported_value, owner_role"
          + " from fct_reporting_discrepancy order by finding_key")).containsExactly(
          List.of("ASM/first_pass_yield/2025-W24", 94.0, 96.0, "head_of_assembly"),
          List.of("PNT/paint_defect_rate/2025-W24", 4.0, 1.5, "head_of_paint"));
      assertThat(fixture.query("select kpi_id, department_code, numerator_total, denominator_total"
          + " from int_measured_kpi_period order by kpi_id")).containsExactly(
          List.of("first_pass_yield", "ASM", 94.0, 100.0),
          List.of("paint_defect_rate", "PNT", 4.0, 100.0));
      // and the order from an unknown area counts nowhere: it is quarantined, saying why
      assertThat(fixture.query("select row_number, reason from raw_quarantine")).containsExactly(List.of(4,
          "The department \"LACKIERUNG\" in column \"area\" is no department's code, name or alias (the departments"
              + " are ASM, PNT). Add \"LACKIERUNG\" to the aliases of the department it stands for"
              + " (departments.yml), or correct the file."));
    }
  }

  @Test
  void anExportWithOneDepartmentFilesEveryRowUnderIt() throws Exception {
    try (FindingFixture fixture = FindingFixture.create(folder, MODEL.formatted("department: ASM"), "")) {
      // given the same week from an export declared as Assembly's alone
      deliverWeek(fixture, "PAINT");

      // when
      fixture.reconcile("2025-06-30");

      // then as before: every measurement is Assembly's, and the Paint shop's figure meets none
      assertThat(fixture.query("select policy_id, department_code from fct_policy_breach order by policy_id"))
          .containsExactly(List.of("POL-FPY", "ASM"), List.of("POL-PAINT", "ASM"));
      assertThat(fixture.query("select finding_key from fct_reporting_discrepancy"))
          .containsExactly(List.of("ASM/first_pass_yield/2025-W24"));
      assertThat(fixture.query("select count(*) from raw_quarantine")).containsExactly(List.of(0L));
    }
  }

  private static void deliverWeek(FindingFixture fixture, String thirdArea) throws Exception {
    LocalDateTime received = LocalDateTime.parse("2025-06-16T02:00");
    fixture.deliver("mes_orders", "mes_orders_2025-W24.csv", received, MES_HEADER, List.of(
            List.of("WO-1", "2025-06-10T14:00:00+02:00", "ASSEMBLY", "100", "94", "6"),
            List.of("WO-2", "2025-06-10T15:00:00+02:00", "PAINT", "100", "96", "4"),
            List.of("WO-3", "2025-06-11T15:00:00+02:00", thirdArea, "100", "50", "50")))
        .deliver("asm_weekly", "asm_2025-W24.csv", received, List.of("Week", "FPY %"),
            List.of(List.of("2025-06-09", "96")))
        .deliver("pnt_weekly", "pnt_2025-W24.csv", received, List.of("Week", "Paint defects %"),
            List.of(List.of("2025-06-09", "1.5")));
  }
}
