package org.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The run timing configuration, without booting the server. */
class RunTimingsTest {
  @Test
  void leasesAreRenewedFourTimesPerLease() {
    assertThat(new RunTimings(Duration.ofSeconds(60), Duration.ofSeconds(2)).renewal())
        .isEqualTo(Duration.ofSeconds(15));
    assertThat(new RunTimings(Duration.ofSeconds(5), Duration.ofMillis(500)).renewal())
        .isEqualTo(Duration.ofMillis(1250));
  }

  @Test
  void refusesALeaseTooShortToRenewAndANonPositivePoll() {
    assertThatThrownBy(() -> new RunTimings(Duration.ofSeconds(1), Duration.ofSeconds(2)))
        .hasMessage("'roster.runs.lease' must be at least 2s, not PT1S");
    assertThatThrownBy(() -> new RunTimings(Duration.ofSeconds(60), Duration.ZERO))
        .hasMessage("'roster.runs.poll' must be positive, not PT0S");
  }
}
