package org.roster.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Inject;
import java.util.Map;
import org.roster.web.ApiClient.Reply;
import org.roster.web.fake.InMemoryAdmins;

/** Gives each API test a client that speaks as an admin, and problem+json checks. */
public abstract class ApiTestSupport {
  @Inject
  @Client("/")
  HttpClient http;

  @Inject JsonMapper json;

  /** A client for the SYSADMIN; {@code api().as(...)} for others. */
  protected ApiClient api() {
    return new ApiClient(
        http, json, InMemoryAdmins.SYS, InMemoryAdmins.passwordOf(InMemoryAdmins.SYS));
  }

  /** Asserts an RFC 9457 problem with this status, returning its fields. */
  protected static Map<String, Object> assertProblem(Reply reply, int status) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    Map<String, Object> problem = reply.map();
    assertThat(problem)
        .containsEntry("type", "about:blank")
        .containsEntry("status", status)
        .containsKeys("title", "detail");
    assertThat((String) problem.get("detail")).isNotBlank();
    return problem;
  }

  /** Asserts a 400 problem naming {@code field}, returning its detail. */
  protected static String assertBadRequest(Reply reply, String field) {
    Map<String, Object> problem = assertProblem(reply, 400);
    assertThat(problem).as(reply.toString()).containsEntry("field", field);
    return (String) problem.get("detail");
  }
}
