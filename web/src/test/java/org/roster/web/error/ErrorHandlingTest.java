package org.roster.web.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roster.application.port.in.SaveProfileCommand;
import org.roster.domain.sync.SyncPolicy;
import org.roster.web.ApiClient.Reply;
import org.roster.web.ApiTestSupport;
import org.roster.web.fake.InMemoryProfiles;

@MicronautTest
class ErrorHandlingTest extends ApiTestSupport {
  @Inject InMemoryProfiles profiles;

  @BeforeEach
  void clear() {
    profiles.clear();
  }

  private Reply create(String json) {
    return api().post("/api/v1/profiles", json);
  }

  @Test
  void malformedJsonIsABadRequest() {
    Map<String, Object> problem = assertProblem(create("{\"name\": \"HR\", \"type\":"), 400);

    assertThat((String) problem.get("detail")).startsWith("The request body is not valid JSON");
  }

  @Test
  void aMissingBodyIsABadRequest() {
    assertProblem(api().post("/api/v1/profiles", null), 400);
  }

  @Test
  void anUnknownFieldIsABadRequestNamingIt() {
    String top =
        create("{\"name\": \"HR\", \"type\": \"csv\", \"colour\": \"red\"}")
            .map()
            .get("detail")
            .toString();

    assertThat(top).isEqualTo("'colour' is not a known property");
    assertBadRequest(
        create("{\"name\": \"HR\", \"type\": \"csv\", \"colour\": \"red\"}"), "colour");
    assertBadRequest(
        create("{\"name\": \"HR\", \"type\": \"csv\", \"policy\": {\"threshold\": {\"pct\": 5}}}"),
        "policy.threshold.pct");
    assertBadRequest(
        api().post("/api/v1/profiles/" + UUID.randomUUID() + "/runs", "{\"mod\": \"full\"}"),
        "mod");
    assertThat(profiles.list()).isEmpty();
  }

  @Test
  void aValueOfTheWrongTypeIsABadRequestNamingTheField() {
    String detail =
        assertBadRequest(
            create("{\"name\": \"HR\", \"type\": \"csv\", \"enabled\": \"maybe\"}"), "enabled");
    assertThat(detail).startsWith("'enabled' must be true or false");

    assertBadRequest(create("{\"name\": 12, \"type\": \"csv\"}"), "name");
    assertBadRequest(create("{\"name\": \"HR\", \"type\": \"csv\", \"settings\": []}"), "settings");
    assertBadRequest(
        create(
            "{\"name\": \"HR\", \"type\": \"csv\", \"policy\": {\"threshold\": {\"percent\":"
                + " \"ten\"}}}"),
        "policy.threshold.percent");
    assertBadRequest(
        create(
            "{\"name\": \"HR\", \"type\": \"csv\", \"policy\": {\"threshold\": {\"absolute\":"
                + " 2.5}}}"),
        "policy.threshold.absolute");
    assertBadRequest(
        create("{\"name\": \"HR\", \"type\": \"csv\", \"policy\": {\"includeRules\": \"(a=b)\"}}"),
        "policy.includeRules");
    assertBadRequest(
        create(
            "{\"name\": \"HR\", \"type\": \"csv\", \"policy\": {\"synchronizedGroups\": [\"Staff\","
                + " null]}}"),
        "policy.synchronizedGroups");
    assertBadRequest(
        api().post("/api/v1/profiles/" + UUID.randomUUID() + "/runs", "{\"mode\": 1}"), "mode");
    assertThat(profiles.list()).isEmpty();
  }

  @Test
  void anOversizedBodyIsRefused() {
    String huge = "{\"name\": \"" + "x".repeat(1_100_000) + "\", \"type\": \"csv\"}";

    Map<String, Object> problem = assertProblem(create(huge), 413);

    assertThat((String) problem.get("detail")).contains("1048576");
    assertThat(profiles.list()).isEmpty();
  }

  @Test
  void anUnexpectedErrorIsAGenericServerErrorWithoutItsCause() {
    UUID id =
        profiles
            .create(
                new SaveProfileCommand(
                    "explode", "csv", Map.of("folder", "/srv"), SyncPolicy.defaults(false), true),
                "test")
            .id();

    Reply failed = api().post("/api/v1/profiles/" + id + "/test", null);

    Map<String, Object> problem = assertProblem(failed, 500);
    assertThat(problem)
        .containsEntry("detail", ProblemResponseProcessor.SERVER_ERROR_DETAIL)
        .doesNotContainKey("field");
    assertThat(failed.body()).doesNotContain("hunter2", "IllegalStateException", "at org.");
  }

  @Test
  void anUnknownPathIsNotFoundAndAWrongMethodIsNotAllowed() {
    assertProblem(api().get("/api/v1/nothing-here"), 404);
    assertProblem(api().put("/api/v1/runs", "{}"), 405);
  }

  @Test
  void badPagingIsABadRequestNamingTheParameter() {
    assertThat(assertBadRequest(api().get("/api/v1/profiles?size=1001"), "size")).contains("1000");
    assertBadRequest(api().get("/api/v1/profiles?size=0"), "size");
    assertBadRequest(api().get("/api/v1/runs?size=lots"), "size");
    assertBadRequest(api().get("/api/v1/users?page=-1"), "page");
  }

  @Test
  void anUnsupportedContentTypeIsAClientError() {
    Reply reply =
        api()
            .send(
                HttpRequest.POST("/api/v1/profiles", "name=HR").contentType(MediaType.TEXT_PLAIN));

    assertThat(reply.status()).isEqualTo(415);
    assertThat(reply.contentType()).startsWith("application/problem+json");
  }
}
