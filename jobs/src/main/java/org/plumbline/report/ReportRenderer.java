package org.plumbline.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TimeZone;
import java.util.function.Function;
import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.design.JasperDesign;
import net.sf.jasperreports.engine.fill.JRSwapFileVirtualizer;
import net.sf.jasperreports.engine.util.JRSwapFile;
import net.sf.jasperreports.engine.xml.JRXmlLoader;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;

/**
 * Fills the executive summary ("Policy vs execution") from the warehouse's {@code rpt_*} tables
 * into a PDF. The templates under {@code reports/} are compiled once, when the renderer is
 * made; every render only fills and exports them.
 */
public final class ReportRenderer {

  /** The paper the report is laid out on; the content column is the same on both. */
  public enum Paper {
    A4(595, 842),
    LETTER(612, 792);

    final int width;
    final int height;

    Paper(int width, int height) {
      this.width = width;
      this.height = height;
    }
  }

  static final String TEMPLATE_FOLDER = "reports";
  static final String MASTER = "executive-summary.jrxml";
  /** Subreport templates, each keyed by the master's parameter that carries it. */
  static final Map<String, String> SECTIONS = sections();

  /** Filled pages kept in memory; the rest wait in a swap file beside the PDF. */
  static final int VIRTUALIZER_PAGES = 20;
  /** How many finding changes, and how many KPI movements, the summary lists. */
  static final int CHANGE_ROWS = 6;

  private final JasperReportsContext context = DefaultJasperReportsContext.getInstance();
  private final String folder;
  private final JasperReport master;
  private final Map<String, JasperReport> subreports = new LinkedHashMap<>();

  /** Compiles the templates for the given paper; a broken template fails here, named. */
  public ReportRenderer(Paper paper) {
    this(paper, TEMPLATE_FOLDER);
  }

  /** Compiles the templates from another classpath folder (tests use a deliberately broken one). */
  ReportRenderer(Paper paper, String folder) {
    this.folder = folder;
    for (Map.Entry<String, String> section : SECTIONS.entrySet()) {
      subreports.put(section.getKey(), compile(section.getValue(), load(section.getValue())));
    }
    JasperDesign design = load(MASTER);
    fitToPaper(design, paper);
    this.master = compile(MASTER, design);
  }

  /**
   * Fills the report from {@code duckdb} (which must hold the {@code rpt_*} tables) and writes it
   * to {@code outPdf}, replacing any earlier file only once the new one is complete.
   */
  public Path render(Connection duckdb, Path outPdf, ZonedDateTime generatedAt) {
    return render(duckdb, outPdf, generatedAt, ReportOptions.defaults());
  }

  /**
   * Fills the report for one department ({@code options.department()}, or all when null) in the
   * configured language and period, paging detail rows out to a swap file beyond a few pages so
   * a report of any length fills in little memory.
   */
  public Path render(Connection duckdb, Path outPdf, ZonedDateTime generatedAt, ReportOptions options) {
    fill(duckdb, outPdf.toAbsolutePath().getParent(), generatedAt, options, print -> {
      export(print, outPdf, title(options));
      return outPdf;
    });
    return outPdf;
  }

  /**
   * Fills the report with its pages swapped out to a file in {@code swapFolder}, hands the
   * filled report to {@code use} (which exports it) and removes the swap file afterwards.
   */
  <T> T fill(Connection duckdb, Path swapFolder, ZonedDateTime generatedAt, ReportOptions options,
      Function<JasperPrint, T> use) {
    Map<String, Object> parameters = parameters(duckdb, generatedAt, options);
    JasperPrint print;
    JRSwapFileVirtualizer virtualizer = null;
    try {
      Files.createDirectories(swapFolder);
      virtualizer = new JRSwapFileVirtualizer(VIRTUALIZER_PAGES, new JRSwapFile(swapFolder.toString(), 4096, 256), true);
      parameters.put(JRParameter.REPORT_VIRTUALIZER, virtualizer);
      print = JasperFillManager.getInstance(context).fill(master, parameters);
      virtualizer.setReadOnly(true);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create the folder " + swapFolder + ": " + e.getMessage(), e);
    } catch (JRException | RuntimeException e) {
      if (virtualizer != null) {
        virtualizer.cleanup();
      }
      String template = templateThatFailed(e);
      String part = template.equals(templatePath(MASTER)) ? "" : " (part of " + templatePath(MASTER) + ")";
      throw new ReportException("Could not fill " + template + part + " from the warehouse: "
          + rootCause(e).getMessage(), e);
    }
    try {
      return use.apply(print);
    } finally {
      virtualizer.cleanup();
    }
  }

  private Map<String, Object> parameters(Connection duckdb, ZonedDateTime generatedAt, ReportOptions options) {
    Map<String, Object> parameters = new HashMap<>(subreports);
    parameters.put(JRParameter.REPORT_CONNECTION, duckdb);
    parameters.put(JRParameter.REPORT_LOCALE, options.locale());
    parameters.put(JRParameter.REPORT_RESOURCE_BUNDLE, ReportSentences.bundle(options.locale()));
    parameters.put(JRParameter.REPORT_TIME_ZONE, TimeZone.getTimeZone(generatedAt.getZone()));
    parameters.put("DEPARTMENT", options.department());
    parameters.put("DEPARTMENT_NAME", options.departmentName());
    ReportPeriod period = ReportPeriod.read(duckdb, options.periodKind());
    parameters.put("PERIOD_KIND", period.kind());
    parameters.put("PERIOD_LABEL", period.label());
    parameters.put("PREVIOUS_LABEL", period.previousLabel());
    parameters.put("PERIOD_START", java.sql.Date.valueOf(period.start()));
    parameters.put("PERIOD_END", java.sql.Date.valueOf(period.end()));
    parameters.put("PREVIOUS_START", java.sql.Date.valueOf(period.previousStart()));
    parameters.put("CONTROL_CHART_COUNT", controlChartCount(duckdb));
    parameters.put("TOP_GAPS", options.topGaps());
    parameters.put("CHANGE_ROWS", CHANGE_ROWS);
    parameters.put("QUARANTINE_ROWS", options.quarantineRows());
    parameters.put("QUARANTINE_CSV", options.quarantineCsvName());
    parameters.put("GENERATED_AT", generatedAt);
    parameters.put("TABLE_OF_CONTENTS", new TableOfContents());
    return parameters;
  }

