package org.plumbline.ingest;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.Row;

/**
 * An XLSX sheet's rows parsed on a thread of their own and handed over in batches, so that the
 * loading thread appends one batch to DuckDB while the next is parsed ("reading and appending
 * may overlap", issue 3). The XML parsing and the cell texts are the larger half of reading a
 * workbook, DuckDB's Appender the smaller, and DuckDB is otherwise idle while a sheet is read,
 * so on two cores this takes the Appender's time off the load (bench/RESULTS.md). The Appender
 * stays on the loading thread, which made it, and so does everything the sheet's rules decide
 * (header, tables, blank rows): this class only moves cells.
 *
 * <p>Memory stays bounded: at most {@link #QUEUE_BATCHES} batches of {@link #BATCH_ROWS} rows
 * wait. A failure while parsing is rethrown by {@link #next()} on the loading thread, so the
 * reader turns it into the file's rejection as before. When the loading thread stops early (a
 * rejected cell, a failed append), {@link #close()} stops the parsing at its next hand-over:
 * no wait on either side is unbounded.
 */
final class PrefetchedSheetRows implements AutoCloseable {

  static final int BATCH_ROWS = 1024;
  static final int QUEUE_BATCHES = 8;
  private static final long HAND_OVER_POLL_MS = 100;
  private static final long STOP_WAIT_MS = 10_000;

  /**
   * A row as parsed: the row number Excel shows, each cell's raw text at its column index, and
   * their kinds ({@link CellKind}: one character a cell, up to the last that is not a plain number),
   * and whether the workbook hides the row.
   */
  record SheetRow(int rowNumber, List<String> texts, String kinds, boolean hidden) {}

  /** What the parsing thread hands over: rows, or its end, or why it stopped. */
  private record Batch(List<SheetRow> rows, boolean last, Throwable failure) {}

  private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUE_BATCHES);
  private final Thread thread;
  private volatile boolean stopped;
  private Iterator<SheetRow> current = List.<SheetRow>of().iterator();
  private boolean ended;

  PrefetchedSheetRows(Iterator<Row> rows, String sheetName) {
    thread = new Thread(() -> parse(rows), "xlsx-rows-" + sheetName);
    thread.setDaemon(true);
    thread.start();
  }

  /** The next row of the sheet, or null after the last; rethrows what the parsing failed with. */
  SheetRow next() {
    while (!current.hasNext()) {
      if (ended) {
        return null;
      }
      Batch batch = take();
      if (batch.failure() != null) {
        ended = true;
        throw rethrown(batch.failure());
      }
      ended = batch.last();
      current = batch.rows().iterator();
    }
    return current.next();
  }

  @Override
  public void close() {
    stopped = true;
    queue.clear(); // a parsing thread waiting to hand over sees the stop at its next try
    try {
      thread.join(STOP_WAIT_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void parse(Iterator<Row> rows) {
    try {
      List<SheetRow> batch = new ArrayList<>(BATCH_ROWS);
      int previousRow = 0;
      char[] kinds = new char[64];
      while (rows.hasNext()) {
        Row row = rows.next();
        int cells = row.getCellCount();
        List<String> texts = new ArrayList<>(cells);
        if (kinds.length < cells) {
          kinds = new char[cells];
        }
        int kindsLength = 0;
        for (int c = 0; c < cells; c++) {
          Cell cell = row.getCell(c);
          char kind = XlsxCellText.kind(cell);
          texts.add(XlsxCellText.text(cell, kind));
          kinds[c] = kind;
          if (kind != CellKind.NUMBER) {
            kindsLength = c + 1;
          }
        }
        previousRow = excelRow(row.getRowNum(), previousRow);
        batch.add(new SheetRow(previousRow, texts, new String(kinds, 0, kindsLength), row.isHidden()));
        if (batch.size() == BATCH_ROWS) {
          hand(new Batch(batch, false, null));
          batch = new ArrayList<>(BATCH_ROWS);
        }
      }
      hand(new Batch(batch, true, null));
    } catch (Stopped e) {
      // the loading thread no longer listens
    } catch (Throwable e) { // rethrown on the loading thread, which decides what it means
      try {
        hand(new Batch(List.of(), true, e));
      } catch (Stopped stopped) {
        // nobody listens any more
      }
    }
  }

  /**
   * The row Excel shows. A row's number is optional in the sheet's XML (some writers leave it
   * out, and Excel then takes the row after the one before); fastexcel-reader then gives how many
   * rows it has read so far, from 0, which is never more than the row before's number. Rows are
   * stored in ascending order, so a number that does not ascend is such a row.
   */
  static int excelRow(int number, int previousRow) {
    return number > previousRow ? number : previousRow + 1;
  }

  /** Waits while the queue is full, but never past the loading thread's stop. */
  private void hand(Batch batch) {
    try {
      while (!queue.offer(batch, HAND_OVER_POLL_MS, TimeUnit.MILLISECONDS)) {
        if (stopped) {
          throw new Stopped();
        }
      }
    } catch (InterruptedException e) {
      throw new Stopped();
    }
  }

  private Batch take() {
    try {
      while (true) {
        Batch batch = queue.poll(HAND_OVER_POLL_MS, TimeUnit.MILLISECONDS);
        if (batch != null) {
          return batch;
        }
        if (!thread.isAlive() && queue.isEmpty()) {
          throw new IllegalStateException("The thread reading the sheet stopped without handing over its end;"
              + " this is a defect in Plumbline.");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Loading was interrupted while a workbook was read.", e);
    }
  }

  private static RuntimeException rethrown(Throwable failure) {
    if (failure instanceof RuntimeException runtime) {
      return runtime;
    }
    if (failure instanceof Error error) {
      throw error; // the reader turns a StackOverflowError from a crafted sheet into a rejection
    }
    return new IllegalStateException(failure.getMessage(), failure);
  }

  /** The parsing thread's way out when the loading thread has stopped listening. */
  private static final class Stopped extends RuntimeException {
    Stopped() {
      super(null, null, false, false);
    }
  }
}
