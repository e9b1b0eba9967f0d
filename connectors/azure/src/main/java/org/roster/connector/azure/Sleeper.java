package org.roster.connector.azure;

import java.time.Duration;

/** How the connector waits before a retry; tests pass one that records the waits instead. */
@FunctionalInterface
interface Sleeper {

  /** Sleeps on the calling thread. */
  Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

  void sleep(Duration duration) throws InterruptedException;
}
