package org.roster.web;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.roster.web.fake.InMemoryAdmins;

/** Sends requests as one admin (or anonymously) and returns any status as a {@link Reply}. */
public final class ApiClient {
  private final HttpClient client;
  private final JsonMapper json;
  private final String login;
  private final String password;
  private final String bearer;

  ApiClient(HttpClient client, JsonMapper json, String login, String password) {
    this(client, json, login, password, null);
  }

  private ApiClient(HttpClient client, JsonMapper json, String login, String password,
      String bearer) {
    this.client = client;
    this.json = json;
    this.login = login;
    this.password = password;
    this.bearer = bearer;
  }

  /** Sends {@code Authorization: Bearer <token>}. */
  public ApiClient withToken(String token) {
    return new ApiClient(client, json, null, null, token);
  }

  public ApiClient as(String admin) {
    return new ApiClient(client, json, admin, InMemoryAdmins.passwordOf(admin));
  }

  public ApiClient withPassword(String admin, String wrongPassword) {
    return new ApiClient(client, json, admin, wrongPassword);
  }

  public ApiClient anonymous() {
    return new ApiClient(client, json, null, null);
  }

  public Reply get(String uri) {
    return send(HttpRequest.GET(uri));
  }

  public Reply delete(String uri) {
    return send(HttpRequest.DELETE(uri));
  }

  /** POSTs {@code body} (a JSON string, or null for no body). */
  public Reply post(String uri, String body) {
    return send(body == null ? HttpRequest.POST(uri, "") : json(HttpRequest.POST(uri, body)));
  }

  public Reply put(String uri, String body) {
    return send(json(HttpRequest.PUT(uri, body)));
  }

  public Reply send(MutableHttpRequest<?> request) {
    if (login != null) {
      request.basicAuth(login, password);
    }
    if (bearer != null) {
      request.bearerAuth(bearer);
    }
    HttpResponse<String> response;
    try {
      response = client.toBlocking().exchange(request, String.class);
    } catch (HttpClientResponseException e) {
      @SuppressWarnings("unchecked")
      HttpResponse<String> failed = (HttpResponse<String>) e.getResponse();
      return new Reply(failed.code(), failed, failed.getBody(String.class).orElse(""), json);
    }
    return new Reply(response.code(), response, response.getBody().orElse(""), json);
  }

  private static MutableHttpRequest<String> json(MutableHttpRequest<String> request) {
    return request
        .contentType(MediaType.APPLICATION_JSON_TYPE)
        .accept(MediaType.APPLICATION_JSON_TYPE);
  }

  /** A response of any status with its body as text, and as JSON on demand. */
  public record Reply(int status, HttpResponse<?> response, String body, JsonMapper json) {
    public String header(String name) {
      return response.getHeaders().get(name);
    }

    public String contentType() {
      return header("Content-Type");
    }

    public Map<String, Object> map() {
      try {
        return json.readValue(body, Argument.mapOf(String.class, Object.class));
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> items() {
      return (List<Map<String, Object>>) map().get("items");
    }

    /** A nested object of the JSON body. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> object(String key) {
      return (Map<String, Object>) map().get(key);
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }
}
