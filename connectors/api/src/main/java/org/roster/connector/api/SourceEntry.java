package org.roster.connector.api;

/**
 * One entry read from a directory: a user or a group, identified by the source's immutable id
 * (AD {@code objectGUID}, OpenLDAP {@code entryUUID}, Entra object id, Okta id, the CSV match
 * column). Never by DN, login or name: those may change, the external id may not.
 */
public sealed interface SourceEntry permits SourceUser, SourceGroup {

  /** The source's immutable id of this entry; never blank. */
  String externalId();

  /** Where the entry was read, for reports: a DN, a URL, {@code "line 12"}; never blank. */
  String location();

  EntryKind kind();
}
