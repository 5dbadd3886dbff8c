package org.plumbline.report;

import java.awt.BasicStroke;
import java.awt.geom.Ellipse2D;
import net.sf.jasperreports.charts.JRChart;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.data.category.CategoryDataset;

/**
 * A control chart over ISO weeks: the weekly values as a line with a dot per week, the centre
 * line thin, both control limits dashed, and the signalling points as large markers without a
 * line. The template declares the series in that order (value, centre, upper, lower, signal),
 * so the customizer finds them by position, whatever language their names are in. A chart without
 * limits (a baseline that never varied) leaves them out of its legend too.
 */
public class ControlChartCustomizer extends WeeklyChartCustomizer {

  static final int VALUE = 0;
  static final int CENTRE = 1;
  static final int UPPER = 2;
  static final int LOWER = 3;
  static final int SIGNAL = 4;

  @Override
  public void customize(JFreeChart chart, JRChart jasperChart) {
    super.customize(chart, jasperChart);
    if (!(chart.getPlot() instanceof CategoryPlot plot) || plot.getDataset() == null
        || !(plot.getRenderer() instanceof LineAndShapeRenderer renderer)) {
      return;
    }
    BasicStroke dashed = new BasicStroke(1.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
        new float[] {5f, 3f}, 0f);
    renderer.setSeriesStroke(VALUE, new BasicStroke(1.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    renderer.setSeriesShapesVisible(VALUE, true);
    renderer.setSeriesShape(VALUE, new Ellipse2D.Double(-1.5, -1.5, 3, 3));
    renderer.setSeriesStroke(CENTRE, new BasicStroke(0.8f));
    renderer.setSeriesStroke(UPPER, dashed);
    renderer.setSeriesStroke(LOWER, dashed);
    renderer.setSeriesLinesVisible(SIGNAL, false);
    renderer.setSeriesShapesVisible(SIGNAL, true);
    renderer.setSeriesShapesFilled(SIGNAL, true);
    renderer.setSeriesShape(SIGNAL, new Ellipse2D.Double(-4, -4, 8, 8));
    renderer.setUseFillPaint(false);
    // the template's colours are handed out as series are first drawn; take them by position now,
    // or the signals would get a limit's colour on a chart whose limits are never drawn
    for (int series = VALUE; series <= SIGNAL; series++) {
      renderer.lookupSeriesPaint(series);
    }
    for (int limit : new int[] {UPPER, LOWER}) {
      renderer.setSeriesVisibleInLegend(limit, hasValues(plot.getDataset(), limit));
    }
  }

  private static boolean hasValues(CategoryDataset data, int series) {
    if (series >= data.getRowCount()) {
      return false;
    }
    for (int week = 0; week < data.getColumnCount(); week++) {
      if (data.getValue(series, week) != null) {
        return true;
      }
    }
    return false;
  }
}
