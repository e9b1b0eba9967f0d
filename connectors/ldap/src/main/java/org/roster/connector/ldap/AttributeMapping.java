package org.roster.connector.ldap;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.roster.connector.api.InvalidSettingsException;
import org.roster.connector.api.RawSettings;
import org.roster.connector.api.UserFields;

/**
 * Which directory attribute feeds which Roster field (setting {@code mapping}, an object from field
 * to attribute over the flavour's defaults).
 *
 * @param id the immutable id ({@code objectGUID}, {@code entryUUID}); required on every entry
 * @param login the login ({@code sAMAccountName}, {@code uid}); required on every user
 * @param changed the modification timestamp the OpenLDAP incremental read filters on
 * @param groupName the group's name ({@code cn})
 * @param fields {@link UserFields} names to attribute names; a field absent here is not mapped
 */
public record AttributeMapping(
    String id, String login, String changed, String groupName, Map<String, String> fields) {

  /** Mapping keys besides the {@link UserFields}. */
  public static final String ID = "id";

  public static final String LOGIN = "login";
  public static final String CHANGED = "changed";
  public static final String GROUP_NAME = "groupName";

  private static final Pattern ATTRIBUTE =
      Pattern.compile("[A-Za-z][A-Za-z0-9-]*|[0-9]+(\\.[0-9]+)+");

  public AttributeMapping {
    Objects.requireNonNull(id, "'id' must not be null");
    Objects.requireNonNull(login, "'login' must not be null");
    Objects.requireNonNull(changed, "'changed' must not be null");
    Objects.requireNonNull(groupName, "'groupName' must not be null");
    fields = Map.copyOf(fields);
  }

  /** The flavour's defaults overridden by the {@code mapping} setting; a blank value unmaps. */
  static AttributeMapping from(RawSettings raw, AttributeMapping defaults) {
    Map<String, String> overrides = raw.stringMap(LdapSettings.MAPPING);
    Map<String, String> fields = new LinkedHashMap<>(defaults.fields());
    String id = defaults.id();
    String login = defaults.login();
    String changed = defaults.changed();
    String groupName = defaults.groupName();
    for (Map.Entry<String, String> e : overrides.entrySet()) {
      String key = e.getKey();
      String field = LdapSettings.MAPPING + "." + key;
      String value = e.getValue().strip();
      if (!value.isEmpty() && !ATTRIBUTE.matcher(value).matches()) {
        throw new InvalidSettingsException(field, "'" + value + "' is not an attribute name");
      }
      boolean required = key.equals(ID) || key.equals(LOGIN) || key.equals(GROUP_NAME);
      if (value.isEmpty() && required) {
        throw new InvalidSettingsException(field, "is required and must not be blank");
      }
      switch (key) {
        case ID -> id = value;
        case LOGIN -> login = value;
        case CHANGED -> changed = value.isEmpty() ? defaults.changed() : value;
        case GROUP_NAME -> groupName = value;
        default -> {
          if (!UserFields.ALL.contains(key)) {
            throw new InvalidSettingsException(
                field,
                "is not a field; use id, login, changed, groupName or one of " + UserFields.ALL);
          }
          if (value.isEmpty()) {
            fields.remove(key);
          } else {
            fields.put(key, value);
          }
        }
      }
    }
    return new AttributeMapping(id, login, changed, groupName, fields);
  }

  /** True when the id attribute holds AD's binary GUID rather than a string. */
  boolean binaryGuidId() {
    return ObjectGuid.ATTRIBUTE.equalsIgnoreCase(id);
  }

  /** The attributes a user read asks for (id, login and every mapped field). */
  Set<String> userAttributes() {
    Set<String> attributes = new LinkedHashSet<>();
    attributes.add(id);
    attributes.add(login);
    attributes.addAll(fields.values());
    return attributes;
  }
}
