package org.plumbline.nightly;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.plumbline.demo.DemoInboxGenerator;
import org.plumbline.demo.DemoStory;
import org.plumbline.system.ExampleConfig;
import org.plumbline.system.PlumblineHome;

/** A home folder with the example config and a freshly generated demo inbox, for job tests. */
final class DemoHome {

  private DemoHome() {}

  static PlumblineHome create(Path folder) {
    PlumblineHome home = new PlumblineHome(folder).createFolders();
    ExampleConfig.writeIfAbsent(home);
    return home;
  }

  static org.plumbline.demo.GeneratedInbox generateInbox(PlumblineHome home) throws Exception {
    return new DemoInboxGenerator(DemoStory.load()).generate(home.inbox());
  }

  /** Reads the warehouse after the job's process has let go of it (read-only, a copy's view). */
  static List<List<Object>> query(PlumblineHome home, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + home.warehouseFile());
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      List<List<Object>> rows = new ArrayList<>();
      int columns = r.getMetaData().getColumnCount();
      while (r.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          row.add(r.getObject(i));
        }
        rows.add(row);
      }
      return rows;
    }
  }
}
