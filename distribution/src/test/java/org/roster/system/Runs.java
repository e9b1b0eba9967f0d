package org.roster.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** What a test asks the API about runs and users, waiting where a run is in progress. */
final class Runs {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final Api api;

  Runs(Api api) {
    this.api = api;
  }

  /**
   * Waits for the run of a dropped file to end (or stop for confirmation).
   */
  Map<String, Object> awaitFileRun(String profileId, String fileName) {
    return await("the run of " + fileName + " to end", () -> {
      List<Map<String, Object>> runs =
          api.get("/api/v1/runs?size=100&profileId=" + profileId).expect(200).items();
      return runs.stream()
          .filter(r -> r.get("source") instanceof String source && source.endsWith("/" + fileName))
          .findFirst().filter(Runs::ended).orElse(null);
    });
  }

  Map<String, Object> awaitRun(String runId) {
    return await("run " + runId + " to end", () -> {
      Map<String, Object> run = api.get("/api/v1/runs/" + runId).expect(200).map();
      return ended(run) ? run : null;
    });
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> counts(Map<String, Object> run) {
    return (Map<String, Object>) run.get("counts");
  }

  List<Map<String, Object>> report(Object runId) {
    return api.get("/api/v1/runs/" + runId + "/report?size=1000").expect(200).items();
  }

  /** Asks for a run of the profile in this mode (full, incremental, dry-run); waits for its end. */
  Map<String, Object> run(String profileId, String mode) {
    Map<String, Object> queued = api.post("/api/v1/profiles/" + profileId + "/runs", Map.of("mode", mode))
        .expect(202).map();
    return awaitRun((String) queued.get("id"));
  }

  /** The profile's users by login (all of them: at most 100). */
  Map<String, Map<String, Object>> usersOf(String profileId) {
    Api.Reply page = api.get("/api/v1/users?size=100&profileId=" + profileId).expect(200);
    List<Map<String, Object>> items = page.items();
    assertThat(page.map().get("total")).isEqualTo(items.size());
    Map<String, Map<String, Object>> byLogin = new java.util.HashMap<>();
    items.forEach(u -> byLogin.put((String) u.get("login"), u));
    assertThat(byLogin).hasSameSizeAs(items);
    return byLogin;
  }

  /** The directory search's hits ({@code by}: name, group or filter). */
  List<Map<String, Object>> search(String profileId, String by, String q) {
    return api.get("/api/v1/profiles/" + profileId + "/directory?by=" + by + "&q="
        + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8)).expect(200).items();
  }

  /** A selective import of these entries, enabled; waits for its run's end. */
  Map<String, Object> importEntries(String profileId, List<?> externalIds) {
    Map<String, Object> queued = api.post("/api/v1/profiles/" + profileId + "/imports",
        Map.of("externalIds", externalIds, "enable", true)).expect(202).map();
    return awaitRun((String) queued.get("id"));
  }

  /** The only user whose login is {@code login} (a search is by substring). */
  Map<String, Object> userByLogin(String login) {
    List<Map<String, Object>> found = api.get("/api/v1/users?q=" + login).expect(200).items();
    assertThat(found).filteredOn(u -> login.equals(u.get("login"))).as("users with login " + login).hasSize(1);
    return found.stream().filter(u -> login.equals(u.get("login"))).findFirst().orElseThrow();
  }

  String idOf(String login) {
    return (String) userByLogin(login).get("id");
  }

  Map<String, Object> user(String id) {
    return api.get("/api/v1/users/" + id).expect(200).map();
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> attributes(String id) {
    return (Map<String, Object>) user(id).get("attributes");
  }

  @SuppressWarnings("unchecked")
  List<String> groupNames(String id) {
    return ((List<Map<String, Object>>) user(id).get("groups")).stream()
        .map(g -> (String) g.get("name")).toList();
  }

  private static boolean ended(Map<String, Object> run) {
    return !List.of("QUEUED", "RUNNING").contains(run.get("status"));
  }

  private static <T> T await(String what, Supplier<T> probe) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (true) {
      T value = probe.get();
      if (value != null) {
        return value;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("gave up waiting " + TIMEOUT + " for " + what);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what);
      }
    }
  }
}
