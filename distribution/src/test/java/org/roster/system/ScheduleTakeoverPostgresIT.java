package org.roster.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.JsonMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real server processes on one PostgreSQL: a scheduled run happens once, on one of them; that
 * node is killed (SIGKILL) in the middle of the run, and the other takes the run over once the
 * lease expires and finishes it.
 */
@Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class ScheduleTakeoverPostgresIT {
  /** Short enough for a test, long enough for renewals every 1.25 s on a busy machine. */
  static final String LEASE = "5s";
  static final int USERS = 40;
  static final int MILLIS_PER_USER = 200;

  @TempDir Path dir;
  final JsonMapper json = JsonMapper.createDefault();

  @Test
  void aScheduledRunHappensOnceAndAnotherNodeTakesItOverWhenItsNodeDies() throws Exception {
    try (PostgresDatabase database = new PostgresDatabase();
        RosterProcess a = node("node-a", database);
        RosterProcess b = node("node-b", database)) {
      try {
        scenario(database, a, b);
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError(e.getMessage() + "\n" + a.logTail() + "\n" + b.logTail(), e);
      }
    }
  }

  private void scenario(PostgresDatabase database, RosterProcess a, RosterProcess b)
      throws SQLException {
    Instant slot = nextSlot();
    String time = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC).format(slot);
    Map<String, Object> created = a.api(json).post("/api/v1/profiles", Map.of(
        "name", "slow directory",
        "type", "slow",
        "settings", Map.of("users", USERS, "millisPerUser", MILLIS_PER_USER),
        "policy", Map.of("requireGroupMembership", false),
        "schedule", Map.of("type", "daily", "time", time, "zone", "UTC", "mode", "full")))
        .expect(201).map();
    String profileId = (String) created.get("id");
    assertThat(created).containsEntry("nextRunAt", slot.toString());

    // at the slot, both nodes find it due; one of them starts the run
    Map<String, Object> first = await("the scheduled run to start", Duration.ofSeconds(120), () ->
        runs(b, profileId).stream().filter(r -> "RUNNING".equals(r.get("status"))).findFirst()
            .orElse(null));
    assertThat(first).containsEntry("trigger", "SCHEDULE").containsEntry("requestedBy", "schedule");
    String holder = leaseHolder(database, profileId);
    assertThat(holder).isIn("node-a", "node-b");
    RosterProcess dying = holder.equals("node-a") ? a : b;
    RosterProcess survivor = dying == a ? b : a;
    RosterProcess.sleep(1000);
    assertThat(runs(survivor, profileId)).as("one run for the slot, not one per node").hasSize(1);

    Instant killedAt = Instant.now();
    dying.kill();

    // the survivor aborts the dead node's run once its lease expired and runs it again
    List<Map<String, Object>> history = await("the survivor to take the run over and finish it",
        Duration.ofSeconds(90), () -> {
          List<Map<String, Object>> runs = runs(survivor, profileId);
          return runs.size() == 2 && "SUCCEEDED".equals(runs.get(0).get("status")) ? runs : null;
        });
    Map<String, Object> aborted = history.get(1);
    Map<String, Object> takenOver = history.get(0);
    assertThat(aborted).containsEntry("id", first.get("id")).containsEntry("status", "ABORTED");
    assertThat((String) aborted.get("error"))
        .contains("stopped renewing its lease")
        .contains("node " + survivor.node() + " took the profile over");
    assertThat(takenOver)
        .containsEntry("trigger", "SCHEDULE")
        .containsEntry("mode", "full")
        .containsEntry("requestedBy", "schedule");
    assertThat(Instant.parse((String) takenOver.get("requestedAt")))
        .as("taken over after the lease expired, not before")
        .isAfter(killedAt.plusSeconds(2));
    assertThat(Runs.counts(takenOver)).containsEntry("imported", USERS);
    assertThat(survivor.api(json).get("/api/v1/users?profileId=" + profileId).expect(200).map())
        .containsEntry("total", USERS);
    assertThat(leaseHolder(database, profileId)).as("released at the end").isNull();

    Map<String, Object> profile =
        survivor.api(json).get("/api/v1/profiles/" + profileId).expect(200).map();
    assertThat(profile)
        .containsEntry("nextRunAt", slot.plus(1, ChronoUnit.DAYS).toString())
        .containsEntry("lastScheduledRunId", first.get("id"));
    assertThat(dying.alive()).isFalse();
  }

  private RosterProcess node(String name, PostgresDatabase database) {
    return RosterProcess.start(name, dir.resolve(name), Map.of(
        "datasources.default.url", database.properties().get("datasources.default.url"),
        "roster.runs.lease", LEASE,
        "roster.runs.poll", "500ms",
        "roster.test.slow-connector", "true"));
  }

  /** The next whole minute at least 15 s away, so both nodes are polling when it comes. */
  private static Instant nextSlot() {
    Instant slot = Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
    return Duration.between(Instant.now(), slot).getSeconds() < 15 ? slot.plus(1, ChronoUnit.MINUTES) : slot;
  }

  private List<Map<String, Object>> runs(RosterProcess node, String profileId) {
    return node.api(json).get("/api/v1/runs?size=100&profileId=" + profileId).expect(200).items();
  }

  /** Which node holds the profile's run lease, read from the database; null when none does. */
  private static String leaseHolder(PostgresDatabase database, String profileId) throws SQLException {
    String url = (String) database.properties().get("datasources.default.url");
    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement ps = c.prepareStatement("SELECT node FROM profile_lease WHERE profile_id = ?")) {
      ps.setObject(1, UUID.fromString(profileId));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  private static <T> T await(String what, Duration timeout, Supplier<T> probe) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      T value = probe.get();
      if (value != null) {
        return value;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("gave up waiting " + timeout + " for " + what);
      }
      RosterProcess.sleep(100);
    }
  }
}
