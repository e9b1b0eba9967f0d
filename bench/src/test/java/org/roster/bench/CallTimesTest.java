package org.roster.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CallTimesTest {
  /** A port whose work calls another port. */
  interface Outer {
    int work(Inner inner);
  }

  interface Inner {
    int step();
  }

  @Test
  void countsCallsAndChargesNestedCallsToTheCalleeOnly() {
    CallTimes times = new CallTimes(true);
    Inner inner = times.wrap((Inner) () -> {
      sleep(20);
      return 1;
    }, "Inner");
    Outer outer = times.wrap((Outer) i -> {
      sleep(10);
      return i.step() + i.step();
    }, "Outer");

    times.reset();
    int result = outer.work(inner);

    Map<String, CallTimes.Total> byName = times.totals().stream()
        .collect(Collectors.toMap(CallTimes.Total::name, Function.identity()));
    assertThat(result).isEqualTo(2);
    assertThat(byName.get("Inner.step").calls()).isEqualTo(2);
    assertThat(byName.get("Outer.work").nanos()).isGreaterThanOrEqualTo(50_000_000L);
    assertThat(byName.get("Outer.work").ownNanos())
        .isGreaterThanOrEqualTo(10_000_000L).isLessThan(40_000_000L);
    assertThat(times.topLevelNanos()).isEqualTo(byName.get("Outer.work").nanos());
  }

  @Test
  void disabledReturnsTheTargetItself() {
    Inner inner = () -> 1;

    assertThat(new CallTimes(false).wrap(inner, "Inner")).isSameAs(inner);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
