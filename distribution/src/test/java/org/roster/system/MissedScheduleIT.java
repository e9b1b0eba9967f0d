package org.roster.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slots missed while the server was down: after a restart the profile runs once, not once per
 * missed slot, and its schedule goes on from now. The downtime is played by moving the stored
 * slot three hours back while the server is stopped.
 */
class MissedScheduleIT {
  static final Map<String, Object> SLOW = Map.of("roster.test.slow-connector", "true");

  @TempDir Path dataDir;

  @Test
  void slotsMissedWhileTheServerWasDownRunOnceAtStart() throws Exception {
    TestDatabase database = TestDatabase.h2(dataDir);
    String profileId;
    try (RosterServer server = RosterServer.start(dataDir, database, SLOW)) {
      Map<String, Object> created = server.api().post("/api/v1/profiles", Map.of(
          "name", "hourly",
          "type", "slow",
          "settings", Map.of("users", 3, "millisPerUser", 1),
          "policy", Map.of("requireGroupMembership", false),
          "schedule", Map.of("type", "everyHours", "hours", 1)))
          .expect(201).map();
      profileId = (String) created.get("id");
      assertNextHour(Instant.parse((String) created.get("nextRunAt")));
    }
    Instant threeHoursAgo = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.HOURS);
    moveSlot(UUID.fromString(profileId), threeHoursAgo);

    try (RosterServer server = RosterServer.start(dataDir, database, SLOW)) {
      Api api = server.api();
      Map<String, Object> run = await(api, profileId);
      RosterProcess.sleep(3000); // a few more polls: no second run for the other missed slots

      List<Map<String, Object>> runs =
          api.get("/api/v1/runs?profileId=" + profileId).expect(200).items();
      assertThat(runs).hasSize(1);
      assertThat(run).containsEntry("trigger", "SCHEDULE").containsEntry("status", "SUCCEEDED");
      assertThat(Runs.counts(run)).containsEntry("imported", 3);
      Map<String, Object> profile = api.get("/api/v1/profiles/" + profileId).expect(200).map();
      assertNextHour(Instant.parse((String) profile.get("nextRunAt")));
      assertThat(profile).containsEntry("lastScheduledRunId", run.get("id"));
    }
  }

  /** The schedule goes on from now: its next run is the next whole hour. */
  private static void assertNextHour(Instant next) {
    Instant now = Instant.now();
    assertThat(next).isEqualTo(next.truncatedTo(ChronoUnit.HOURS));
    assertThat(next).isAfter(now.minusSeconds(60)).isBeforeOrEqualTo(now.plus(1, ChronoUnit.HOURS));
  }

  private void moveSlot(UUID profileId, Instant to) throws SQLException {
    String url = "jdbc:h2:file:" + dataDir.resolve("roster")
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    try (Connection c = DriverManager.getConnection(url, "sa", "");
        PreparedStatement ps =
            c.prepareStatement("UPDATE schedule_slot SET next_run_at = ? WHERE profile_id = ?")) {
      ps.setObject(1, OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
      ps.setObject(2, profileId);
      assertThat(ps.executeUpdate()).isEqualTo(1);
    }
  }

  private static Map<String, Object> await(Api api, String profileId) {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < deadline) {
      List<Map<String, Object>> runs =
          api.get("/api/v1/runs?profileId=" + profileId).expect(200).items();
      if (!runs.isEmpty() && !List.of("QUEUED", "RUNNING").contains(runs.get(0).get("status"))) {
        return runs.get(0);
      }
      RosterProcess.sleep(100);
    }
    throw new AssertionError("no scheduled run ended within 60 s");
  }
}
