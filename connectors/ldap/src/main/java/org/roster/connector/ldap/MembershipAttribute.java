package org.roster.connector.ldap;

import java.util.Locale;
import org.roster.connector.api.InvalidSettingsException;

/** Where group membership is read (setting {@code membershipAttribute}). */
public enum MembershipAttribute {
  /** The group's {@code member} values (groupOfNames, AD groups); read in bounded ranges on AD. */
  MEMBER("member"),
  /**
   * The group's {@code uniqueMember} values (groupOfUniqueNames), optional {@code #'...'B} UIDs.
   */
  UNIQUE_MEMBER("uniqueMember"),
  /** The member's own {@code memberOf} values (AD, OpenLDAP with the memberof overlay). */
  MEMBER_OF("memberOf");

  private final String attribute;

  MembershipAttribute(String attribute) {
    this.attribute = attribute;
  }

  /** The LDAP attribute name. */
  public String attribute() {
    return attribute;
  }

  /** True when groups list their members (member, uniqueMember). */
  boolean onGroups() {
    return this != MEMBER_OF;
  }

  static MembershipAttribute parse(String value) {
    for (MembershipAttribute m : values()) {
      if (m.attribute.toLowerCase(Locale.ROOT).equals(value.strip().toLowerCase(Locale.ROOT))) {
        return m;
      }
    }
    throw new InvalidSettingsException(
        LdapSettings.MEMBERSHIP_ATTRIBUTE,
        "must be member, uniqueMember or memberOf, not '" + value + "'");
  }
}
