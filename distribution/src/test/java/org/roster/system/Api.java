package org.roster.system;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** A plain HTTP client of the admin API, speaking as one admin with HTTP Basic. */
final class Api {
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;
  private final String authorization;
  private final JsonMapper json;

  Api(URI base, String login, String password, JsonMapper json) {
    this.base = base;
    this.authorization = "Basic " + Base64.getEncoder()
        .encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
    this.json = json;
  }

  Reply get(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET());
  }

  Reply post(String path, Object body) {
    return send(HttpRequest.newBuilder(base.resolve(path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(write(body))));
  }

  Reply put(String path, Object body) {
    return send(HttpRequest.newBuilder(base.resolve(path))
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(write(body))));
  }

  Reply delete(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).DELETE());
  }

  private Reply send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> r = http.send(
          request.header("Authorization", authorization).timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Reply(r.request().method() + " " + r.uri(), r.statusCode(),
          r.headers().firstValue("Content-Type").orElse(""), r.body(), json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String write(Object body) {
    try {
      return json.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An answer: status, content type and body, with JSON accessors. */
  record Reply(String request, int status, String contentType, String body, JsonMapper json) {

    Map<String, Object> map() {
      try {
        return json.readValue(body, Argument.mapOf(String.class, Object.class));
      } catch (IOException e) {
        throw new UncheckedIOException("not a JSON object: " + this, e);
      }
    }

    /** The {@code items} of a page. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> items() {
      return (List<Map<String, Object>>) map().get("items");
    }

    /** Asserts the status, for a readable failure. */
    Reply expect(int expected) {
      if (status != expected) {
        throw new AssertionError(request + ": expected " + expected + " but got " + status + ": " + body);
      }
      return this;
    }

    @Override
    public String toString() {
      return request + " -> " + status + " " + body;
    }
  }
}
