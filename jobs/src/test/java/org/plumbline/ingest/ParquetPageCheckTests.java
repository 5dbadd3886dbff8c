package org.plumbline.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.Statistics;
import org.apache.parquet.format.Util;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ParquetPageCheck on a real Parquet file written by DuckDB, then damaged byte by byte where its
 * data page header lies: a value count that disagrees rejects the file; a header that cannot be
 * read leaves the file unjudged, without allocating what a hostile length asks for.
 */
class ParquetPageCheckTests {

  @TempDir Path dir;
  private Connection duckdb;
  private Path file;

  @BeforeEach
  void writeThreeRows() throws SQLException {
    duckdb = DriverManager.getConnection("jdbc:duckdb:");
    file = dir.resolve("three.parquet");
    try (Statement s = duckdb.createStatement()) {
      s.execute("copy (select range::integer as n from range(3)) to '" + file + "' (format parquet, compression uncompressed)");
    }
  }

  @AfterEach
  void close() throws SQLException {
    duckdb.close();
  }

  @Test
  void aFileWhosePagesDeclareItsValuesPasses() {
    assertThatCode(() -> ParquetPageCheck.requireDeclaredValues(duckdb, file)).doesNotThrowAnyException();
  }

  @Test
  void aDataPageDeclaringMoreValuesThanItsChunkRejectsTheFile() throws Exception {
    // given the data page header says 5 values in a chunk of 3 (same header length)
    long offset = dataPageOffset();
    byte[] bytes = Files.readAllBytes(file);
    PageHeader header = Util.readPageHeader(new ByteArrayInputStream(bytes, (int) offset, bytes.length));
    byte[] original = write(header);
    header.getData_page_header().setNum_values(5);
    byte[] damaged = write(header);
    assertThat(damaged).hasSameSizeAs(original);
    System.arraycopy(damaged, 0, bytes, (int) offset, damaged.length);
    Files.write(file, bytes);

    // when / then
    assertThatThrownBy(() -> ParquetPageCheck.requireDeclaredValues(duckdb, file))
        .isInstanceOf(FileRejectedException.class)
        .hasMessage("Its column 'n' in row group 0 declares 3 values, but its data pages declare 5: the file is"
            + " corrupt (a damaged page), and reading it would load wrong or missing values. Ask for the export to be"
            + " written again.");
  }

  @Test
  void aHeaderDeclaringAHugeStatisticIsNotJudgedAndNotAllocated() throws Exception {
    // given the data page header's statistics declare a 90 MB maximum value in a file of a few hundred bytes
    long offset = dataPageOffset();
    byte[] bytes = Files.readAllBytes(file);
    PageHeader header = Util.readPageHeader(new ByteArrayInputStream(bytes, (int) offset, bytes.length));
    header.getData_page_header().setStatistics(new Statistics().setMax("abc".getBytes(StandardCharsets.US_ASCII)));
    byte[] small = write(header);
    byte[] hostile = replace(small, new byte[] {3, 'a', 'b', 'c'}, varint(90_000_000));
    System.arraycopy(hostile, 0, bytes, (int) offset, hostile.length);
    Files.write(file, bytes);
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    // when
    long before = threads.getCurrentThreadAllocatedBytes();
    ParquetPageCheck.requireDeclaredValues(duckdb, file);
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;

    // then it returned without judging, and the 90 MB were never allocated
    assertThat(allocated).isLessThan(16L << 20);
  }

  private long dataPageOffset() throws SQLException {
    try (PreparedStatement s = duckdb.prepareStatement("select data_page_offset from parquet_metadata(?)")) {
      s.setString(1, file.toString());
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  private static byte[] write(PageHeader header) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Util.writePageHeader(header, out);
    return out.toByteArray();
  }

  private static byte[] varint(long value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while (value >= 0x80) {
      out.write((int) (value & 0x7f) | 0x80);
      value >>>= 7;
    }
    out.write((int) value);
    return out.toByteArray();
  }

  private static byte[] replace(byte[] in, byte[] what, byte[] with) {
    for (int i = 0; i + what.length <= in.length; i++) {
      if (Arrays.equals(in, i, i + what.length, what, 0, what.length)) {
        return concat(concat(Arrays.copyOf(in, i), with), Arrays.copyOfRange(in, i + what.length, in.length));
      }
    }
    throw new AssertionError("the serialised header does not hold the statistic");
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}
