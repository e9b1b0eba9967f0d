package org.roster.domain.sync;

import org.roster.domain.Require;

/**
 * The deletion circuit-breaker: a run that would deactivate or delete more users than this stops
 * in NEEDS_CONFIRMATION. The limit is {@code percent} % of the profile's users or {@code
 * absolute}, whichever is smaller (DESIGN rule 13: default 10 % or 500).
 */
public record DeletionThreshold(int percent, int absolute) {

  public static final DeletionThreshold DEFAULT = new DeletionThreshold(10, 500);

  public DeletionThreshold {
    if (percent < 0 || percent > 100) {
      throw new IllegalArgumentException("'percent' must be between 0 and 100");
    }
    Require.notNegative(absolute, "absolute");
  }

  /** The most users a run over {@code users} known users may take away without confirmation. */
  public int limitFor(int users) {
    long byPercent = (long) users * percent / 100;
    return (int) Math.min(byPercent, absolute);
  }

  public boolean trippedBy(int destructive, int users) {
    return destructive > limitFor(users);
  }
}
