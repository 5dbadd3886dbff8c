package org.plumbline.report;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import net.sf.jasperreports.charts.JRChart;
import net.sf.jasperreports.charts.JRChartCustomizer;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.CategoryItemRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.text.TextBlock;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.CategoryDataset;

/**
 * Makes a line chart over ISO weeks readable. It labels only every n-th week, and writes the
 * year only where it starts or changes ("2025-W01", "W05", "W09", …), so labels never overlap
 * or get cut to "20…"; the periods of another grain (a month "2025-02", a fiscal period
 * "FY2025-P02") are labelled whole, every n-th one. It draws the series given by {@value #DASHED_SERIES} (the policy
 * threshold) dashed, and the one given by {@value #WIDE_SERIES} wide and underneath, so that a
 * line lying exactly on it (measured equal to reported) still shows both. It marks each value of
 * the series given by {@value #MARKED_SERIES} with a small dot, so that a value without a
 * neighbour (a lone month between gaps), which has no line to draw, is still seen; a gap (a null
 * value) breaks the line. A series is given by its position (0 for the first), since its name is
 * in the report's language. The value axis
 * fits the figures rather than starting at zero: a yield of 94 % against a reported 95.6 %, or a
 * defect rate of 2 to 4 %, would be flat lines on an axis from 0 to 100 (the ticks say where it
 * starts).
 */
public class WeeklyChartCustomizer implements JRChartCustomizer {

  /** Chart property giving the series (position or name) to draw as a thin dashed line. */
  public static final String DASHED_SERIES = "org.plumbline.report.chart.dashed-series";
  /** Chart property giving the series (position or name) to draw as a wide line. */
  public static final String WIDE_SERIES = "org.plumbline.report.chart.wide-series";

  /** Chart property giving the series (positions or names, comma-separated) to mark with a dot at each value. */
  public static final String MARKED_SERIES = "org.plumbline.report.chart.marked-series";

  /** A marked value's dot, in points: a little wider than a thin line, as wide as a wide one. */
  static final double DOT = 3.5;
  static final double WIDE_DOT = 5.0;

  /** At most this many week labels fit under a chart the width of an A4 column. */
  static final int MAX_LABELS = 14;

  @Override
  public void customize(JFreeChart chart, JRChart jasperChart) {
    if (!(chart.getPlot() instanceof CategoryPlot plot) || plot.getDataset() == null) {
      return;
    }
    CategoryDataset data = plot.getDataset();
    plot.setDomainAxis(new WeekAxis(plot.getDomainAxis(), data, labelStep(data.getColumnCount())));

    fitValueAxis(plot);

    CategoryItemRenderer renderer = plot.getRenderer();
    for (int row = 0; row < data.getRowCount(); row++) {
      renderer.setSeriesStroke(row, new BasicStroke(1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    }
    int wide = row(data, property(jasperChart, WIDE_SERIES));
    if (wide >= 0) {
      renderer.setSeriesStroke(wide, new BasicStroke(4.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    }
    int dashed = row(data, property(jasperChart, DASHED_SERIES));
    if (dashed >= 0) {
      renderer.setSeriesStroke(dashed, new BasicStroke(1.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
          new float[] {5f, 3f}, 0f));
    }
    String marked = property(jasperChart, MARKED_SERIES);
    if (marked != null && renderer instanceof LineAndShapeRenderer lines) {
      for (String series : marked.split(",")) {
        int row = row(data, series.strip());
        if (row >= 0) {
          markValues(lines, row, row == wide ? WIDE_DOT : DOT);
        }
      }
    }
  }

  /** Draws a filled dot of {@code size} at each value of {@code row}; its legend shows the dot too. */
  static void markValues(LineAndShapeRenderer renderer, int row, double size) {
    renderer.setSeriesShape(row, new Ellipse2D.Double(-size / 2, -size / 2, size, size));
    renderer.setSeriesShapesVisible(row, true);
    renderer.setSeriesShapesFilled(row, true);
  }

  /** The value axis spans the figures (with JFreeChart's margins), not zero to the largest. */
  static void fitValueAxis(CategoryPlot plot) {
    if (plot.getRangeAxis() instanceof NumberAxis values) {
      values.setAutoRangeIncludesZero(false);
      values.setAutoRange(true);
    }
  }

  /** 1 for up to 14 weeks, 4 for a year of 52 weeks. */
  static int labelStep(int categories) {
    return Math.max(1, (categories + MAX_LABELS - 1) / MAX_LABELS);
  }

  /**
   * The label printed for the week at {@code index}, or "" for a week left unlabelled: the full
   * "2025-W05" for the first label and where the year changes, else just "W09".
   */
  static String label(CategoryDataset data, int index, int step) {
    if (index % step != 0) {
      return "";
    }
    String week = String.valueOf(data.getColumnKey(index));
    int dash = week.indexOf("-W");
    if (dash < 0 || index < step) {
      return week;
    }
    String previous = String.valueOf(data.getColumnKey(index - step));
    return previous.startsWith(week.substring(0, dash + 1)) ? week.substring(dash + 1) : week;
  }

  /** A chart without any property has no properties map at all. */
  private static String property(JRChart jasperChart, String name) {
    return jasperChart.getPropertiesMap() == null ? null : jasperChart.getPropertiesMap().getProperty(name);
  }

  static int row(CategoryDataset data, String series) {
    if (series == null) {
      return -1;
    }
    if (series.chars().allMatch(Character::isDigit)) {
      int position = Integer.parseInt(series);
      return position < data.getRowCount() ? position : -1;
    }
    return data.getRowIndex(series);
  }

  /** A category axis that prints {@link #label} and gives each label the room of its unlabelled neighbours. */
  static final class WeekAxis extends CategoryAxis {

    /**
     * Each week's label, worked out once: the chart is serialised with the page when a long
     * report swaps pages out to disk, so the axis keeps what it prints, not the dataset.
     */
    private final java.util.HashMap<String, String> labels = new java.util.HashMap<>();
    private final int step;

    WeekAxis(CategoryAxis original, CategoryDataset data, int step) {
      super(original.getLabel());
      for (int index = 0; index < data.getColumnCount(); index++) {
        labels.put(String.valueOf(data.getColumnKey(index)), label(data, index, step));
      }
      this.step = step;
      setLabelFont(original.getLabelFont());
      setLabelPaint(original.getLabelPaint());
      setTickLabelFont(original.getTickLabelFont());
      setTickLabelPaint(original.getTickLabelPaint());
      setAxisLinePaint(original.getAxisLinePaint());
      setAxisLineVisible(original.isAxisLineVisible());
      setTickMarksVisible(original.isTickMarksVisible());
      setLowerMargin(0.01);
      setUpperMargin(0.01);
      setCategoryMargin(0.0);
      setMaximumCategoryLabelLines(1);
    }

    @Override
    protected TextBlock createLabel(Comparable category, float width, RectangleEdge edge, Graphics2D g2) {
      String label = labels.getOrDefault(String.valueOf(category), "");
      return label.isEmpty() ? new TextBlock() : super.createLabel(label, width * step * 2, edge, g2);
    }
  }
}
