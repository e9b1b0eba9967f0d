package org.roster.connector.ldap;

import com.unboundid.ldap.sdk.Filter;
import java.util.Optional;

/** The filter that finds an entry by its immutable id, as the mapping reads it. */
final class IdFilter {
  private static final String GUID = "(?i)[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}";

  private IdFilter() {}

  /**
   * {@code (objectGUID=\xx...)} with AD's byte order, or {@code (<id attribute>=<id>)} (OpenLDAP's
   * {@code entryUUID}); empty for an id that cannot be a GUID where ids are objectGUIDs.
   */
  static Optional<Filter> of(LdapSettings settings, String externalId) {
    if (!settings.mapping().binaryGuidId()) {
      return Optional.of(Filter.createEqualityFilter(settings.mapping().id(), externalId));
    }
    if (externalId == null || !externalId.matches(GUID)) {
      return Optional.empty();
    }
    return Optional.of(
        Filter.createEqualityFilter(ObjectGuid.ATTRIBUTE, ObjectGuid.parse(externalId)));
  }
}
