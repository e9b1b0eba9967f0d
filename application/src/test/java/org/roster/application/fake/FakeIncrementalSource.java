package org.roster.application.fake;

import java.util.ArrayList;
import java.util.List;
import org.roster.connector.api.ChangeSink;
import org.roster.connector.api.EntryKind;
import org.roster.connector.api.FullSyncRequiredException;
import org.roster.connector.api.IncrementalSource;
import org.roster.connector.api.SourceUnavailableException;
import org.roster.connector.api.SourceUser;
import org.roster.connector.api.SyncToken;

/** A {@link FakeSource} that also serves changes since a numbered token. */
public final class FakeIncrementalSource implements IncrementalSource {
  public final FakeSource all = new FakeSource();
  /** Changes after the current token: a SourceUser (upsert) or a String (deleted external id). */
  public final List<Object> changes = new ArrayList<>();
  public int version = 1;
  public boolean failChanges;
  public List<String> tokensAsked = new ArrayList<>();
  /** Complete member lists reported for changed groups during readChanges(GROUP). */
  public final java.util.Map<String, java.util.Set<String>> groupMembers = new java.util.HashMap<>();
  public final List<String> reread = new ArrayList<>();

  @Override
  public SyncToken currentToken() {
    return new SyncToken("v" + version);
  }

  @Override
  public SyncToken readChanges(EntryKind kind, SyncToken since, ChangeSink sink) {
    tokensAsked.add(since.value());
    if (since.value().equals("expired")) {
      throw new FullSyncRequiredException("token expired");
    }
    if (kind == EntryKind.GROUP) {
      groupMembers.forEach(sink::members);
    }
    if (kind == EntryKind.USER) {
      if (failChanges) {
        throw new SourceUnavailableException("server went away");
      }
      for (Object c : changes) {
        if (c instanceof SourceUser u) {
          sink.accept(u);
        } else {
          sink.deleted(EntryKind.USER, (String) c);
        }
      }
    }
    return new SyncToken("v" + (version + 1));
  }

  @Override
  public void readUsers(java.util.Collection<String> externalIds, org.roster.connector.api.EntrySink sink) {
    reread.addAll(externalIds);
    all.users.stream().filter(o -> o instanceof SourceUser u && externalIds.contains(u.externalId()))
        .forEach(o -> sink.accept((SourceUser) o));
  }

  @Override
  public void testConnection() {}

  @Override
  public void readAll(EntryKind kind, org.roster.connector.api.EntrySink sink) {
    all.readAll(kind, sink);
  }

  @Override
  public void close() {}
}
