package org.plumbline.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * The bytes of a file from a position up to a limit, read from a shared {@link FileChannel}
 * without moving it. Reading past the limit is the end of the stream, so a decoder fed from
 * here can never run into bytes that are not its own. It fetches small blocks ahead but
 * counts only what it hands out, so {@link #position()} is where the reader stopped.
 */
final class FileRangeInputStream extends InputStream {

  private static final int BLOCK_BYTES = 512;

  private final FileChannel channel;
  private final long limit;
  private final ByteBuffer block;
  private long position;

  FileRangeInputStream(FileChannel channel, long position, long limit) {
    this.channel = channel;
    this.limit = limit;
    this.position = position;
    this.block = ByteBuffer.allocate((int) Math.max(0, Math.min(BLOCK_BYTES, limit - position)));
    this.block.limit(0);
  }

  /** The position in the file of the next byte this stream would hand out. */
  long position() {
    return position;
  }

  @Override
  public int read() throws IOException {
    if (!fill()) {
      return -1;
    }
    position++;
    return block.get() & 0xff;
  }

  @Override
  public int read(byte[] into, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (!fill()) {
      return -1;
    }
    int n = Math.min(length, block.remaining());
    block.get(into, offset, n);
    position += n;
    return n;
  }

  /** Makes at least one byte available, fetching the next block; false at the limit or the file's end. */
  private boolean fill() throws IOException {
    if (block.hasRemaining()) {
      return true;
    }
    if (position >= limit) {
      return false;
    }
    block.clear();
    block.limit((int) Math.min(block.capacity(), limit - position));
    int read = channel.read(block, position);
    block.flip();
    return read > 0;
  }
}
