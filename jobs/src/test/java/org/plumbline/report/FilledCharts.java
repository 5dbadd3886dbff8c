package org.plumbline.report;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import net.sf.jasperreports.charts.util.DrawChartRendererImpl;
import net.sf.jasperreports.engine.JRPrintElement;
import net.sf.jasperreports.engine.JRPrintFrame;
import net.sf.jasperreports.engine.JRPrintImage;
import net.sf.jasperreports.engine.JRPrintPage;
import net.sf.jasperreports.engine.JasperPrint;
import org.jfree.chart.JFreeChart;

/**
 * The charts of a filled report as JasperReports drew them: the JFreeChart each chart image
 * holds, with the data it was filled with and the customizer's renderer, in page order.
 */
final class FilledCharts {

  private FilledCharts() {}

  static List<JFreeChart> of(JasperPrint print) {
    List<JFreeChart> charts = new ArrayList<>();
    for (JRPrintPage page : print.getPages()) {
      collect(page.getElements(), charts);
    }
    return charts;
  }

  private static void collect(List<JRPrintElement> elements, List<JFreeChart> charts) {
    for (JRPrintElement element : elements) {
      if (element instanceof JRPrintFrame frame) {
        collect(frame.getElements(), charts);
      } else if (element instanceof JRPrintImage image && image.getRenderer() instanceof DrawChartRendererImpl chart) {
        charts.add(chart(chart));
      }
    }
  }

  /** The renderer keeps its chart to draw it at export, and has no getter for it. */
  private static JFreeChart chart(DrawChartRendererImpl renderer) {
    try {
      Field chart = DrawChartRendererImpl.class.getDeclaredField("chart");
      chart.setAccessible(true);
      return (JFreeChart) chart.get(renderer);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("JasperReports' chart renderer no longer holds a field 'chart'", e);
    }
  }
}
