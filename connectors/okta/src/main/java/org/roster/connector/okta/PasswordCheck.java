package org.roster.connector.okta;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.okta.sdk.resource.model.UserGetSingleton;
import com.okta.sdk.resource.model.UserStatus;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.roster.connector.api.PasswordVerifier.Verdict;
import org.roster.connector.api.Secret;
import org.roster.connector.api.SourceDataException;
import org.roster.connector.api.SourceUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a user's password with Okta's authentication API ({@code POST /api/v1/authn}, primary
 * authentication; the SDK has no client for it), after making sure the login typed is the login of
 * the user with that id ({@code GET /api/v1/users/{id}}): a user gone or DEPROVISIONED is
 * NOT_FOUND; SUSPENDED, STAGED or LOCKED_OUT is REJECTED without asking. The answer's status
 * decides, see <a href="https://developer.okta.com/docs/reference/api/authn/#transaction-state">the
 * transaction states</a>: SUCCESS and PASSWORD_WARN, and the MFA states (the password was right;
 * the second factor is Okta's sign-in policy, which an application asking Roster applies its own
 * way, as with an LDAP bind) are ACCEPTED; PASSWORD_EXPIRED is REJECTED (Okta lets nobody in with
 * an expired password before it is changed, and Roster cannot change it), as are LOCKED_OUT, a 401
 * (E0000004) and any other answer. The request carries no API token (it would make Roster a
 * "trusted application" acting for the user). The password is never logged.
 */
final class PasswordCheck {
  private static final Logger LOG = LoggerFactory.getLogger(PasswordCheck.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> PASSWORD_RIGHT =
      Set.of("SUCCESS", "PASSWORD_WARN", "MFA_REQUIRED", "MFA_ENROLL", "MFA_CHALLENGE");

  private final Session session;

  PasswordCheck(Session session) {
    this.session = session;
  }

  Verdict verify(String externalId, String login, Secret password) {
    String path = UserMapper.location(externalId);
    Optional<UserGetSingleton> found =
        session.find(
            "read user", "GET " + path, () -> session.users().getUser(externalId, null, null));
    if (found.isEmpty()) {
      return Verdict.NOT_FOUND;
    }
    UserGetSingleton user = found.get();
    UserStatus status = user.getStatus();
    if (UserStatuses.deleted(status)) {
      return Verdict.NOT_FOUND;
    }
    if (status == UserStatus.SUSPENDED
        || status == UserStatus.STAGED
        || status == UserStatus.LOCKED_OUT) {
      LOG.info("Okta user {} is {}: password not checked", externalId, status);
      return Verdict.REJECTED;
    }
    String actual = user.getProfile() == null ? null : user.getProfile().getLogin();
    if (actual == null || !actual.equalsIgnoreCase(login.strip())) {
      LOG.info("The login typed is not the Okta login of user {}", externalId);
      return Verdict.REJECTED;
    }
    return authenticate(externalId, login.strip(), password);
  }

  private Verdict authenticate(String externalId, String login, Secret password) {
    HttpResponse<String> response = post(login, password);
    int code = response.statusCode();
    if (code == 401) {
      return Verdict.REJECTED;
    }
    if (code == 429 || code >= 500) {
      throw new SourceUnavailableException(
          "authn: Okta answered "
              + code
              + " "
              + OktaFailures.describeBody(response.body())
              + " to POST /api/v1/authn");
    }
    if (code != 200) {
      LOG.warn(
          "authn: Okta answered {} {} for user {}: refused",
          code,
          OktaFailures.describeBody(response.body()),
          externalId);
      return Verdict.REJECTED;
    }
    JsonNode body;
    try {
      body = JSON.readTree(response.body());
    } catch (JsonProcessingException e) {
      throw new SourceDataException(
          "authn: Okta's answer to POST /api/v1/authn is not the JSON expected", e);
    }
    String status = body.path("status").asText("").toUpperCase(Locale.ROOT);
    String userId = body.path("_embedded").path("user").path("id").asText("");
    if (!userId.isEmpty() && !userId.equals(externalId)) {
      LOG.warn("authn: the login of user {} authenticated user {}: refused", externalId, userId);
      return Verdict.REJECTED;
    }
    if (PASSWORD_RIGHT.contains(status)) {
      return Verdict.ACCEPTED;
    }
    LOG.info("authn: Okta answered status {} for user {}: refused", status, externalId);
    return Verdict.REJECTED;
  }

  private HttpResponse<String> post(String login, Secret password) {
    ObjectNode body = JSON.createObjectNode();
    body.put("username", login);
    body.put("password", password.value());
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(session.settings().orgUrl() + "/api/v1/authn"))
            .timeout(session.settings().readTimeout())
            .header("Accept", "application/json")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build();
    HttpClient client =
        HttpClient.newBuilder()
            .connectTimeout(session.settings().connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new SourceUnavailableException(
          "authn: no answer from Okta to POST /api/v1/authn (" + e.getClass().getSimpleName() + ")",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SourceUnavailableException("authn: interrupted while asking Okta", e);
    }
  }
}
