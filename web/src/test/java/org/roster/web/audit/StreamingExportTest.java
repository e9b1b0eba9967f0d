package org.roster.web.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StreamingExportTest {
  private final ExecutorService executor = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  @Test
  void deliversEverythingInOrder() throws IOException {
    InputStream in =
        StreamingExport.start(
            executor,
            out -> {
              for (int i = 0; i < 100_000; i++) {
                out.write(("line " + i + "\n").getBytes());
              }
            });

    String all = new String(in.readAllBytes());

    assertThat(all.lines()).hasSize(100_000).startsWith("line 0").endsWith("line 99999");
    assertThat(in.read()).isEqualTo(-1);
  }

  @Test
  void theProducerWaitsForASlowReader() throws Exception {
    AtomicLong written = new AtomicLong();
    byte[] kilobyte = new byte[1024];
    InputStream in =
        StreamingExport.start(
            executor,
            out -> {
              for (int i = 0; i < 10_000; i++) {
                out.write(kilobyte);
                written.addAndGet(kilobyte.length);
              }
            });
    long buffered = (long) (StreamingExport.CHUNKS + 1) * StreamingExport.CHUNK_BYTES;

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (written.get() < StreamingExport.CHUNKS * StreamingExport.CHUNK_BYTES
        && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    Thread.sleep(200);

    assertThat(written.get())
        .isBetween((long) StreamingExport.CHUNKS * StreamingExport.CHUNK_BYTES, buffered);
    assertThat(in.readAllBytes()).hasSize(10_000 * 1024);
  }

  @Test
  void closingTheReaderStopsTheProducer() throws Exception {
    CountDownLatch stopped = new CountDownLatch(1);
    AtomicReference<Throwable> seen = new AtomicReference<>();
    InputStream in =
        StreamingExport.start(
            executor,
            out -> {
              try {
                while (true) {
                  out.write(new byte[4096]);
                }
              } catch (IOException e) {
                seen.set(e);
                throw e;
              } finally {
                stopped.countDown();
              }
            });

    assertThat(in.read(new byte[100])).isEqualTo(100);
    in.close();

    assertThat(stopped.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(seen.get()).isInstanceOf(IOException.class);
  }

  @Test
  void aFailureAfterTheFirstChunkCutsTheStreamOffInsteadOfEndingIt() throws IOException {
    byte[] rows = "row\n".repeat(StreamingExport.CHUNK_BYTES).getBytes();
    InputStream in =
        StreamingExport.start(
            executor,
            out -> {
              out.write(rows);
              throw new IllegalStateException("database went away");
            });
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    byte[] buffer = new byte[4096];

    assertThatThrownBy(
            () -> {
              for (int n; (n = in.read(buffer)) >= 0; ) {
                got.write(buffer, 0, n);
              }
            })
        .isInstanceOf(IOException.class)
        .hasRootCauseMessage("database went away");
    assertThat(got.size()).isPositive().isLessThanOrEqualTo(rows.length);
  }

  @Test
  void aFailureBeforeTheFirstChunkIsThrownByStart() {
    assertThatThrownBy(
            () ->
                StreamingExport.start(
                    executor,
                    out -> {
                      out.write("header\n".getBytes());
                      throw new IllegalArgumentException("'from' is not a date");
                    }))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'from' is not a date");
  }

  @Test
  void anEmptyExportEndsCleanly() throws IOException {
    InputStream in = StreamingExport.start(executor, out -> {});

    assertThat(in.readAllBytes()).isEmpty();
  }
}
