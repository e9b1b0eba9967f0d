package org.roster.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code roster demo}: the CSV drop folder and the embedded LDAP directory each get a profile and a
 * first sync at start-up; a second start keeps the same users (fixed directory ids) and runs nothing
 * again; an LDAP demo user logs in with the directory password.
 */
class DemoIT {
  @TempDir Path dataDir;

  @Test
  void demoSetsUpBothSourcesOnceAndTheirUsersStay() {
    Map<String, Object> demo = Map.of("roster.demo.enabled", true, "roster.demo.ldap-port", 0);
    String kaiId;
    try (TestDatabase db = TestDatabase.h2(dataDir);
        RosterServer server = RosterServer.start(dataDir, db, demo)) {
      Api api = server.api();
      Runs runs = new Runs(api);
      Map<String, String> profiles = profileIds(api);
      assertThat(profiles).containsOnlyKeys("demo-csv", "demo-ldap");
      for (String id : profiles.values()) {
        List<Map<String, Object>> history = api.get("/api/v1/runs?profileId=" + id).expect(200).items();
        assertThat(history).hasSize(1);
        assertThat(history.get(0)).as("%s", history.get(0)).containsEntry("status", "SUCCEEDED");
      }
      assertThat(api.get("/api/v1/users?profileId=" + profiles.get("demo-ldap") + "&size=100")
          .expect(200).map()).containsEntry("total", 30);
      Map<String, Object> kai = runs.userByLogin("kai.lindqvist");
      kaiId = (String) kai.get("id");
      assertThat(kai).containsEntry("status", "ACTIVE").containsEntry("profileId", profiles.get("demo-ldap"));
      // the eighth person (employeeType=disabled in the directory) is imported INACTIVE
      assertThat(runs.userByLogin("lena.moreau")).containsEntry("status", "INACTIVE");
      assertThat(api.post("/api/v1/auth/login",
          Map.of("login", "kai.lindqvist", "password", "demo-password")).expect(200).map())
          .containsEntry("accepted", true);
      assertThat(api.post("/api/v1/auth/login",
          Map.of("login", "kai.lindqvist", "password", "wrong")).expect(200).map())
          .containsEntry("accepted", false);
    }
    try (TestDatabase db = TestDatabase.h2(dataDir);
        RosterServer server = RosterServer.start(dataDir, db, demo)) {
      Api api = server.api();
      Map<String, String> profiles = profileIds(api);
      assertThat(api.get("/api/v1/runs?profileId=" + profiles.get("demo-ldap")).expect(200).items())
          .as("no second first sync").hasSize(1);
      String newRun = (String) api.post("/api/v1/profiles/" + profiles.get("demo-ldap") + "/runs",
          Map.of("mode", "full")).expect(202).map().get("id");
      Map<String, Object> again = new Runs(api).awaitRun(newRun);
      assertThat(again).as("%s", again).containsEntry("status", "SUCCEEDED");
      assertThat(Runs.counts(again)).containsEntry("unchanged", 30).containsEntry("imported", 0);
      assertThat(new Runs(api).idOf("kai.lindqvist")).isEqualTo(kaiId);
    }
  }

  private static Map<String, String> profileIds(Api api) {
    return api.get("/api/v1/profiles").expect(200).items().stream()
        .collect(java.util.stream.Collectors.toMap(p -> (String) p.get("name"), p -> (String) p.get("id")));
  }
}
