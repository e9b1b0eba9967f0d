package org.roster.connector.okta;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.roster.connector.api.ChangeSink;
import org.roster.connector.api.EntryKind;
import org.roster.connector.api.RejectedEntry;
import org.roster.connector.api.SourceEntry;
import org.roster.connector.testkit.RecordingSink;

/** A recording sink that also keeps the member lists a group increment reports. */
final class MembersSink implements ChangeSink {
  private final RecordingSink recording = new RecordingSink();
  private final Map<String, Set<String>> members = new LinkedHashMap<>();

  /** What the sink took besides member lists. */
  RecordingSink recording() {
    return recording;
  }

  /** The member lists reported, by group id. */
  Map<String, Set<String>> members() {
    return members;
  }

  @Override
  public boolean accept(SourceEntry entry) {
    return recording.accept(entry);
  }

  @Override
  public boolean reject(RejectedEntry rejected) {
    return recording.reject(rejected);
  }

  @Override
  public boolean deleted(EntryKind kind, String externalId) {
    return recording.deleted(kind, externalId);
  }

  @Override
  public boolean members(String groupExternalId, Set<String> userExternalIds) {
    members.put(groupExternalId, Set.copyOf(userExternalIds));
    return true;
  }
}
