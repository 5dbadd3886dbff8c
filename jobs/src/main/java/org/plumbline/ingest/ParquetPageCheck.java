package org.plumbline.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.plumbline.system.SqlScript;

/**
 * Checks that each column chunk of a Parquet file holds as many values as its pages declare.
 * DuckDB reads a chunk whose data page declares more values than its levels encode (corpus:
 * ARROW-RS-GH-6229-LEVELS.parquet, a page header saying 21 values in a chunk of 1) as if it
 * were whole, without an error, and its footer's row count agrees with that short read, so
 * comparing row counts cannot catch it. DuckDB does not expose page headers, so this reads
 * them: DuckDB's {@code parquet_metadata} gives each chunk's offsets, size and value count;
 * the page headers there (Thrift compact protocol, a few bytes each) are read here and their
 * value counts summed. A chunk whose pages cannot be walked cleanly is not judged (DuckDB's
 * own read already rejected what it cannot decode), so a writer's quirk never rejects a valid file.
 */
final class ParquetPageCheck {

  private static final int DATA_PAGE = 0;
  private static final int DATA_PAGE_V2 = 3;
  /** A page header is a few dozen bytes; statistics can make it larger, never this large. */
  private static final int MAX_HEADER_BYTES = 1 << 20;

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
      ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(MAX_HEADER_BYTES, channel.size() - offset));
      channel.read(buffer, offset);
      buffer.flip();
      PageHeader header;
      try {
        header = PageHeader.read(new CompactReader(buffer));
      } catch (RuntimeException malformed) {
        return null;
      }
      if (header.compressedSize() < 0 || header.type() < 0) {
        return null;
      }
      if (header.type() == DATA_PAGE || header.type() == DATA_PAGE_V2) {
        values += header.numValues();
      }
      offset += buffer.position() + header.compressedSize();
    }
    return offset == end ? values : null;
  }

  /** What is needed of a page header: type, compressed size, and a data page's value count. */
  private record PageHeader(int type, int compressedSize, long numValues) {

    static PageHeader read(CompactReader in) {
      int type = -1;
      int compressedSize = -1;
      long numValues = 0;
      short field = 0;
      while (true) {
        int head = in.readByte() & 0xff;
        int kind = head & 0x0f;
        if (kind == 0) {
          return new PageHeader(type, compressedSize, numValues);
        }
        int delta = head >>> 4;
        field = delta == 0 ? (short) in.readZigzag() : (short) (field + delta);
        if (field == 1 && kind == CompactReader.I32) {
          type = (int) in.readZigzag();
        } else if (field == 3 && kind == CompactReader.I32) {
          compressedSize = (int) in.readZigzag();
        } else if ((field == 5 || field == 8) && kind == CompactReader.STRUCT) {
          // data_page_header (5) and data_page_header_v2 (8) both start with num_values (field 1)
          numValues = in.readFirstI32OfStruct();
        } else {
          in.skip(kind);
        }
      }
    }
  }

  /** Just enough of Thrift's compact protocol to read and skip page header fields. */
  private static final class CompactReader {
    static final int TRUE = 1;
    static final int FALSE = 2;
    static final int BYTE = 3;
    static final int I16 = 4;
    static final int I32 = 5;
    static final int I64 = 6;
    static final int DOUBLE = 7;
    static final int BINARY = 8;
    static final int LIST = 9;
    static final int SET = 10;
    static final int MAP = 11;
    static final int STRUCT = 12;

    private final ByteBuffer buffer;

    CompactReader(ByteBuffer buffer) {
      this.buffer = buffer;
    }

    byte readByte() {
      return buffer.get();
    }

    long readVarint() {
      long value = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        int b = buffer.get() & 0xff;
        value |= (long) (b & 0x7f) << shift;
        if ((b & 0x80) == 0) {
          return value;
        }
      }
      throw new IllegalStateException("varint too long");
    }

    long readZigzag() {
      long n = readVarint();
      return (n >>> 1) ^ -(n & 1);
    }

    /** Reads a struct whose field 1 is an i32, returning it (0 if absent); the rest is skipped. */
    long readFirstI32OfStruct() {
      long first = 0;
      short field = 0;
      while (true) {
        int head = readByte() & 0xff;
        int kind = head & 0x0f;
        if (kind == 0) {
          return first;
        }
        int delta = head >>> 4;
        field = delta == 0 ? (short) readZigzag() : (short) (field + delta);
        if (field == 1 && kind == I32) {
          first = readZigzag();
        } else {
          skip(kind);
        }
      }
    }

    void skip(int kind) {
      switch (kind) {
        case TRUE, FALSE -> { }
        case BYTE -> buffer.get();
        case I16, I32, I64 -> readVarint();
        case DOUBLE -> buffer.position(buffer.position() + 8);
        case BINARY -> buffer.position(Math.addExact(buffer.position(), Math.toIntExact(readVarint())));
        case LIST, SET -> {
          int head = readByte() & 0xff;
          long count = (head >>> 4) == 15 ? readVarint() : head >>> 4;
          int element = head & 0x0f;
          for (long i = 0; i < count; i++) {
            skipElement(element);
          }
        }
        case MAP -> {
          long count = readVarint();
          if (count > 0) {
            int types = readByte() & 0xff;
            for (long i = 0; i < count; i++) {
              skipElement(types >>> 4);
              skipElement(types & 0x0f);
            }
          }
        }
        case STRUCT -> {
          while (true) {
            int head = readByte() & 0xff;
            int inner = head & 0x0f;
            if (inner == 0) {
              return;
            }
            if ((head >>> 4) == 0) {
              readZigzag(); // a field id written in full
            }
            skip(inner);
          }
        }
        default -> throw new IllegalStateException("unknown compact type " + kind);
      }
    }

    /** In a list or map a boolean is a whole byte, unlike in a field header. */
    private void skipElement(int kind) {
      if (kind == TRUE || kind == FALSE) {
        buffer.get();
      } else {
        skip(kind);
      }
    }
  }
}
