package org.plumbline.system;

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
    report = report == null ? new ReportSettings(null) : report;
  }

  /** DuckDB's memory limit (a size such as 2GB) and worker threads. */
  public record WarehouseSettings(String memoryLimit, Integer threads) {
    public WarehouseSettings {
      memoryLimit = memoryLimit == null ? "2GB" : memoryLimit;
      threads = threads == null ? 2 : threads;
    }
  }

  /** Paper size of the PDFs: A4 or LETTER. */
  public record ReportSettings(String paper) {
    public ReportSettings {
      paper = paper == null ? "A4" : paper;
    }

    public ReportRenderer.Paper paperSize() {
      for (ReportRenderer.Paper size : ReportRenderer.Paper.values()) {
        if (size.name().equalsIgnoreCase(paper.strip())) {
          return size;
        }
      }
      throw new IllegalArgumentException("plumbline.report.paper in config/application.yml must be A4 or LETTER, not '"
          + paper + "'.");
    }
  }
}
