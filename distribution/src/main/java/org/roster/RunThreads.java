package org.roster;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bounded pool runs execute on ({@code roster.runs.threads}, default 4), threads named {@code
 * roster-run-N}. Runs beyond that wait in the queue; their leases are renewed meanwhile.
 */
@Singleton
public class RunThreads {
  private static final Logger LOG = LoggerFactory.getLogger(RunThreads.class);
  private static final long GRACE_SECONDS = 10;

  private final ExecutorService executor;

  public RunThreads(@Value("${roster.runs.threads:4}") int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("'roster.runs.threads' must be at least 1");
    }
    AtomicInteger n = new AtomicInteger();
    ThreadFactory factory = r -> new Thread(r, "roster-run-" + n.incrementAndGet());
    this.executor = Executors.newFixedThreadPool(threads, factory);
  }

  public ExecutorService executor() {
    return executor;
  }

  /** True until the server begins to shut down. */
  public boolean accepting() {
    return !executor.isShutdown();
  }

  /**
   * Lets running runs finish for a few seconds, then interrupts them; at shutdown, before any bean
   * (the database pool above all) is closed. A run cut off this way stays RUNNING in the database
   * and is marked ABORTED at the next start (its transaction rolled back).
   */
  @EventListener
  void onShutdown(ShutdownEvent event) throws InterruptedException {
    close();
  }

  @PreDestroy
  void close() throws InterruptedException {
    if (executor.isShutdown()) {
      return; // both the shutdown event and @PreDestroy call this: wait only once
    }
    executor.shutdown();
    if (!executor.awaitTermination(GRACE_SECONDS, TimeUnit.SECONDS)) {
      LOG.warn("runs still going after {} s at shutdown: interrupting them", GRACE_SECONDS);
      executor.shutdownNow();
    }
  }
}
