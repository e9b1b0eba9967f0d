package org.roster.web.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roster.application.fake.InMemoryStores;
import org.roster.application.port.out.ImportSelection;
import org.roster.domain.role.Role;
import org.roster.domain.role.RoleKind;
import org.roster.domain.sync.Profile;
import org.roster.domain.sync.SyncPolicy;
import org.roster.web.ApiClient;
import org.roster.web.ApiClient.Reply;
import org.roster.web.ApiTestSupport;
import org.roster.web.fake.AdminServices;
import org.roster.web.fake.InMemoryAdmins;

@MicronautTest
class ImportControllerTest extends ApiTestSupport {
  private static final Instant NOW = Instant.parse("2024-05-01T08:00:00Z");

  @Inject InMemoryStores stores;
  private Profile corp;
  private Role seller;

  @BeforeEach
  void seed() {
    AdminServices.reset(stores);
    corp = new Profile(UUID.randomUUID(), "corp", "fake", Map.of(), SyncPolicy.defaults(true), true, NOW, NOW);
    stores.profiles.save(corp);
    seller = Role.unbound(UUID.randomUUID(), "Seller", RoleKind.FUNCTIONAL, null);
    stores.roles.save(seller);
  }

  private String path() {
    return "/api/v1/profiles/" + corp.id() + "/imports";
  }

  private ApiClient sync() {
    return api().as(InMemoryAdmins.SYNC);
  }

  @Test
  void queuesAnImportRunWithItsSelection() {
    Reply accepted = sync().post(path(),
        "{\"externalIds\": [\"guid-1\", \"guid-2\"], \"enable\": false, \"roleIds\": [\"" + seller.id() + "\"]}");

    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    String runId = (String) accepted.map().get("id");
    assertThat(accepted.header("Location")).isEqualTo("/api/v1/runs/" + runId);
    assertThat(accepted.map())
        .containsEntry("trigger", "IMPORT")
        .containsEntry("status", "QUEUED")
        .containsEntry("profileId", corp.id().toString())
        .containsEntry("requestedBy", "admin:sync");
    assertThat(stores.imports.find(UUID.fromString(runId))).contains(
        new ImportSelection(UUID.fromString(runId), List.of("guid-1", "guid-2"), false, Set.of(seller.id())));
  }

  @Test
  void enableLeftOutIsTheProfilesSettingAndRolesAreOptional() {
    Reply accepted = sync().post(path(), "{\"externalIds\": [\"guid-1\"]}");

    ImportSelection selection = stores.imports.find(UUID.fromString((String) accepted.map().get("id"))).orElseThrow();
    assertThat(selection.enableUsers()).isTrue();
    assertThat(selection.roleIds()).isEmpty();
  }

  @Test
  void aSecondRunWhileOneIsPendingIsAConflict() {
    assertThat(sync().post(path(), "{\"externalIds\": [\"guid-1\"]}").status()).isEqualTo(202);
    assertProblem(sync().post(path(), "{\"externalIds\": [\"guid-2\"]}"), 409);
  }

  @Test
  void aBadRequestNamesTheField() {
    assertBadRequest(sync().post(path(), "{}"), "externalIds");
    assertBadRequest(sync().post(path(), "{\"externalIds\": []}"), "externalIds");
    assertBadRequest(sync().post(path(), "{\"externalIds\": \"guid-1\"}"), "externalIds");
    assertBadRequest(sync().post(path(), "{\"externalIds\": [1]}"), "externalIds");
    assertBadRequest(sync().post(path(), "{\"externalIds\": [\"a\", \"\"]}"), "externalIds[1]");
    assertBadRequest(sync().post(path(), "{\"externalIds\": [\"a\"], \"enable\": \"yes\"}"), "enable");
    assertBadRequest(sync().post(path(), "{\"externalIds\": [\"a\"], \"roleIds\": [\"seller\"]}"), "roleIds");
    assertBadRequest(sync().post(path(), "{\"externalIds\": [\"a\"], \"roleIds\": [\"" + UUID.randomUUID() + "\"]}"), "roleIds");
    assertBadRequest(sync().post(path(), "{\"externalIds\": [\"a\"], \"groups\": []}"), "groups");
    assertProblem(sync().post(path(), "{\"externalIds\": ["), 400);
    assertProblem(sync().post("/api/v1/profiles/" + UUID.randomUUID() + "/imports", "{\"externalIds\": [\"a\"]}"), 404);
    assertThat(stores.runs.runs).isEmpty();
  }

  @Test
  void directoryAdminsAndSysadminsImport() {
    assertProblem(api().as(InMemoryAdmins.PEOPLE).post(path(), "{\"externalIds\": [\"a\"]}"), 403);
    assertProblem(api().anonymous().post(path(), "{\"externalIds\": [\"a\"]}"), 401);
    assertThat(stores.runs.runs).isEmpty();
    assertThat(api().post(path(), "{\"externalIds\": [\"a\"]}").status()).isEqualTo(202);
  }
}
