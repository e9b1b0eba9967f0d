package org.roster.connector.okta;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.roster.connector.api.InvalidSettingsException;
import org.roster.connector.api.RawSettings;

/**
 * Which Okta groups a profile reads: the groups listed by id or name (setting {@code groups}), and
 * the groups matching {@code groupsFilter}. With neither, every group of type {@code OKTA_GROUP} or
 * {@code APP_GROUP} (groups imported from AD, LDAP or apps): the built-in {@code Everyone} group
 * holds every user, so reading its members would cost as much as the user read and bind nothing
 * useful; list it by name to have it anyway. A {@code groupsFilter} that does not test {@code type}
 * is limited to those two types the same way.
 *
 * @param ids groups listed by Okta id ({@code 00g} and 17 letters or digits)
 * @param names groups listed by name ({@code profile.name}, exact)
 * @param filter the translated {@code groupsFilter}
 */
public record GroupScope(List<String> ids, List<String> names, Optional<OktaExpression> filter) {

  /** What an Okta group id looks like. */
  static final Pattern GROUP_ID = Pattern.compile("00g[A-Za-z0-9]{17}");

  private static final String ORDINARY_TYPES = "type eq \"OKTA_GROUP\" or type eq \"APP_GROUP\"";

  public GroupScope {
    ids = List.copyOf(ids);
    names = List.copyOf(names);
    Objects.requireNonNull(filter, "'filter' must not be null");
  }

  /** Reads settings {@code groups} and {@code groupsFilter}. */
  static GroupScope from(RawSettings raw) {
    List<String> ids = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<String> listed = raw.stringList(OktaSettings.GROUPS);
    for (int i = 0; i < listed.size(); i++) {
      String entry = listed.get(i).strip();
      if (entry.isEmpty()) {
        throw new InvalidSettingsException(
            OktaSettings.GROUPS + "[" + i + "]", "must be a group's name or id, not blank");
      }
      (GROUP_ID.matcher(entry).matches() ? ids : names).add(entry);
    }
    Optional<OktaExpression> filter =
        raw.optionalString(OktaSettings.GROUPS_FILTER)
            .map(
                f ->
                    OktaExpression.translate(
                        OktaSettings.GROUPS_FILTER, f, OktaExpression.Target.GROUP));
    return new GroupScope(ids, names, filter);
  }

  /** True when groups are listed by id or name. */
  boolean listsGroups() {
    return !ids.isEmpty() || !names.isEmpty();
  }

  /** The Okta search expression that lists the profile's groups. */
  String search() {
    List<String> parts = new ArrayList<>();
    ids.forEach(id -> parts.add("id eq " + OktaExpression.literal(id)));
    names.forEach(name -> parts.add("profile.name eq " + OktaExpression.literal(name)));
    filter.ifPresent(
        f ->
            parts.add(
                f.attributes().contains("type")
                    ? "(" + f.search() + ")"
                    : "(" + f.search() + ") and (" + ORDINARY_TYPES + ")"));
    if (parts.isEmpty()) {
      return ORDINARY_TYPES;
    }
    if (parts.size() == 1) {
      return parts.get(0);
    }
    return String.join(" or ", parts.stream().map(p -> "(" + p + ")").toList());
  }
}
