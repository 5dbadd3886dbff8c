package org.plumbline.ingest;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.plumbline.governance.Source;

/**
 * Reads one file of a source into the scratch tables of {@code sql/ingest/incoming.sql}:
 * the header of each sheet into {@code incoming_sheet} and every row read into
 * {@code incoming_row}, as raw text.
 */
interface SourceFileReader {

  void read(Connection connection, Path file, Source source) throws SQLException, FileRejectedException;
}
