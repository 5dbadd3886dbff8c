package org.plumbline.operations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.plumbline.ingest.FileOutcome;
import org.plumbline.ingest.IngestListener;
import org.plumbline.ingest.IngestTasklet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How far the current run's ingest has come (files and rows), for the terminal's progress bar
 * and the console. Told about each file by the ingest step; started by {@link RunControl}.
 */
public final class RunProgress implements IngestListener {

  /** Why a run leaves folders and hidden files in the inbox, for whoever finds them there. */
  public static final String LEFT_ALONE_WHY = "files in folders and hidden files are not read: put the files"
      + " themselves in the inbox";

  private static final Logger LOG = LoggerFactory.getLogger(RunProgress.class);

  /**
   * A snapshot: files done of the files that were in the inbox when the run started, and what the
   * run leaves alone there (folders, named "name/", and hidden files), which would otherwise wait
   * unseen for ever.
   */
  public record Snapshot(int filesDone, int filesTotal, long rowsRead, long rowsLoaded, int filesRejected,
      String lastFile, List<String> leftAlone) {}

  /** Receives every change; the command line prints it, the console polls snapshots instead. */
  public interface Sink {
    void started(Snapshot snapshot);

    void fileDone(Snapshot snapshot, FileOutcome outcome);
  }

  private final CopyOnWriteArrayList<Sink> sinks = new CopyOnWriteArrayList<>();
  private volatile Snapshot current = new Snapshot(0, 0, 0, 0, 0, "", List.of());

  public void addSink(Sink sink) {
    sinks.add(sink);
  }

  void start(Path inbox) {
    List<String> leftAlone = leftAlone(inbox);
    if (!leftAlone.isEmpty()) {
      LOG.warn("Left alone in the inbox {}: {} ({}).", inbox, String.join(", ", leftAlone), LEFT_ALONE_WHY);
    }
    current = new Snapshot(0, countFiles(inbox), 0, 0, 0, "", leftAlone);
    sinks.forEach(s -> s.started(current));
  }

  @Override
  public synchronized void afterFile(FileOutcome outcome) {
    Snapshot s = current;
    current = new Snapshot(s.filesDone() + 1, Math.max(s.filesTotal(), s.filesDone() + 1),
        s.rowsRead() + outcome.rowsRead(), s.rowsLoaded() + outcome.rowsLoaded(),
        s.filesRejected() + (outcome.kind() == FileOutcome.Kind.REJECTED ? 1 : 0), outcome.fileName(),
        s.leftAlone());
    sinks.forEach(sink -> sink.fileDone(current, outcome));
  }

  public Snapshot snapshot() {
    return current;
  }

  /** The inbox's folders ("name/") and hidden entries, in name order: the ingest step reads neither. */
  static List<String> leftAlone(Path inbox) {
    try (Stream<Path> entries = Files.list(inbox)) {
      return entries.filter(p -> Files.isDirectory(p) || p.getFileName().toString().startsWith("."))
          .map(p -> p.getFileName() + (Files.isDirectory(p) ? "/" : "")).sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private static int countFiles(Path inbox) {
    try (Stream<Path> files = Files.list(inbox)) {
      return (int) files.filter(IngestTasklet::isInboxFile).count();
    } catch (IOException e) {
      return 0;
    }
  }
}
