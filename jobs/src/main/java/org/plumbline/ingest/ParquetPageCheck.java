package org.plumbline.ingest;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.parquet.format.PageHeader;
import org.plumbline.system.SqlScript;
import shaded.parquet.org.apache.thrift.TConfiguration;
import shaded.parquet.org.apache.thrift.TException;
import shaded.parquet.org.apache.thrift.protocol.TCompactProtocol;
import shaded.parquet.org.apache.thrift.transport.TIOStreamTransport;

/**
 * Checks that each column chunk of a Parquet file holds as many values as its pages declare.
 * DuckDB reads a chunk whose data page declares more values than its levels encode (corpus:
 * ARROW-RS-GH-6229-LEVELS.parquet, a page header saying 21 values in a chunk of 1) as if it
 * were whole, without an error, and its footer's row count agrees with that short read, so
 * comparing row counts cannot catch it. DuckDB does not expose page headers, so this reads
 * them: DuckDB's {@code parquet_metadata} gives each chunk's offsets, size and value count;
 * Apache Parquet's own format classes (parquet-format-structures) decode the page headers
 * there, and the data pages' value counts are summed. A chunk whose pages cannot be walked
 * cleanly is not judged (DuckDB's own read already rejected what it cannot decode), so a
 * writer's quirk never rejects a valid file.
 */
final class ParquetPageCheck {

  /** A page header is a few dozen bytes; statistics can make it larger, never this large. */
  private static final int MAX_HEADER_BYTES = 1 << 20;

  /**
   * Thrift refuses any string or list that declares more bytes than this before allocating
   * it, so a hostile length in a header costs an error, not memory. ({@code Util.readPageHeader}
   * would do the same decoding with Thrift's default limit of 100 MB per field.)
   */
  private static final TConfiguration HEADER_LIMITS =
      new TConfiguration(MAX_HEADER_BYTES, MAX_HEADER_BYTES, TConfiguration.DEFAULT_RECURSION_DEPTH);

  private ParquetPageCheck() {}

  static void requireDeclaredValues(Connection connection, Path file) throws SQLException, FileRejectedException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        PreparedStatement s = connection.prepareStatement(SqlScript.text("sql/ingest/parquet_column_chunks.sql"))) {
      s.setString(1, file.toAbsolutePath().toString());
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          long declared = r.getLong("num_values");
          long start = r.getLong("chunk_start");
          long size = r.getLong("total_compressed_size");
          Long paged = pagedValues(channel, start, size);
          if (paged != null && paged != declared) {
            throw new FileRejectedException("Its column '" + r.getString("column_path") + "' in row group "
                + r.getLong("row_group_id") + " declares " + declared + " values, but its data pages declare " + paged
                + ": the file is corrupt (a damaged page), and reading it would load wrong or missing values. Ask"
                + " for the export to be written again.");
          }
        }
      }
    } catch (IOException e) {
      throw new FileRejectedException("It could not be read: " + e.getMessage(), e);
    }
  }

  /** The values the chunk's data pages declare, or null when the pages cannot be walked cleanly. */
  private static Long pagedValues(FileChannel channel, long start, long size) throws IOException {
    long end = start + size;
    if (start < 0 || size <= 0 || end > channel.size()) {
      return null;
    }
    long values = 0;
    long offset = start;
    while (offset < end) {
      FileRangeInputStream in = new FileRangeInputStream(channel, offset, Math.min(end, offset + MAX_HEADER_BYTES));
      PageHeader header = readHeader(in);
      if (header == null || header.getCompressed_page_size() < 0) {
        return null;
      }
      Long pageValues = dataValues(header);
      if (pageValues == null) {
        return null;
      }
      values += pageValues;
      offset = in.position() + header.getCompressed_page_size();
    }
    return offset == end ? values : null;
  }

  /** The header at the stream's start, or null when its bytes are not a whole, valid page header. */
  private static PageHeader readHeader(FileRangeInputStream in) throws IOException {
    try {
      PageHeader header = new PageHeader();
      header.read(new TCompactProtocol(new TIOStreamTransport(HEADER_LIMITS, in)));
      return header;
    } catch (TException e) {
      if (e.getCause() instanceof IOException failure) {
        throw failure; // the disk failed, not the header
      }
      return null;
    } catch (RuntimeException malformed) {
      return null;
    }
  }

  /** The values a data page declares; 0 for other pages; null for a data page without its header. */
  private static Long dataValues(PageHeader header) {
    return switch (header.getType()) {
      case DATA_PAGE -> header.isSetData_page_header() ? (long) header.getData_page_header().getNum_values() : null;
      case DATA_PAGE_V2 ->
          header.isSetData_page_header_v2() ? (long) header.getData_page_header_v2().getNum_values() : null;
      default -> 0L;
    };
  }
}
