package org.roster.connector.ldap;

import com.unboundid.ldap.sdk.Filter;
import org.roster.connector.api.InvalidSettingsException;

/**
 * The users of one group as a filter (setting {@code groupMembersFilter}), in Creatio's form: the
 * macro {@value #MACRO} stands for the group's DN, escaped for a filter value, as in {@code
 * (&(objectClass=user)(memberOf=[#LDAPGroupDN#]))}.
 *
 * @param template the filter text with the macro
 */
public record GroupMembersFilter(String template) {
  /** The macro replaced by the group's DN. */
  public static final String MACRO = "[#LDAPGroupDN#]";

  /** A valid template; the macro must occur. */
  static GroupMembersFilter parse(String text) {
    String field = LdapSettings.GROUP_MEMBERS_FILTER;
    if (!text.contains(MACRO)) {
      throw new InvalidSettingsException(field, "must contain the macro " + MACRO);
    }
    GroupMembersFilter filter = new GroupMembersFilter(text.strip());
    String sample = text.replace(MACRO, Filter.encodeValue("CN=Sample (1),OU=A\\,B,DC=example"));
    Filters.parse(sample, field);
    return filter;
  }

  /** The filter for one group, its DN escaped with {@link Filter#encodeValue(String)}. */
  Filter forGroup(String groupDn) {
    return Filters.parse(
        template.replace(MACRO, Filter.encodeValue(groupDn)), LdapSettings.GROUP_MEMBERS_FILTER);
  }
}
