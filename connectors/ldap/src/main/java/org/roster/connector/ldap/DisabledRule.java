package org.roster.connector.ldap;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.roster.connector.api.InvalidSettingsException;
import org.roster.connector.api.MalformedEntryException;

/**
 * How a user entry is recognised as disabled (setting {@code disabledRule}, an object with a {@code
 * type}): AD's {@code userAccountControl} bit 0x2 by default for Active Directory, nothing by
 * default for OpenLDAP, which has no standard flag.
 */
public sealed interface DisabledRule {

  /**
   * True when the entry is a disabled account.
   *
   * @throws MalformedEntryException when the entry's value cannot tell (the entry is rejected, not
   *     taken as enabled)
   */
  boolean disabled(Entry entry);

  /** The attributes the rule reads, to ask for them. */
  Set<String> attributes();

  /** Never disabled ({@code type: none}). */
  record Never() implements DisabledRule {
    @Override
    public boolean disabled(Entry entry) {
      return false;
    }

    @Override
    public Set<String> attributes() {
      return Set.of();
    }
  }

  /** AD's {@code userAccountControl} bit 0x2 ({@code type: userAccountControl}). */
  record AccountControl() implements DisabledRule {
    static final String ATTRIBUTE = "userAccountControl";

    @Override
    public boolean disabled(Entry entry) {
      String value = entry.getAttributeValue(ATTRIBUTE);
      try {
        return value != null && AdAccountControl.parse(value).disabled();
      } catch (NumberFormatException e) {
        // neither enabled nor disabled can be trusted: the entry fails alone and stays as it was
        throw new MalformedEntryException(
            ATTRIBUTE + " '" + value + "' is not a number, so whether the account is disabled is unknown");
      }
    }

    @Override
    public Set<String> attributes() {
      return Set.of(ATTRIBUTE);
    }
  }

  /** Disabled when the attribute has any value ({@code type: attributePresent}). */
  record AttributePresent(String attribute) implements DisabledRule {
    @Override
    public boolean disabled(Entry entry) {
      return entry.hasAttribute(attribute);
    }

    @Override
    public Set<String> attributes() {
      return Set.of(attribute);
    }
  }

  /** Disabled when a value equals {@code value}, ignoring case ({@code type: attributeEquals}). */
  record AttributeEquals(String attribute, String value) implements DisabledRule {
    @Override
    public boolean disabled(Entry entry) {
      String[] values = entry.getAttributeValues(attribute);
      if (values == null) {
        return false;
      }
      for (String v : values) {
        if (v.strip().equalsIgnoreCase(value)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public Set<String> attributes() {
      return Set.of(attribute);
    }
  }

  /**
   * Disabled when the entry matches an RFC 4515 filter, evaluated here with UnboundID's {@code
   * Filter.matchesEntry} ({@code type: filter}); extensible matches are not evaluated.
   */
  record MatchesFilter(Filter filter) implements DisabledRule {
    @Override
    public boolean disabled(Entry entry) {
      try {
        return filter.matchesEntry(entry);
      } catch (LDAPException e) {
        throw new MalformedEntryException("the disabled rule's filter " + filter
            + " cannot be evaluated on this entry: " + e.getExceptionMessage());
      }
    }

    @Override
    public Set<String> attributes() {
      return Set.copyOf(Filters.attributesOf(filter));
    }
  }

  /** Reads the setting; the flavour's default applies when it is absent. */
  static DisabledRule from(Map<String, String> setting, Flavour flavour) {
    String key = LdapSettings.DISABLED_RULE;
    if (setting.isEmpty()) {
      return flavour == Flavour.ACTIVE_DIRECTORY ? new AccountControl() : new Never();
    }
    String type = setting.getOrDefault("type", "").strip();
    String attribute = setting.getOrDefault("attribute", "").strip();
    return switch (type.toLowerCase(Locale.ROOT)) {
      case "none" -> new Never();
      case "useraccountcontrol" -> new AccountControl();
      case "attributepresent" -> new AttributePresent(required(attribute, key + ".attribute"));
      case "attributeequals" -> {
        String value = setting.getOrDefault("value", "");
        if (value.isBlank()) {
          throw new InvalidSettingsException(key + ".value", "is required");
        }
        yield new AttributeEquals(required(attribute, key + ".attribute"), value.strip());
      }
      case "filter" ->
          new MatchesFilter(Filters.parse(setting.getOrDefault("filter", ""), key + ".filter"));
      default ->
          throw new InvalidSettingsException(
              key + ".type",
              "must be none, userAccountControl, attributePresent, attributeEquals or filter, not '"
                  + type
                  + "'");
    };
  }

  private static String required(String value, String field) {
    if (value.isBlank()) {
      throw new InvalidSettingsException(field, "is required");
    }
    return value;
  }
}
