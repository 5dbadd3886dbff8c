package org.plumbline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.export.JRXmlExporter;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleXmlExporterOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rendering is deterministic for fixed inputs: the same warehouse, as-of date, options and
 * "generated at" clock give the same filled report, compared as JasperReports' XML export of
 * the filled pages (every text, position, chart image and bookmark), not as PDF bytes.
 */
class ReportDeterminismTests {

  private static final ZonedDateTime GENERATED_AT =
      ZonedDateTime.of(2026, 1, 5, 6, 0, 0, 0, ZoneId.of("Europe/Berlin"));

  @TempDir
  Path dir;

  @Test
  void fillsTheSameReportTwiceFromTheSameInputs() throws Exception {
    // given
    ReportRenderer renderer = RptFixtures.a4();
    ReportOptions options = ReportOptions.of(Locale.UK, "quarter");
    try (Connection duckdb = RptFixtures.open(dir.resolve("warehouse.duckdb"))) {
      RptFixtures.oneOfEverySection(duckdb);

      // when
      String first = renderer.fill(duckdb, dir.resolve("swap1"), GENERATED_AT, options, ReportDeterminismTests::xml);
      String second = renderer.fill(duckdb, dir.resolve("swap2"), GENERATED_AT, options, ReportDeterminismTests::xml);
      String anHourLater = renderer.fill(duckdb, dir.resolve("swap3"), GENERATED_AT.plusHours(1), options,
          ReportDeterminismTests::xml);

      // then
      assertThat(first).contains("5 January 2026, 06:00 (CET)", "Policy POL-INSP-001", "<page");
      assertThat(second).isEqualTo(first);
      assertThat(anHourLater).isNotEqualTo(first).contains("5 January 2026, 07:00 (CET)");
    }
  }

  private static String xml(net.sf.jasperreports.engine.JasperPrint print) {
    StringWriter out = new StringWriter();
    JRXmlExporter exporter = new JRXmlExporter();
    exporter.setExporterInput(new SimpleExporterInput(print));
    exporter.setExporterOutput(new SimpleXmlExporterOutput(out));
    try {
      exporter.exportReport();
    } catch (JRException e) {
      throw new IllegalStateException(e);
    }
    return out.toString();
  }
}
