package org.roster.connector.azure;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.roster.connector.api.InvalidSettingsException;
import org.roster.connector.api.RawSettings;
import org.roster.connector.api.UserFields;

/**
 * Which Graph user property feeds the login and each Roster field (setting {@code mapping}, an
 * object from field to property over the defaults). A value may list several properties separated
 * by commas: the first that has a value wins (the default phone is {@code
 * businessPhones,mobilePhone}). A property may be a path into a complex one ({@code
 * onPremisesExtensionAttributes/extensionAttribute1}); of a collection the first value counts.
 *
 * @param login the login's properties; required on every user
 * @param fields {@link UserFields} names to properties; a field absent here is not mapped
 */
public record GraphMapping(List<String> login, Map<String, List<String>> fields) {

  /** The mapping key of the login. */
  public static final String LOGIN = "login";

  private static final Pattern PATH =
      Pattern.compile("[A-Za-z][A-Za-z0-9_]*(/[A-Za-z][A-Za-z0-9_]*)?");

  /** The defaults: Roster field (and login) to Graph properties. */
  static final Map<String, String> DEFAULTS = defaults();

  public GraphMapping {
    login = List.copyOf(login);
    if (login.isEmpty()) {
      throw new IllegalArgumentException("'login' must name a property");
    }
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  private static Map<String, String> defaults() {
    Map<String, String> d = new LinkedHashMap<>();
    d.put(LOGIN, "userPrincipalName");
    d.put(UserFields.EMAIL, "mail");
    d.put(UserFields.GIVEN_NAME, "givenName");
    d.put(UserFields.FAMILY_NAME, "surname");
    d.put(UserFields.DISPLAY_NAME, "displayName");
    d.put(UserFields.TITLE, "jobTitle");
    d.put(UserFields.DEPARTMENT, "department");
    d.put(UserFields.COMPANY, "companyName");
    d.put(UserFields.PHONE, "businessPhones,mobilePhone");
    return Collections.unmodifiableMap(d);
  }

  /** The defaults overridden by the {@code mapping} setting; a blank value unmaps a field. */
  static GraphMapping from(RawSettings raw) {
    Map<String, String> merged = new LinkedHashMap<>(DEFAULTS);
    raw.stringMap(AzureSettings.MAPPING)
        .forEach(
            (key, value) -> {
              String field = AzureSettings.MAPPING + "." + key;
              if (!key.equals(LOGIN) && !UserFields.ALL.contains(key)) {
                throw new InvalidSettingsException(
                    field, "is not a field; use login or one of " + UserFields.ALL);
              }
              if (value.isBlank() && key.equals(LOGIN)) {
                throw new InvalidSettingsException(field, "is required and must not be blank");
              }
              merged.put(key, value);
            });
    Map<String, List<String>> fields = new LinkedHashMap<>();
    merged.forEach(
        (key, value) -> {
          if (!key.equals(LOGIN) && !value.isBlank()) {
            fields.put(key, properties(AzureSettings.MAPPING + "." + key, value));
          }
        });
    return new GraphMapping(
        properties(AzureSettings.MAPPING + "." + LOGIN, merged.get(LOGIN)), fields);
  }

  private static List<String> properties(String key, String value) {
    List<String> paths = Arrays.stream(value.split(",", -1)).map(String::strip).toList();
    for (String path : paths) {
      if (!PATH.matcher(path).matches()) {
        throw new InvalidSettingsException(
            key, "'" + path + "' is not a Graph property (name, or name/subName)");
      }
    }
    return paths;
  }

  /** The top-level properties a user read selects for the mapping. */
  Set<String> properties() {
    Set<String> out = new LinkedHashSet<>();
    login.forEach(p -> out.add(topLevel(p)));
    fields.values().forEach(ps -> ps.forEach(p -> out.add(topLevel(p))));
    return out;
  }

  /** The user's login, if it has one. */
  Optional<String> login(JsonNode user) {
    return value(user, login);
  }

  /** The login's properties for messages: {@code userPrincipalName} or {@code a or b}. */
  String loginProperties() {
    return String.join(" or ", login);
  }

  /** The mapped fields that have a value on the user. */
  Map<String, String> fields(JsonNode user) {
    Map<String, String> out = new LinkedHashMap<>();
    fields.forEach((field, paths) -> value(user, paths).ifPresent(v -> out.put(field, v)));
    return out;
  }

  private static Optional<String> value(JsonNode user, List<String> paths) {
    for (String path : paths) {
      JsonNode node = user;
      for (String segment : path.split("/")) {
        node = node.path(segment);
      }
      Optional<String> found = text(node);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> text(JsonNode node) {
    if (node.isArray()) {
      for (JsonNode element : node) {
        Optional<String> found = text(element);
        if (found.isPresent()) {
          return found;
        }
      }
      return Optional.empty();
    }
    if (node.isValueNode() && !node.isNull()) {
      String text = node.asText().strip();
      return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }
    return Optional.empty();
  }

  private static String topLevel(String path) {
    int slash = path.indexOf('/');
    return slash < 0 ? path : path.substring(0, slash);
  }
}
