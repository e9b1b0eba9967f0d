package org.roster.web.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roster.application.port.in.SaveProfileCommand;
import org.roster.domain.sync.EntryOutcome;
import org.roster.domain.sync.RunEntry;
import org.roster.domain.sync.RunMode;
import org.roster.domain.sync.SyncPolicy;
import org.roster.domain.sync.SyncRun;
import org.roster.web.ApiClient.Reply;
import org.roster.web.ApiTestSupport;
import org.roster.web.fake.InMemoryProfiles;
import org.roster.web.fake.InMemoryRuns;
import org.roster.web.fake.TestRuns;

@MicronautTest
class RunControllerTest extends ApiTestSupport {
  private static final Instant T0 = Instant.parse("2024-05-01T08:00:00Z");

  @Inject InMemoryProfiles profiles;
  @Inject InMemoryRuns runs;
  private UUID profileId;

  @BeforeEach
  void setUp() {
    profiles.clear();
    runs.clear();
    profileId = profile("HR file");
  }

  private UUID profile(String name) {
    return profiles
        .create(
            new SaveProfileCommand(
                name, "csv", Map.of("folder", "/srv/" + name), SyncPolicy.defaults(false), true),
            "test")
        .id();
  }

  @Test
  void runNowWithoutABodyQueuesAFullRun() {
    Reply accepted = api().post("/api/v1/profiles/" + profileId + "/runs", null);

    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    Map<String, Object> run = accepted.map();
    assertThat(accepted.header("Location")).isEqualTo("/api/v1/runs/" + run.get("id"));
    assertThat(run)
        .containsEntry("profileId", profileId.toString())
        .containsEntry("status", "QUEUED")
        .containsEntry("trigger", "MANUAL")
        .containsEntry("mode", "full")
        .containsEntry("requestedBy", "admin:sys")
        .containsEntry("startedAt", null);
    assertThat(runs.requests())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.mode()).isEqualTo(RunMode.FULL);
              assertThat(c.actor()).isEqualTo("admin:sys");
            });
  }

  @Test
  void runNowTakesTheMode() {
    Reply accepted =
        api().post("/api/v1/profiles/" + profileId + "/runs", "{\"mode\": \"dry-run\"}");

    assertThat(accepted.status()).isEqualTo(202);
    assertThat(accepted.map()).containsEntry("mode", "dry-run");
    assertThat(api().get(accepted.header("Location")).map()).containsEntry("mode", "dry-run");
  }

  @Test
  void anUnknownModeIsABadRequestNamingIt() {
    String detail =
        assertBadRequest(
            api().post("/api/v1/profiles/" + profileId + "/runs", "{\"mode\": \"sometimes\"}"),
            "mode");

    assertThat(detail).contains("full, incremental, dry-run");
  }

  @Test
  void aSecondRunWhileOneIsPendingIsAConflict() {
    api().post("/api/v1/profiles/" + profileId + "/runs", null);

    assertProblem(api().post("/api/v1/profiles/" + profileId + "/runs", null), 409);
    assertThat(runs.requests()).hasSize(1);
  }

  @Test
  void runningAnUnknownProfileIsNotFound() {
    assertProblem(api().post("/api/v1/profiles/" + UUID.randomUUID() + "/runs", null), 404);
  }

  @Test
  void listsRunsNewestFirstFilteredByProfile() {
    UUID other = profile("Corp AD");
    SyncRun older = TestRuns.succeeded(profileId, T0);
    SyncRun newer = TestRuns.succeeded(profileId, T0.plusSeconds(3600));
    runs.save(older);
    runs.save(newer);
    runs.save(TestRuns.succeeded(other, T0.plusSeconds(1800)));

    Reply ofProfile = api().get("/api/v1/runs?profileId=" + profileId);
    Reply all = api().get("/api/v1/runs?size=2");

    assertThat(ofProfile.items())
        .extracting(r -> r.get("id"))
        .containsExactly(newer.id().toString(), older.id().toString());
    assertThat(ofProfile.map()).containsEntry("total", 2);
    assertThat(all.map()).containsEntry("total", 3).containsEntry("size", 2);
    assertThat(all.items()).hasSize(2);
  }

  @Test
  void getsARunWithItsCountsAsAnObject() {
    SyncRun run = TestRuns.succeeded(profileId, T0);
    runs.save(run);

    Reply got = api().get("/api/v1/runs/" + run.id());

    assertThat(got.status()).isEqualTo(200);
    assertThat(got.map())
        .containsEntry("status", "SUCCEEDED")
        .containsEntry("trigger", "SCHEDULE")
        .containsEntry("mode", "full")
        .containsEntry("requestedAt", "2024-05-01T08:00:00Z")
        .containsEntry("startedAt", "2024-05-01T08:00:01Z")
        .containsEntry("endedAt", "2024-05-01T08:01:00Z")
        .containsEntry("source", "people.csv")
        .containsEntry("error", null)
        .containsEntry("confirmedBy", null)
        .containsEntry(
            "summary",
            "3 imported, 2 updated, 0 disabled, 0 deleted, 0 blocked, 0 released, 0 conflicts, 1"
                + " failed");
    assertThat(got.object("counts"))
        .containsEntry("read", 10)
        .containsEntry("imported", 3)
        .containsEntry("updated", 2)
        .containsEntry("unchanged", 4)
        .containsEntry("failed", 1)
        .containsEntry("deleted", 0)
        .containsKeys("disabled", "reactivated", "blocked", "released", "conflicts", "skipped");
  }

  @Test
  void anUnknownRunIsNotFound() {
    assertProblem(api().get("/api/v1/runs/" + UUID.randomUUID()), 404);
    assertProblem(api().get("/api/v1/runs/" + UUID.randomUUID() + "/report"), 404);
  }

  @Test
  void theReportIsPagedInOrder() {
    SyncRun run = TestRuns.succeeded(profileId, T0);
    runs.save(run);
    List<RunEntry> entries = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      entries.add(
          new RunEntry(
              run.id(),
              i,
              "USER",
              "ext-" + i,
              "user" + i,
              "line " + (i + 1),
              i == 5 ? EntryOutcome.FAILED : EntryOutcome.CREATED,
              i == 5 ? "no login column" : null));
    }
    runs.report(run.id(), entries);

    Reply page = api().get("/api/v1/runs/" + run.id() + "/report?page=1&size=2");
    Reply last = api().get("/api/v1/runs/" + run.id() + "/report?page=2&size=2");

    assertThat(page.map())
        .containsEntry("page", 1)
        .containsEntry("size", 2)
        .containsEntry("total", 5);
    assertThat(page.items()).extracting(e -> e.get("seq")).containsExactly(3, 4);
    assertThat(last.items())
        .singleElement()
        .satisfies(
            e ->
                assertThat(e)
                    .containsEntry("kind", "USER")
                    .containsEntry("externalId", "ext-5")
                    .containsEntry("name", "user5")
                    .containsEntry("location", "line 6")
                    .containsEntry("outcome", "FAILED")
                    .containsEntry("detail", "no login column"));
  }

  @Test
  void confirmsARunWaitingForConfirmation() {
    SyncRun waiting = TestRuns.waitingForConfirmation(profileId, T0);
    runs.save(waiting);

    Reply confirmed = api().post("/api/v1/runs/" + waiting.id() + "/confirm", "{}");

    assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(202);
    assertThat(confirmed.header("Location")).isEqualTo("/api/v1/runs/" + waiting.id());
    assertThat(confirmed.map())
        .containsEntry("status", "QUEUED")
        .containsEntry("confirmedBy", "admin:sys")
        .containsEntry("confirmedDestructive", 40);
  }

  @Test
  void cancelsARunWaitingForConfirmation() {
    SyncRun waiting = TestRuns.waitingForConfirmation(profileId, T0);
    runs.save(waiting);

    Reply cancelled = api().post("/api/v1/runs/" + waiting.id() + "/cancel", null);

    assertThat(cancelled.status()).isEqualTo(200);
    assertThat(cancelled.map()).containsEntry("status", "CANCELLED");
    assertThat(api().get("/api/v1/runs/" + waiting.id()).map())
        .containsEntry("status", "CANCELLED");
  }

  @Test
  void confirmingOrCancellingARunThatIsNotWaitingIsAConflict() {
    SyncRun done = TestRuns.succeeded(profileId, T0);
    runs.save(done);

    assertProblem(api().post("/api/v1/runs/" + done.id() + "/confirm", null), 409);
    assertProblem(api().post("/api/v1/runs/" + done.id() + "/cancel", null), 409);
  }
}
