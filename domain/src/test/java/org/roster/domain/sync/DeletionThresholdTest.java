package org.roster.domain.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** DESIGN rule 13: 10 % of the users or 500, whichever is smaller. */
class DeletionThresholdTest {
  @Test
  void theSmallerOfPercentAndAbsoluteIsTheLimit() {
    assertThat(DeletionThreshold.DEFAULT.limitFor(40)).isEqualTo(4);
    assertThat(DeletionThreshold.DEFAULT.limitFor(100_000)).isEqualTo(500);
  }

  @Test
  void tripsOnlyAboveTheLimit() {
    assertThat(DeletionThreshold.DEFAULT.trippedBy(4, 40)).isFalse();
    assertThat(DeletionThreshold.DEFAULT.trippedBy(5, 40)).isTrue();
    assertThat(DeletionThreshold.DEFAULT.trippedBy(0, 0)).isFalse();
  }
}
