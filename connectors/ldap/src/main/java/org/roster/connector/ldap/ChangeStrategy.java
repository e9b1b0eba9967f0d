package org.roster.connector.ldap;

import com.unboundid.ldap.sdk.Filter;
import java.util.Optional;
import java.util.Set;
import org.roster.connector.api.ChangeSink;
import org.roster.connector.api.EntryKind;
import org.roster.connector.api.FullSyncRequiredException;
import org.roster.connector.api.SyncToken;

/**
 * How one flavour finds what changed since a token: {@link UsnChangedStrategy}, {@link
 * ModifyTimestampStrategy}. Watermarks are taken once per source, so that the group and the user
 * read of one run return the same token.
 */
interface ChangeStrategy {

  /** A token for "now", taken before a full read; its full run is now. */
  SyncToken currentToken();

  /**
   * The filter part that matches entries changed since the token.
   *
   * @throws FullSyncRequiredException when the token cannot be read against this server
   */
  Filter changedSince(LdapToken since);

  /**
   * DNs of the entries that joined or left one of the profile's groups since the token, where the
   * directory tells exactly (AD DirSync with incremental values); empty when it cannot, and the
   * current members of the changed groups are read instead.
   */
  Optional<Set<String>> membershipChanges(LdapToken since, GroupCatalog catalog);

  /**
   * Reports the entries of one kind deleted since the token.
   *
   * @return false when the sink asked to stop
   */
  boolean readDeletions(EntryKind kind, LdapToken since, ChangeSink sink);

  /** The token to return after reading changes since {@code since}. */
  LdapToken next(LdapToken since);
}
