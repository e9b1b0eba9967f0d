package org.roster.connector.okta;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.roster.connector.api.InvalidSettingsException;
import org.roster.connector.api.RawSettings;
import org.roster.connector.api.Secret;

/**
 * How the connector authenticates to Okta's management API: an API token ({@code SSWS}) or an OAuth
 * 2.0 service app that signs a client assertion with its private key. Secrets print as {@code ***}.
 */
public sealed interface OktaCredentials {

  /** The scopes a service app asks for unless {@code scopes} says otherwise. */
  List<String> DEFAULT_SCOPES = List.of("okta.users.read", "okta.groups.read");

  /**
   * An API token, sent as {@code Authorization: SSWS <token>}; it acts with its admin's roles.
   *
   * @param token the token (secret)
   */
  record ApiToken(Secret token) implements OktaCredentials {
    public ApiToken {
      Objects.requireNonNull(token, "'token' must not be null");
    }
  }

  /**
   * An OAuth 2.0 service app ({@code AuthorizationMode.PRIVATE_KEY}): the SDK signs a JWT with the
   * key and trades it at {@code /oauth2/v1/token} for a bearer token with the scopes.
   *
   * @param clientId the app's client id
   * @param privateKey the PEM key (secret), or empty when {@code privateKeyFile} holds it
   * @param privateKeyFile a PEM file, read when the source first connects
   * @param scopes the scopes asked for
   * @param keyId the key's {@code kid}, needed when the app has several keys
   */
  record ServiceApp(
      String clientId,
      Optional<Secret> privateKey,
      Optional<Path> privateKeyFile,
      Set<String> scopes,
      Optional<String> keyId)
      implements OktaCredentials {
    public ServiceApp {
      Objects.requireNonNull(clientId, "'clientId' must not be null");
      if (privateKey.isPresent() == privateKeyFile.isPresent()) {
        throw new IllegalArgumentException("exactly one of 'privateKey', 'privateKeyFile'");
      }
      scopes = Set.copyOf(scopes);
      Objects.requireNonNull(keyId, "'keyId' must not be null");
    }
  }

  /** Reads {@code apiToken}, or {@code clientId} with {@code privateKey}/{@code privateKeyFile}. */
  static OktaCredentials from(RawSettings raw) {
    Optional<Secret> token = raw.secret(OktaSettings.API_TOKEN);
    Optional<String> clientId = raw.optionalString(OktaSettings.CLIENT_ID).map(String::strip);
    if (token.isPresent() && clientId.isPresent()) {
      throw new InvalidSettingsException(
          OktaSettings.API_TOKEN,
          "give either apiToken (SSWS) or clientId with privateKey (OAuth 2.0 service app), not"
              + " both");
    }
    if (token.isPresent()) {
      for (String serviceAppOnly :
          List.of(
              OktaSettings.PRIVATE_KEY,
              OktaSettings.PRIVATE_KEY_FILE,
              OktaSettings.SCOPES,
              OktaSettings.KEY_ID)) {
        if (raw.has(serviceAppOnly)) {
          throw new InvalidSettingsException(
              serviceAppOnly, "belongs to a service app (clientId), not to an apiToken");
        }
      }
      return new ApiToken(checkedToken(token.get()));
    }
    if (clientId.isPresent()) {
      return serviceApp(raw, clientId.get());
    }
    if (raw.has(OktaSettings.PRIVATE_KEY) || raw.has(OktaSettings.PRIVATE_KEY_FILE)) {
      throw new InvalidSettingsException(
          OktaSettings.CLIENT_ID, "is required with a private key (the service app's client id)");
    }
    throw new InvalidSettingsException(
        OktaSettings.API_TOKEN,
        "is required, or clientId with privateKey for an OAuth 2.0 service app");
  }

  private static Secret checkedToken(Secret token) {
    String value = token.value().strip();
    if (value.regionMatches(true, 0, "SSWS ", 0, 5)) {
      throw new InvalidSettingsException(
          OktaSettings.API_TOKEN, "give the token alone, without the 'SSWS ' prefix");
    }
    if (value.chars().anyMatch(Character::isWhitespace)) {
      throw new InvalidSettingsException(
          OktaSettings.API_TOKEN, "must not contain spaces or line breaks");
    }
    if (value.toLowerCase(Locale.ROOT).contains("{apitoken}")) {
      throw new InvalidSettingsException(
          OktaSettings.API_TOKEN, "is the placeholder {apiToken}; give the real token");
    }
    return new Secret(value);
  }

  private static ServiceApp serviceApp(RawSettings raw, String clientId) {
    if (clientId.chars().anyMatch(Character::isWhitespace)) {
      throw new InvalidSettingsException(OktaSettings.CLIENT_ID, "must not contain spaces");
    }
    if (clientId.toLowerCase(Locale.ROOT).contains("{clientid}")) {
      throw new InvalidSettingsException(
          OktaSettings.CLIENT_ID, "is the placeholder {clientId}; give the app's client id");
    }
    Optional<Secret> key = raw.secret(OktaSettings.PRIVATE_KEY);
    Optional<String> file = raw.optionalString(OktaSettings.PRIVATE_KEY_FILE).map(String::strip);
    if (key.isPresent() && file.isPresent()) {
      throw new InvalidSettingsException(
          OktaSettings.PRIVATE_KEY_FILE, "give privateKey or privateKeyFile, not both");
    }
    if (key.isEmpty() && file.isEmpty()) {
      throw new InvalidSettingsException(
          OktaSettings.PRIVATE_KEY,
          "is required with clientId: the service app's PEM private key (or privateKeyFile)");
    }
    key.ifPresent(k -> PemKeys.check(OktaSettings.PRIVATE_KEY, k.value()));
    Optional<Path> path = file.map(OktaCredentials::path);
    Set<String> scopes = new LinkedHashSet<>();
    List<String> listed = raw.stringList(OktaSettings.SCOPES);
    for (int i = 0; i < listed.size(); i++) {
      String scope = listed.get(i).strip();
      if (scope.isEmpty() || scope.chars().anyMatch(Character::isWhitespace)) {
        throw new InvalidSettingsException(
            OktaSettings.SCOPES + "[" + i + "]", "must be one scope such as okta.users.read");
      }
      scopes.add(scope);
    }
    return new ServiceApp(
        clientId,
        key,
        path,
        scopes.isEmpty() ? Set.copyOf(DEFAULT_SCOPES) : scopes,
        raw.optionalString(OktaSettings.KEY_ID).map(String::strip));
  }

  private static Path path(String file) {
    try {
      return Path.of(file);
    } catch (InvalidPathException e) {
      throw new InvalidSettingsException(
          OktaSettings.PRIVATE_KEY_FILE, "is not a file path: " + e.getReason());
    }
  }
}
