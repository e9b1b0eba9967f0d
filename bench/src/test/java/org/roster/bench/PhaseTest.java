package org.roster.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PhaseTest {
  private static final HeapMeter.Use HEAP = new HeapMeter.Use(100, 40, 110, 3, 12);
  private static final CpuMeter.Use CPU = new CpuMeter.Use(1, 1, 0);

  @Test
  void passesAtTheLimitAndFailsAboveIt() {
    Phase at = Phase.measured("memberOf", "full sync", 4.0, 2.0, 2.0, "raw", true, HEAP, CPU, "",
        List.of());
    Phase above = Phase.measured("memberOf", "full sync", 4.1, 2.0, 2.0, "raw", true, HEAP, CPU, "",
        List.of());

    assertThat(at.ratio()).isEqualTo(2.0);
    assertThat(at.verdict()).isEqualTo("PASS");
    assertThat(above.verdict()).isEqualTo("FAIL");
    assertThat(at.target()).isEqualTo("≤ 2.00 × raw");
  }

  @Test
  void failsWhenACheckFailsWhateverTheTime() {
    Phase fast = Phase.measured("member", "no-change re-sync", 0.1, 1.0, 1.3, "raw read", false,
        HEAP, CPU, "rows written", List.of());

    assertThat(fast.verdict()).isEqualTo("FAIL");
  }

  @Test
  void aReferenceHasNoBar() {
    Phase raw = Phase.reference("-", "raw insert", 1.6, HEAP, CPU, "");

    assertThat(raw.pass()).isNull();
    assertThat(raw.verdict()).isEmpty();
    assertThat(raw.ratio()).isNaN();
  }
}
