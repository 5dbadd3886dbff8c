package org.plumbline.system;

import java.util.Locale;
import org.plumbline.report.ReportRenderer;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code plumbline.*} in {@code config/application.yml}.
 *
 * @param home the home folder (set by the command line from --home or PLUMBLINE_HOME)
 * @param company the company name printed on reports
 */
@ConfigurationProperties("plumbline")
public record PlumblineProperties(String home, String company, WarehouseSettings warehouse, ReportSettings report) {

  public PlumblineProperties {
    company = company == null ? "Your company" : company;
    warehouse = warehouse == null ? new WarehouseSettings(null, null) : warehouse;
    report = report == null ? new ReportSettings(null, null, null) : report;
  }

  /**
   * DuckDB's memory limit (a size such as 2GB) and worker threads; checked at start-up, though
   * only commands that open the warehouse use them.
   */
  public record WarehouseSettings(String memoryLimit, Integer threads) {
    public WarehouseSettings {
      memoryLimit = Warehouse.memoryLimitLiteral(memoryLimit == null ? "2GB" : memoryLimit);
      threads = threads == null ? 2 : threads;
    }
  }

  /**
   * How the PDFs look: paper size (A4 or LETTER), language and number format (en or de) and the
   * reporting period the summary compares (the last complete week, month or quarter). A wrong
   * value stops the start-up with a message naming the key and what it may be.
   */
  public record ReportSettings(String paper, String language, String period) {
    public ReportSettings {
      paper = paper == null ? "A4" : paper;
      language = oneOf("language", language, "en", "en", "de");
      period = oneOf("period", period, "quarter", "week", "month", "quarter");
    }

    public ReportRenderer.Paper paperSize() {
      for (ReportRenderer.Paper size : ReportRenderer.Paper.values()) {
        if (size.name().equalsIgnoreCase(paper.strip())) {
          return size;
        }
      }
      throw new SettingsInvalidException("plumbline.report.paper in config/application.yml must be A4 or LETTER, not '"
          + paper + "'.");
    }

    /** The report's language and number format: English as written in the UK, or German as in Germany. */
    public Locale locale() {
      return "de".equals(language) ? Locale.GERMANY : Locale.UK;
    }

    private static String oneOf(String key, String value, String absent, String... allowed) {
      if (value == null || value.isBlank()) {
        return absent;
      }
      String given = value.strip().toLowerCase(Locale.ROOT);
      for (String option : allowed) {
        if (option.equals(given)) {
          return option;
        }
      }
      throw new SettingsInvalidException("plumbline.report." + key + " in config/application.yml must be "
          + String.join(", ", java.util.Arrays.copyOf(allowed, allowed.length - 1)) + " or " + allowed[allowed.length - 1]
          + ", not '" + value + "'.");
    }
  }
}
