package org.roster.connector.ldap;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.RDN;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.roster.connector.api.InvalidSettingsException;
import org.roster.connector.api.RawSettings;

/**
 * Which entries a profile reads: subtrees and filters.
 *
 * @param baseDn the directory part of the profile (setting {@code baseDn}, required)
 * @param userBases the subtrees users are read from ({@code userBaseDns}, else the {@code ous}
 *     under the base DN, else the base DN)
 * @param groupBases the subtrees groups are read from ({@code groupBaseDns}, else as users)
 * @param usersFilter the admin's users filter ({@code usersFilter}, flavour default)
 * @param groupsFilter the groups filter ({@code groupsFilter}, flavour default)
 * @param groupMembersFilter a group's users as a filter with the Creatio macro, when set
 * @param includeRules filters every user must match ({@code includeRules})
 * @param excludeRules filters no user may match ({@code excludeRules})
 */
public record Scope(
    DN baseDn,
    List<DN> userBases,
    List<DN> groupBases,
    Filter usersFilter,
    Filter groupsFilter,
    Optional<GroupMembersFilter> groupMembersFilter,
    List<Filter> includeRules,
    List<Filter> excludeRules) {

  public Scope {
    Objects.requireNonNull(baseDn, "'baseDn' must not be null");
    userBases = List.copyOf(userBases);
    groupBases = List.copyOf(groupBases);
    Objects.requireNonNull(usersFilter, "'usersFilter' must not be null");
    Objects.requireNonNull(groupsFilter, "'groupsFilter' must not be null");
    Objects.requireNonNull(groupMembersFilter, "'groupMembersFilter' must not be null");
    includeRules = List.copyOf(includeRules);
    excludeRules = List.copyOf(excludeRules);
  }

  static Scope from(RawSettings raw, Flavour flavour) {
    DN base = dn(raw.string(LdapSettings.BASE_DN), LdapSettings.BASE_DN);
    List<DN> ous = new ArrayList<>();
    List<String> ouNames = raw.stringList(LdapSettings.OUS);
    for (int i = 0; i < ouNames.size(); i++) {
      ous.add(ou(ouNames.get(i), base, LdapSettings.OUS + "[" + i + "]"));
    }
    requireDisjoint(ous, LdapSettings.OUS); // an entry under two listed OUs would be read twice
    List<DN> defaults = ous.isEmpty() ? List.of(base) : ous;
    List<DN> users = bases(raw, LdapSettings.USER_BASE_DNS, defaults);
    List<DN> groups = bases(raw, LdapSettings.GROUP_BASE_DNS, defaults);
    Filter usersFilter =
        Filters.parse(
            raw.string(LdapSettings.USERS_FILTER, flavour.defaultUsersFilter()),
            LdapSettings.USERS_FILTER);
    Filter groupsFilter =
        Filters.parse(
            raw.string(LdapSettings.GROUPS_FILTER, flavour.defaultGroupsFilter()),
            LdapSettings.GROUPS_FILTER);
    Optional<GroupMembersFilter> members =
        raw.optionalString(LdapSettings.GROUP_MEMBERS_FILTER).map(GroupMembersFilter::parse);
    return new Scope(
        base,
        users,
        groups,
        usersFilter,
        groupsFilter,
        members,
        rules(raw, LdapSettings.INCLUDE_RULES),
        rules(raw, LdapSettings.EXCLUDE_RULES));
  }

  /** The users filter with every inclusion rule ANDed and every exclusion rule NOTed in. */
  Filter users() {
    List<Filter> parts = new ArrayList<>();
    parts.add(usersFilter);
    parts.addAll(includeRules);
    excludeRules.forEach(f -> parts.add(Filter.createNOTFilter(f)));
    return Filters.and(parts);
  }

  /** Every distinct subtree the profile reads, users' first. */
  List<DN> allBases() {
    List<DN> all = new ArrayList<>(userBases);
    groupBases.stream().filter(b -> !all.contains(b)).forEach(all::add);
    return all;
  }

  private static List<DN> bases(RawSettings raw, String key, List<DN> defaults) {
    List<String> values = raw.stringList(key);
    if (values.isEmpty()) {
      return defaults;
    }
    List<DN> bases = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      bases.add(dn(values.get(i), key + "[" + i + "]"));
    }
    requireDisjoint(bases, key);
    return bases;
  }

  /** Subtrees listed under one setting must not contain each other. */
  private static void requireDisjoint(List<DN> dns, String key) {
    for (int i = 0; i < dns.size(); i++) {
      for (int j = 0; j < i; j++) {
        if (dns.get(i).isDescendantOf(dns.get(j), true) || dns.get(j).isDescendantOf(dns.get(i), true)) {
          throw new InvalidSettingsException(
              key + "[" + i + "]", "overlaps " + key + "[" + j + "]; list each subtree once");
        }
      }
    }
  }

  /**
   * An OU as a DN under the base, a relative DN ({@code OU=Sales}) or a bare name ({@code Sales}).
   */
  private static DN ou(String value, DN base, String field) {
    String v = value.strip();
    if (!v.contains("=")) {
      return new DN(new RDN("OU", v), base);
    }
    DN dn = dn(v, field);
    return dn.isDescendantOf(base, true) ? dn : dn(v + "," + base, field);
  }

  private static List<Filter> rules(RawSettings raw, String key) {
    List<String> values = raw.stringList(key);
    List<Filter> filters = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      filters.add(Filters.parse(values.get(i), key + "[" + i + "]"));
    }
    return filters;
  }

  static DN dn(String value, String field) {
    try {
      DN dn = new DN(value.strip());
      if (dn.isNullDN()) {
        throw new InvalidSettingsException(field, "must not be empty");
      }
      return dn;
    } catch (LDAPException e) {
      throw new InvalidSettingsException(field, "is not a valid DN: '" + value + "'");
    }
  }
}
