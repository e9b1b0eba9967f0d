package org.roster.connector.ldap;

import java.util.Locale;
import java.util.Map;
import org.roster.connector.api.InvalidSettingsException;
import org.roster.connector.api.UserFields;

/**
 * The kind of directory behind a profile (setting {@code flavour}): it decides the default filters,
 * the attribute mapping, how disabled accounts and changes are recognised.
 */
public enum Flavour {
  /** Microsoft Active Directory, or Samba's AD DC. */
  ACTIVE_DIRECTORY(
      "activeDirectory",
      "(&(objectCategory=person)(objectClass=user))",
      "(objectClass=group)",
      new AttributeMapping(
          "objectGUID",
          "sAMAccountName",
          "whenChanged",
          "cn",
          Map.of(
              UserFields.DISPLAY_NAME, "displayName",
              UserFields.EMAIL, "mail",
              UserFields.PHONE, "telephoneNumber",
              UserFields.TITLE, "title",
              UserFields.COMPANY, "company",
              UserFields.GIVEN_NAME, "givenName",
              UserFields.FAMILY_NAME, "sn",
              UserFields.DEPARTMENT, "department"))),
  /** OpenLDAP (slapd) and other RFC 4519 / inetOrgPerson directories. */
  OPENLDAP(
      "openldap",
      "(objectClass=inetOrgPerson)",
      "(|(objectClass=groupOfNames)(objectClass=groupOfUniqueNames))",
      new AttributeMapping(
          "entryUUID",
          "uid",
          "modifyTimestamp",
          "cn",
          Map.of(
              UserFields.DISPLAY_NAME, "cn",
              UserFields.EMAIL, "mail",
              UserFields.PHONE, "telephoneNumber",
              UserFields.TITLE, "title",
              UserFields.COMPANY, "o",
              UserFields.GIVEN_NAME, "givenName",
              UserFields.FAMILY_NAME, "sn",
              UserFields.DEPARTMENT, "ou")));

  private final String settingValue;
  private final String defaultUsersFilter;
  private final String defaultGroupsFilter;
  private final AttributeMapping defaultMapping;

  Flavour(
      String settingValue,
      String defaultUsersFilter,
      String defaultGroupsFilter,
      AttributeMapping defaultMapping) {
    this.settingValue = settingValue;
    this.defaultUsersFilter = defaultUsersFilter;
    this.defaultGroupsFilter = defaultGroupsFilter;
    this.defaultMapping = defaultMapping;
  }

  /**
   * Reads the {@code flavour} setting: {@code activeDirectory} (or {@code ad}) or {@code openldap}.
   */
  static Flavour parse(String value) {
    String v = value.strip().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    return switch (v) {
      case "activedirectory", "ad", "samba" -> ACTIVE_DIRECTORY;
      case "openldap", "ldap" -> OPENLDAP;
      default ->
          throw new InvalidSettingsException(
              LdapSettings.FLAVOUR, "must be activeDirectory or openldap, not '" + value + "'");
    };
  }

  /** The value as the admin writes it. */
  public String settingValue() {
    return settingValue;
  }

  String defaultUsersFilter() {
    return defaultUsersFilter;
  }

  String defaultGroupsFilter() {
    return defaultGroupsFilter;
  }

  AttributeMapping defaultMapping() {
    return defaultMapping;
  }
}
