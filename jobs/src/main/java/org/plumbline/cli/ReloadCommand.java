package org.plumbline.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.plumbline.governance.GovernanceModel;
import org.plumbline.ingest.LoadRereader;
import org.plumbline.operations.PlainWords;
import org.plumbline.system.PlumblineHome;
import org.plumbline.system.PlumblineProperties;
import org.plumbline.system.Warehouse;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "reload", mixinStandardHelpOptions = true,
    description = {"Reads loaded files again from the archive under the configuration as it is now, after a"
        + " mistake in config/governance/sources.yml (a wrong scale, unit, decimal mark, date format, column or"
        + " local metric name) was fixed. Each load is read in one transaction and kept as a new reading of the"
        + " same load (ledger table load_reading, with the reason and who asked): the load keeps its id, content"
        + " hash, received time and version, so nothing reads as a new delivery or a revision. The earlier"
        + " readings stay in the ledger.",
        "Prints per load the rows read, loaded, quarantined and skipped before and after, and how many values"
            + " changed. A load that cannot be read under the configuration now is left as it was. Findings and"
            + " reports follow at the next run. Needs the warehouse: it cannot run while a job runs.",
        "E.g. `plumbline reload 12 --reason \"scale was 1000, is 1\" --by \"A. Weber\"`,"
            + " `plumbline reload --source prod_kpis --reason \"decimal comma\"`."},
    footer = {"", ExitCodes.HELP, "  For reload, 1 means a load could not be read again; it is left as it was."})
final class ReloadCommand implements Callable<Integer> {

  @ParentCommand
  PlumblineCommand parent;

  @Spec
  CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "LOAD_ID",
      description = "The loads to read again: the number an archived file starts with (archive/12-…), load_audit.load_id.")
  List<String> loadIds = new ArrayList<>();

  @Option(names = "--source", paramLabel = "SOURCE_ID",
      description = "Read every load of this source again (its id in config/governance/sources.yml).")
  String sourceId;

  @Option(names = "--reason", paramLabel = "TEXT",
      description = "Why the loads are read again, e.g. what was wrong in the config (kept with each reading).")
  String reason;

  @Option(names = "--by", paramLabel = "NAME", description = "Who asks for it (default: the user name).")
  String by;

  @Override
  @SuppressWarnings("unchecked")
  public Integer call() throws Exception {
    if (reason == null || reason.isBlank()) {
      throw new UsageException("Say why the loads are read again with --reason TEXT; the ledger keeps it with each"
          + " new reading.");
    }
    if (loadIds.isEmpty() && sourceId == null) {
      throw new UsageException("Name the loads to read again (plumbline reload LOAD_ID… --reason TEXT) or a source"
          + " whose loads to read again (--source SOURCE_ID).");
    }
    TreeSet<Long> requested = parseLoadIds();
    PlumblineHome home = parent.home();
    if (!Files.exists(home.warehouseFile())) {
      throw new UsageException("There is no warehouse in " + home.root() + " yet, so nothing was loaded to read"
          + " again: run `plumbline demo` or `plumbline run nightly` first.");
    }
    String who = by != null && !by.isBlank() ? by.strip() : System.getProperty("user.name");
    PrintWriter out = spec.commandLine().getOut();
    try (ConfigurableApplicationContext context = ApplicationContexts.start(home)) {
      GovernanceModel model = ((Supplier<GovernanceModel>) context.getBean("governance", Supplier.class)).get();
      PlumblineProperties properties = context.getBean(PlumblineProperties.class);
      PlumblineHome resolved = context.getBean(PlumblineHome.class);
      // The single writer's lock, as a run holds it: while a run (or serve) holds the file this fails, exit 4.
      try (Warehouse warehouse = Warehouse.open(resolved.warehouseFile(), properties.warehouse().memoryLimit(),
          properties.warehouse().threads())) {
        Connection duckdb = warehouse.connection();
        LoadRereader rereader = new LoadRereader(duckdb, resolved, model, Clock.systemUTC());
        List<LoadRereader.Load> loads = loads(rereader, requested);
        int failed = 0;
        for (LoadRereader.Load load : loads) {
          if (!reread(rereader, load, who, out)) {
            failed++;
          }
        }
        out.println(loads.size() - failed == 0 ? "Nothing was read again."
            : "The next `plumbline run nightly` (or `plumbline run nightly PERIOD` for a past period) rebuilds the"
                + " findings and reports from the new readings.");
        out.flush();
        return failed == 0 ? ExitCodes.OK : ExitCodes.JOB_FAILED;
      }
    }
  }

  private TreeSet<Long> parseLoadIds() {
    TreeSet<Long> ids = new TreeSet<>();
    for (String id : loadIds) {
      try {
        ids.add(Long.parseLong(id.strip()));
      } catch (NumberFormatException e) {
        throw new UsageException("'" + id + "' is no load id: a load id is a number (load_audit.load_id), e.g."
            + " `plumbline reload 12 --reason TEXT`.");
      }
    }
    return ids;
  }

  /** Every load asked for, known or refused together before any is read. */
  private List<LoadRereader.Load> loads(LoadRereader rereader, TreeSet<Long> requested) throws Exception {
    if (sourceId != null) {
      List<Long> ofSource = rereader.loadsOf(sourceId);
      if (ofSource.isEmpty()) {
        throw new UsageException("No file of source '" + sourceId + "' was loaded, so there is nothing to read"
            + " again (source ids are in config/governance/sources.yml).");
      }
      requested.addAll(ofSource);
    }
    List<LoadRereader.Load> loads = new ArrayList<>();
    List<Long> unknown = new ArrayList<>();
    for (long id : requested) {
      LoadRereader.Load load = rereader.find(id);
      if (load == null) {
        unknown.add(id);
      } else {
        loads.add(load);
      }
    }
    if (!unknown.isEmpty()) {
      throw new UsageException((unknown.size() == 1 ? "There is no load " + unknown.get(0)
          : "There are no loads " + unknown.stream().map(String::valueOf).toList()) + " in the ledger; nothing was"
          + " read again (load ids are load_audit.load_id).");
    }
    return loads;
  }

  private boolean reread(LoadRereader rereader, LoadRereader.Load load, String who, PrintWriter out) {
    LoadRereader.Result result;
    try {
      result = rereader.reread(load, reason.strip(), who);
    } catch (Exception e) {
      result = new LoadRereader.Result(load, 0, null, 0, false, false, PlainWords.of(e));
    }
    out.println(ReloadReport.line(result));
    out.flush();
    return result.succeeded();
  }
}
