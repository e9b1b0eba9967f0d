package org.roster.connector.ldap;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.roster.connector.api.ChangeSink;
import org.roster.connector.api.EntryKind;
import org.roster.connector.api.RejectedEntry;
import org.roster.connector.api.SourceEntry;
import org.roster.connector.testkit.RecordingSink;

/** A {@link RecordingSink} that also records the members reported for changed groups. */
final class MembersSink implements ChangeSink {
  final RecordingSink recorded = new RecordingSink();

  /** Group external id to the reported user ids, in the order reported. */
  final Map<String, Set<String>> members = new LinkedHashMap<>();

  @Override
  public boolean accept(SourceEntry entry) {
    return recorded.accept(entry);
  }

  @Override
  public boolean reject(RejectedEntry rejected) {
    return recorded.reject(rejected);
  }

  @Override
  public boolean deleted(EntryKind kind, String externalId) {
    return recorded.deleted(kind, externalId);
  }

  @Override
  public boolean members(String groupExternalId, Set<String> userExternalIds) {
    if (members.put(groupExternalId, userExternalIds) != null) {
      throw new AssertionError("members of " + groupExternalId + " reported twice");
    }
    return true;
  }
}
