package org.roster.connector.testkit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.roster.connector.api.ChangeSink;
import org.roster.connector.api.ConnectorException;
import org.roster.connector.api.EntryKind;
import org.roster.connector.api.EntrySink;
import org.roster.connector.api.FullSyncRequiredException;
import org.roster.connector.api.IncrementalSource;
import org.roster.connector.api.SourceAuthenticationException;
import org.roster.connector.api.SourceDataException;
import org.roster.connector.api.SourceEntry;
import org.roster.connector.api.SourceGroup;
import org.roster.connector.api.SourceUnavailableException;
import org.roster.connector.api.SourceUser;
import org.roster.connector.api.SyncToken;
import org.roster.connector.api.UserFields;

/** A fake incremental source over an {@link InMemoryDirectory}, correct unless given flaws. */
final class InMemorySource implements IncrementalSource {

  /** Ways a connector can be wrong; the contract must catch each. */
  enum Flaw {
    IGNORES_STOP,
    UNSTABLE_IDS,
    LOGIN_AS_ID,
    LOSES_DISABLED,
    GROUP_NAMES_AS_IDS,
    DUPLICATES_A_USER,
    SWALLOWS_UNAVAILABLE,
    UNAVAILABLE_AS_PLAIN_ERROR,
    REFUSED_CREDENTIALS_AS_UNAVAILABLE,
    HIDES_CREDENTIALS_TEST,
    ACCEPTS_FOREIGN_SETTINGS,
    FAILS_ON_EMPTY,
    CLOSE_TWICE_THROWS,
    NO_DELETIONS,
    REPORTS_EVERYTHING,
    READS_GARBAGE_TOKEN_AS_START
  }

  /** What the fake pretends about the directory's reachability. */
  enum Reach {
    GOOD,
    UNREACHABLE,
    REFUSED_CREDENTIALS
  }

  private static int readCounter;
  private final InMemoryDirectory directory;
  private final Set<Flaw> flaws;
  private final Reach reach;
  private boolean closed;

  InMemorySource(InMemoryDirectory directory, Set<Flaw> flaws, Reach reach) {
    this.directory = directory;
    this.flaws = flaws;
    this.reach = reach;
  }

  @Override
  public void testConnection() {
    checkReach();
  }

  @Override
  public void readAll(EntryKind kind, EntrySink sink) {
    if (reach == Reach.UNREACHABLE && flaws.contains(Flaw.SWALLOWS_UNAVAILABLE)) {
      return;
    }
    checkReach();
    if (directory.people().isEmpty() && flaws.contains(Flaw.FAILS_ON_EMPTY)) {
      throw new SourceDataException("empty");
    }
    readCounter++;
    emit(entries(kind, -1), sink);
  }

  @Override
  public SyncToken currentToken() {
    return new SyncToken("v" + directory.version());
  }

  @Override
  public SyncToken readChanges(EntryKind kind, SyncToken since, ChangeSink sink) {
    long from = parse(since);
    if (!emit(entries(kind, flaws.contains(Flaw.REPORTS_EVERYTHING) ? -1 : from), sink)) {
      return currentToken();
    }
    Map<String, Long> deleted =
        kind == EntryKind.USER ? directory.deletedPeople() : directory.deletedGroups();
    String prefix = kind == EntryKind.USER ? "ext-" : "grp-";
    deleted.forEach(
        (id, version) -> {
          if (version > from && !flaws.contains(Flaw.NO_DELETIONS)) {
            sink.deleted(kind, prefix + id);
          }
        });
    return currentToken();
  }

  @Override
  public void close() {
    if (closed && flaws.contains(Flaw.CLOSE_TWICE_THROWS)) {
      throw new IllegalStateException("closed twice");
    }
    closed = true;
  }

  private long parse(SyncToken token) {
    if (token.value().matches("v\\d+")) {
      return Long.parseLong(token.value().substring(1));
    }
    if (flaws.contains(Flaw.READS_GARBAGE_TOKEN_AS_START)) {
      return -1;
    }
    throw new FullSyncRequiredException("not a token of this source: " + token.value());
  }

  private void checkReach() {
    switch (reach) {
      case UNREACHABLE ->
          throw flaws.contains(Flaw.UNAVAILABLE_AS_PLAIN_ERROR)
              ? new ConnectorException("down")
              : new SourceUnavailableException("connection refused");
      case REFUSED_CREDENTIALS ->
          throw flaws.contains(Flaw.REFUSED_CREDENTIALS_AS_UNAVAILABLE)
              ? new SourceUnavailableException("bind failed")
              : new SourceAuthenticationException("invalid credentials");
      case GOOD -> {}
    }
  }

  private boolean emit(List<SourceEntry> entries, EntrySink sink) {
    boolean goOn = true;
    for (SourceEntry entry : entries) {
      goOn = sink.accept(entry) && goOn;
      if (!goOn && !flaws.contains(Flaw.IGNORES_STOP)) {
        return false;
      }
    }
    return goOn;
  }

  private List<SourceEntry> entries(EntryKind kind, long after) {
    List<SourceEntry> out = new ArrayList<>();
    if (kind == EntryKind.GROUP) {
      directory
          .groups()
          .forEach(
              (id, g) -> {
                if (g.version() > after) {
                  out.add(new SourceGroup("grp-" + id, g.value().name(), "memory:" + id, Set.of()));
                }
              });
      return out;
    }
    directory.people().values().stream()
        .filter(p -> p.version() > after)
        .forEach(p -> out.add(user(p.value())));
    if (flaws.contains(Flaw.DUPLICATES_A_USER) && !out.isEmpty()) {
      out.add(out.get(0));
    }
    return out;
  }

  private SourceUser user(TestPerson p) {
    Map<String, String> groupIds = new HashMap<>();
    directory.groups().forEach((id, g) -> groupIds.put(g.value().name(), "grp-" + id));
    String id =
        flaws.contains(Flaw.LOGIN_AS_ID)
            ? p.login()
            : flaws.contains(Flaw.UNSTABLE_IDS)
                ? "ext-" + p.id() + "-" + readCounter
                : "ext-" + p.id();
    Map<String, String> attributes = new HashMap<>();
    if (p.email() != null) {
      attributes.put(UserFields.EMAIL, p.email());
    }
    attributes.put(UserFields.GIVEN_NAME, p.givenName());
    attributes.put(UserFields.FAMILY_NAME, p.familyName());
    Set<String> groups =
        p.groups().stream()
            .map(name -> flaws.contains(Flaw.GROUP_NAMES_AS_IDS) ? name : groupIds.get(name))
            .collect(Collectors.toSet());
    boolean enabled = p.enabled() || flaws.contains(Flaw.LOSES_DISABLED);
    return new SourceUser(id, p.login(), "memory:" + p.id(), enabled, attributes, groups);
  }
}
