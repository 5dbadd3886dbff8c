package org.plumbline.demo;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * A file a writer produced: for which source, how many data rows (no header, title or totals
 * rows), and the last day it describes, from which its delivery time follows.
 */
record WrittenFile(String sourceId, Path path, int rows, LocalDate periodEnd) {}
