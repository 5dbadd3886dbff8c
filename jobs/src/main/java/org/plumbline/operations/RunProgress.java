package org.plumbline.operations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.plumbline.ingest.FileOutcome;
import org.plumbline.ingest.IngestListener;

/**
 * How far the current run's ingest has come (files and rows), for the terminal's progress bar
 * and the console. Told about each file by the ingest step; started by {@link RunControl}.
 */
public final class RunProgress implements IngestListener {

  /** A snapshot: files done of the files that were in the inbox when the run started. */
  public record Snapshot(int filesDone, int filesTotal, long rowsRead, long rowsLoaded, int filesRejected,
      String lastFile) {}

  /** Receives every change; the command line prints it, the console polls snapshots instead. */
  public interface Sink {
    void started(Snapshot snapshot);

    void fileDone(Snapshot snapshot, FileOutcome outcome);
  }

  private final CopyOnWriteArrayList<Sink> sinks = new CopyOnWriteArrayList<>();
  private volatile Snapshot current = new Snapshot(0, 0, 0, 0, 0, "");

  public void addSink(Sink sink) {
    sinks.add(sink);
  }

  void start(Path inbox) {
    current = new Snapshot(0, countFiles(inbox), 0, 0, 0, "");
    sinks.forEach(s -> s.started(current));
  }

  @Override
  public synchronized void afterFile(FileOutcome outcome) {
    Snapshot s = current;
    current = new Snapshot(s.filesDone() + 1, Math.max(s.filesTotal(), s.filesDone() + 1),
        s.rowsRead() + outcome.rowsRead(), s.rowsLoaded() + outcome.rowsLoaded(),
        s.filesRejected() + (outcome.kind() == FileOutcome.Kind.REJECTED ? 1 : 0), outcome.fileName());
    sinks.forEach(sink -> sink.fileDone(current, outcome));
  }

  public Snapshot snapshot() {
    return current;
  }

  private static int countFiles(Path inbox) {
    try (Stream<Path> files = Files.list(inbox)) {
      return (int) files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).count();
    } catch (IOException e) {
      return 0;
    }
  }
}
