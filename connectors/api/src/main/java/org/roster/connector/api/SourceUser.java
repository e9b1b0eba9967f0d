package org.roster.connector.api;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A user as the source sees it, already mapped to Roster's field names ({@link UserFields}).
 *
 * @param externalId the source's immutable id
 * @param login the login name (unique among the profile's users); a rename changes it
 * @param location where it was read (DN, URL, line); used in reports and, for LDAP, to bind
 * @param enabled false when the source disables the account (AD bit 0x2, status column, ...)
 * @param attributes mapped fields, keyed by {@link UserFields} names; they replace
 *     the user's stored fields as a whole, so a field absent or empty here is cleared
 * @param groupIds external ids of the groups the user is a direct member of
 */
public record SourceUser(
    String externalId,
    String login,
    String location,
    boolean enabled,
    Map<String, String> attributes,
    Set<String> groupIds)
    implements SourceEntry {

  public SourceUser {
    Require.notBlank(externalId, "externalId");
    Require.notBlank(login, "login");
    Require.notBlank(location, "location");
    attributes = Map.copyOf(Objects.requireNonNull(attributes, "'attributes' must not be null"));
    groupIds = Set.copyOf(Objects.requireNonNull(groupIds, "'groupIds' must not be null"));
  }

  @Override
  public EntryKind kind() {
    return EntryKind.USER;
  }

  /** The mapped value of a field, or null when the source does not provide it. */
  public String attribute(String field) {
    return attributes.get(field);
  }
}