  /** How many KPIs are on a control chart (rpt_context.control_chart_count): none means nothing was monitored. */
  private static long controlChartCount(Connection duckdb) {
    try (Statement query = duckdb.createStatement();
        ResultSet row = query.executeQuery("select control_chart_count from rpt_context")) {
      return row.next() ? row.getLong(1) : 0;
    } catch (SQLException e) {
      throw new ReportException("Could not read the report's context from the warehouse (rpt_context): "
          + e.getMessage(), e);
    }
  }

  /** The PDF's document title (what a viewer's title bar shows), in the report's language. */
  private static String title(ReportOptions options) {
    ResourceBundle words = ReportSentences.bundle(options.locale());
    return options.department() == null
        ? words.getString("report.title")
        : ReportSentences.message(words, options.locale(), "report.title.department", options.departmentName());
  }

  private void export(JasperPrint print, Path outPdf, String title) {
    Path target = outPdf.toAbsolutePath();
    Path partial = target.resolveSibling(target.getFileName() + ".part");
    try {
      Files.createDirectories(target.getParent());
      JRPdfExporter exporter = new JRPdfExporter(context);
      exporter.setExporterInput(new SimpleExporterInput(print));
      exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(partial.toFile()));
      SimplePdfExporterConfiguration configuration = new SimplePdfExporterConfiguration();
      configuration.setMetadataTitle(title);
      configuration.setMetadataAuthor("Plumbline");
      configuration.setMetadataCreator("Plumbline");
      configuration.setDisplayMetadataTitle(true);
      exporter.setConfiguration(configuration);
      exporter.exportReport();
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (JRException e) {
      throw new ReportException("Could not write the PDF " + target + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the PDF " + target + ": " + e.getMessage(), e);
    } finally {
      try {
        Files.deleteIfExists(partial);
      } catch (IOException ignored) {
        // Only a leftover .part file; the next render overwrites it.
      }
    }
  }

  /**
   * JasperReports does not say which subreport failed, but its message quotes the failing
   * query; each template has its own query, so the query names the template.
   */
  private String templateThatFailed(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage());
      for (Map.Entry<String, String> section : SECTIONS.entrySet()) {
        JasperReport report = subreports.get(section.getKey());
        // JasperReports quotes the statement it ran, a parameter $P{X} as its placeholder ?
        if (report.getQuery() != null
            && message.contains(report.getQuery().getText().strip().replaceAll("\\$P\\{[^}]*}", "?"))) {
          return templatePath(section.getValue());
        }
      }
    }
    return templatePath(MASTER);
  }

  private static Throwable rootCause(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root;
  }

  private JasperDesign load(String template) {
    String path = templatePath(template);
    try (InputStream in = ReportRenderer.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new ReportException("The report template " + path + " is missing from the build.", null);
      }
      return JRXmlLoader.load(context, in);
    } catch (JRException | RuntimeException e) {
      if (e instanceof ReportException known) {
        throw known;
      }
      throw new ReportException("The report template " + path + " could not be read: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the report template " + path, e);
    }
  }

  private JasperReport compile(String template, JasperDesign design) {
    try {
      return JasperCompileManager.getInstance(context).compile(design);
    } catch (JRException | RuntimeException e) {
      throw new ReportException("The report template " + templatePath(template)
          + " does not compile: " + e.getMessage(), e);
    }
  }

  /** Keeps the 515 pt content column and centres it on the chosen paper. */
  private static void fitToPaper(JasperDesign design, Paper paper) {
    int spare = paper.width - design.getColumnWidth();
    design.setPageWidth(paper.width);
    design.setPageHeight(paper.height);
    design.setLeftMargin(spare / 2);
    design.setRightMargin(spare - spare / 2);
  }

  private String templatePath(String template) {
    return folder + "/" + template;
  }

  private static Map<String, String> sections() {
    Map<String, String> sections = new LinkedHashMap<>();
    sections.put("HEADLINE_REPORT", "headline.jrxml");
    sections.put("SUMMARY_HEADLINE_REPORT", "summary-headline.jrxml");
    sections.put("COVERAGE_CHART_REPORT", "coverage-chart.jrxml");
    sections.put("BREACHED_WEEKS_REPORT", "breached-weeks.jrxml");
    sections.put("SUMMARY_REPORT", "summary.jrxml");
    sections.put("PERIOD_CHANGE_REPORT", "period-change.jrxml");
    sections.put("SCORECARD_REPORT", "scorecard.jrxml");
    sections.put("POLICY_EXECUTION_REPORT", "policy-execution.jrxml");
    sections.put("FINDINGS_REPORT", "findings.jrxml");
    sections.put("CONTROL_CHARTS_REPORT", "control-charts.jrxml");
    sections.put("CONTROL_CHART_NOTES_REPORT", "control-chart-notes.jrxml");
    sections.put("DATA_QUALITY_REPORT", "data-quality.jrxml");
    return Collections.unmodifiableMap(sections);
  }

  /** A report template that cannot be read, compiled or filled; the message names it. */
  public static final class ReportException extends RuntimeException {
    ReportException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
