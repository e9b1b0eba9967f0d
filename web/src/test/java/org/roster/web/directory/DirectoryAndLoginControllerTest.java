package org.roster.web.directory;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.roster.connector.api.DirectoryQuery;
import org.roster.web.ApiClient.Reply;
import org.roster.web.ApiTestSupport;
import org.roster.web.fake.FakeDirectory;
import org.roster.web.fake.InMemoryAdmins;

@MicronautTest
class DirectoryAndLoginControllerTest extends ApiTestSupport {
  private static final String SEARCH = "/api/v1/profiles/" + FakeDirectory.PROFILE + "/directory";

  @Inject FakeDirectory directory;

  @Test
  void searchListsHitsWithWhatAnImportWouldDo() {
    Reply reply = api().as(InMemoryAdmins.PEOPLE).get(SEARCH + "?q=an");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.items()).extracting(h -> h.get("name"), h -> h.get("status"))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Analysis", "NEW"),
            org.assertj.core.groups.Tuple.tuple("andarm", "SYNCED"),
            org.assertj.core.groups.Tuple.tuple("aandrei", "CONFLICT"));
    assertThat(reply.items().get(2)).containsEntry("detail", "username already exists as an internal user");
    assertThat(directory.asked).last().isEqualTo(new DirectoryQuery(DirectoryQuery.By.NAME, "an"));
  }

  @Test
  void searchByGroupOrFilterAndItsErrors() {
    assertThat(api().get(SEARCH + "?by=group&q=Sales&limit=1").items()).hasSize(1);
    assertThat(directory.asked).last().isEqualTo(new DirectoryQuery(DirectoryQuery.By.GROUP, "Sales"));
    assertBadRequest(api().get(SEARCH + "?by=filter&q=uid%3Dx"), "q");
    assertBadRequest(api().get(SEARCH + "?by=phone&q=x"), "by");
    assertBadRequest(api().get(SEARCH), "q");
    assertProblem(api().get("/api/v1/profiles/" + java.util.UUID.randomUUID() + "/directory?q=a"), 404);
  }

  @Test
  void loginAnswersAcceptedOrRefusedWithoutEchoingThePassword() {
    Reply ok = api().post("/api/v1/auth/login", "{\"login\":\"ann\",\"password\":\"s3cret\"}");
    Reply wrong = api().post("/api/v1/auth/login", "{\"login\":\"ann\",\"password\":\"nope\"}");

    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.map()).containsEntry("accepted", true).containsEntry("userId", FakeDirectory.ANN.toString());
    assertThat(wrong.map()).containsEntry("accepted", false)
        .containsEntry("reason", "unknown user or wrong password");
    assertThat(wrong.body()).doesNotContain("nope");
  }

  @Test
  void loginErrors() {
    assertBadRequest(api().post("/api/v1/auth/login", "{\"password\":\"x\"}"), "login");
    assertBadRequest(api().post("/api/v1/auth/login", "{\"login\":\"ann\"}"), "password");
    java.util.Map<String, Object> down =
        assertProblem(api().post("/api/v1/auth/login", "{\"login\":\"down\",\"password\":\"x\"}"), 503);
    assertThat((String) down.get("detail")).contains("connection refused");
    assertProblem(api().anonymous().post("/api/v1/auth/login", "{\"login\":\"ann\",\"password\":\"s3cret\"}"), 401);
  }
}
