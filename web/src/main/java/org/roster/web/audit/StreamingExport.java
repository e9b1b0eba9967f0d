package org.roster.web.audit;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An input stream fed by a producer that writes on an executor's thread, with a bounded buffer in
 * between: the producer waits while the reader (the HTTP response) is behind, so an export of any
 * size holds at most {@value #CHUNKS} chunks of {@value #CHUNK_BYTES} bytes.
 *
 * <p>Failures: one before the first chunk is thrown by {@link #start} (the response has not begun,
 * so it can still be a problem response); a later one makes the reader fail at the end instead of
 * ending cleanly, so the response is cut off rather than looking complete. When the reader closes
 * early (the client went away), the producer's next write fails and it stops.
 */
final class StreamingExport extends InputStream {
  private static final Logger LOG = LoggerFactory.getLogger(StreamingExport.class);
  static final int CHUNK_BYTES = 16 * 1024;
  static final int CHUNKS = 8;
  private static final byte[] END = new byte[0];

  /** Writes the whole export to {@code out}; blocking. */
  @FunctionalInterface
  interface Producer {
    void writeTo(OutputStream out) throws IOException;
  }

  private final BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(CHUNKS);
  private final CountDownLatch begun = new CountDownLatch(1);
  private volatile boolean closed;
  private volatile Exception earlyFailure;
  private volatile Exception lateFailure;
  private byte[] chunk = new byte[0];
  private int pos;
  private boolean ended;

  private StreamingExport() {}

  /**
   * Starts {@code producer} on {@code executor} and returns what it writes, as it writes it, once
   * the first chunk is ready (or the producer is done).
   *
   * @throws RuntimeException what the producer threw before writing its first chunk (an {@link
   *     IOException} wrapped in {@link UncheckedIOException})
   */
  static InputStream start(Executor executor, Producer producer) throws InterruptedIOException {
    StreamingExport stream = new StreamingExport();
    executor.execute(() -> stream.produce(producer));
    try {
      stream.begun.await();
    } catch (InterruptedException e) {
      stream.close();
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while starting the export");
    }
    Exception early = stream.earlyFailure;
    if (early instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (early instanceof IOException io) {
      throw new UncheckedIOException(io);
    }
    return stream;
  }

  private void produce(Producer producer) {
    // Not try-with-resources: after a failure, what is still buffered must not reach the reader.
    OutputStream out = new BufferedOutputStream(new ChunkSink(), CHUNK_BYTES);
    try {
      producer.writeTo(out);
      out.close();
    } catch (IOException | RuntimeException e) {
      if (closed) {
        LOG.debug("Export stopped: the client went away");
      } else if (begun.getCount() > 0) {
        earlyFailure = e;
      } else {
        lateFailure = e;
        LOG.error("Export failed after it had begun; the response is cut off", e);
      }
    } finally {
      begun.countDown();
      enqueue(END);
    }
  }

  /** Hands a chunk to the reader, waiting for room; false once the reader has closed. */
  private boolean enqueue(byte[] bytes) {
    try {
      while (!closed) {
        if (chunks.offer(bytes, 100, TimeUnit.MILLISECONDS)) {
          return true;
        }
      }
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (!fill()) {
      return -1;
    }
    int n = Math.min(length, chunk.length - pos);
    System.arraycopy(chunk, pos, buffer, offset, n);
    pos += n;
    return n;
  }

  /** Makes sure unread bytes are at hand; false at the end. */
  private boolean fill() throws IOException {
    while (pos == chunk.length) {
      if (ended || closed) {
        return false;
      }
      try {
        chunk = chunks.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while waiting for the export");
      }
      pos = 0;
      if (chunk == END) {
        ended = true;
        if (lateFailure != null) {
          throw new IOException("the export failed on the server", lateFailure);
        }
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() {
    closed = true;
    chunks.clear();
  }

  /** The producer's end: every write becomes a chunk for the reader. */
  private final class ChunkSink extends OutputStream {
    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      if (length == 0) {
        return;
      }
      if (!enqueue(Arrays.copyOfRange(bytes, offset, offset + length))) {
        throw new IOException("the reader closed the export");
      }
      begun.countDown();
    }
  }
}
