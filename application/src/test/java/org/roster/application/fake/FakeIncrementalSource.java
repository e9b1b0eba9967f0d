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
  public void testConnection() {}

  @Override
  public void readAll(EntryKind kind, org.roster.connector.api.EntrySink sink) {
    all.readAll(kind, sink);
  }

  @Override
  public void close() {}
}
