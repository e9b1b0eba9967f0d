package org.roster.domain.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.roster.domain.sync.RunMode;

/** Which mode a scheduled run takes: incremental with a periodic full reconcile, or full. */
class ProfileScheduleTest {
  static final Instant NOW = Instant.parse("2025-01-10T12:00:00Z");
  static final Daily DAILY = new Daily(LocalTime.of(2, 0), ZoneOffset.UTC);

  @Test
  void incrementalWhileTheLastFullRunIsYoungerThanTheReconcileInterval() {
    ProfileSchedule s = new ProfileSchedule(DAILY, ScheduleMode.INCREMENTAL, 24);
    assertThat(s.runModeAt(NOW, true, NOW.minusSeconds(23 * 3600))).isEqualTo(RunMode.INCREMENTAL);
    assertThat(s.runModeAt(NOW, true, NOW.minusSeconds(24 * 3600 - 1))).isEqualTo(RunMode.INCREMENTAL);
  }

  @Test
  void fullWhenTheReconcileIsDue() {
    ProfileSchedule s = new ProfileSchedule(DAILY, ScheduleMode.INCREMENTAL, 24);
    assertThat(s.runModeAt(NOW, true, NOW.minusSeconds(24 * 3600))).isEqualTo(RunMode.FULL);
    assertThat(s.runModeAt(NOW, true, null)).as("never ran full").isEqualTo(RunMode.FULL);
  }

  @Test
  void fullForASourceWithoutAWatermark() {
    ProfileSchedule s = new ProfileSchedule(DAILY, ScheduleMode.INCREMENTAL, 24);
    assertThat(s.runModeAt(NOW, false, NOW.minusSeconds(60))).isEqualTo(RunMode.FULL);
  }

  @Test
  void fullModeIsAlwaysFull() {
    ProfileSchedule s = new ProfileSchedule(DAILY, ScheduleMode.FULL, 24);
    assertThat(s.runModeAt(NOW, true, NOW.minusSeconds(60))).isEqualTo(RunMode.FULL);
  }

  @Test
  void defaultsAreIncrementalWithADailyReconcile() {
    assertThat(ProfileSchedule.of(DAILY))
        .isEqualTo(new ProfileSchedule(DAILY, ScheduleMode.INCREMENTAL, 24));
  }

  @Test
  void refusesAReconcileIntervalOutOfRangeAndMissingParts() {
    assertThatThrownBy(() -> new ProfileSchedule(DAILY, ScheduleMode.INCREMENTAL, 0))
        .hasMessage("'fullReconcileHours' must be between 1 and 8784, not 0");
    assertThatThrownBy(() -> new ProfileSchedule(DAILY, ScheduleMode.INCREMENTAL, 8785))
        .hasMessageStartingWith("'fullReconcileHours'");
    assertThatThrownBy(() -> new ProfileSchedule(null, ScheduleMode.FULL, 24))
        .hasMessage("'timing' must not be null");
    assertThatThrownBy(() -> new ProfileSchedule(DAILY, null, 24)).hasMessage("'mode' must not be null");
  }

  @Test
  void modesHaveWireNames() {
    assertThat(ScheduleMode.fromWire("Incremental")).isEqualTo(ScheduleMode.INCREMENTAL);
    assertThat(ScheduleMode.FULL.wireName()).isEqualTo("full");
    assertThatThrownBy(() -> ScheduleMode.fromWire("dry-run"))
        .hasMessage("'mode' must be full or incremental, not 'dry-run'");
  }
}
