package org.roster.connector.okta;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.roster.connector.api.InvalidSettingsException;
import org.roster.connector.api.RawSettings;
import org.roster.connector.api.UserFields;

/**
 * Which Okta profile property feeds which Roster field (setting {@code mapping}: an object from
 * {@code login} or a {@link UserFields} name to a property name, over the defaults). A value may
 * name alternatives, {@code "mobilePhone|primaryPhone"}: the first that is not empty wins. A blank
 * value unmaps a field. An empty display name falls back to the given and family names.
 *
 * @param login the properties the login comes from; required on every user
 * @param fields {@link UserFields} names to their properties, in display order
 */
public record ProfileMapping(List<String> login, Map<String, List<String>> fields) {

  /** The mapping key of the login. */
  public static final String LOGIN = "login";

  private static final Pattern PROPERTY = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

  /** Okta's base profile: login, email, firstName, lastName, ... organization, mobilePhone. */
  static final ProfileMapping DEFAULT =
      new ProfileMapping(
          List.of("login"),
          ordered(
              Map.of(
                  UserFields.EMAIL, List.of("email"),
                  UserFields.GIVEN_NAME, List.of("firstName"),
                  UserFields.FAMILY_NAME, List.of("lastName"),
                  UserFields.DISPLAY_NAME, List.of("displayName"),
                  UserFields.TITLE, List.of("title"),
                  UserFields.DEPARTMENT, List.of("department"),
                  UserFields.COMPANY, List.of("organization"),
                  UserFields.PHONE, List.of("mobilePhone", "primaryPhone"))));

  public ProfileMapping {
    login = List.copyOf(login);
    if (login.isEmpty()) {
      throw new IllegalArgumentException("'login' must name a property");
    }
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /** The defaults overridden by the {@code mapping} setting. */
  static ProfileMapping from(RawSettings raw) {
    List<String> login = DEFAULT.login();
    Map<String, List<String>> fields = new LinkedHashMap<>(DEFAULT.fields());
    for (Map.Entry<String, String> e : raw.stringMap(OktaSettings.MAPPING).entrySet()) {
      String key = e.getKey();
      String setting = OktaSettings.MAPPING + "." + key;
      List<String> properties = properties(setting, e.getValue());
      if (key.equals(LOGIN)) {
        if (properties.isEmpty()) {
          throw new InvalidSettingsException(setting, "is required and must not be blank");
        }
        login = properties;
      } else if (!UserFields.ALL.contains(key)) {
        throw new InvalidSettingsException(
            setting, "is not a field; use login or one of " + UserFields.ALL);
      } else if (properties.isEmpty()) {
        fields.remove(key);
      } else {
        fields.put(key, properties);
      }
    }
    return new ProfileMapping(login, ordered(fields));
  }

  private static List<String> properties(String setting, String value) {
    if (value.isBlank()) {
      return List.of();
    }
    List<String> properties = Arrays.stream(value.split("\\|", -1)).map(String::strip).toList();
    for (String p : properties) {
      if (!PROPERTY.matcher(p).matches()) {
        throw new InvalidSettingsException(
            setting,
            "'"
                + p
                + "' is not an Okta profile property name (letters, digits, _; alternatives"
                + " separated by |)");
      }
    }
    return properties;
  }

  private static Map<String, List<String>> ordered(Map<String, List<String>> fields) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    UserFields.ALL.stream().filter(fields::containsKey).forEach(f -> out.put(f, fields.get(f)));
    return out;
  }
}
