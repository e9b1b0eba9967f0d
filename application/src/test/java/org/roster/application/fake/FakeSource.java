package org.roster.application.fake;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.roster.connector.api.DirectorySource;
import org.roster.connector.api.EntryKind;
import org.roster.connector.api.EntrySink;
import org.roster.connector.api.RejectedEntry;
import org.roster.connector.api.SourceGroup;
import org.roster.connector.api.SourceUnavailableException;
import org.roster.connector.api.SourceUser;

/** A directory held in lists; can fail after a number of users to act out a server going away. */
public final class FakeSource implements DirectorySource,
    org.roster.connector.api.SearchableSource, org.roster.connector.api.PasswordVerifier {
  public final List<SourceGroup> groups = new ArrayList<>();
  public final List<Object> users = new ArrayList<>(); // SourceUser or RejectedEntry
  public int failAfterUsers = -1;
  /** Called with the index of each user entry before it is handed on (to look at a run mid-read). */
  public java.util.function.IntConsumer beforeUser = n -> {};
  public int reads;
  /** Directory passwords by external id, for {@link #verifyPassword}. */
  public final Map<String, String> passwords = new java.util.HashMap<>();

  public FakeSource group(String id, String name, String... parents) {
    groups.add(new SourceGroup(id, name, "cn=" + name, Set.of(parents)));
    return this;
  }

  public FakeSource user(String id, String login, boolean enabled, Map<String, String> attrs, String... groupIds) {
    users.removeIf(u -> u instanceof SourceUser s && s.externalId().equals(id));
    users.add(new SourceUser(id, login, "uid=" + login, enabled, attrs, Set.of(groupIds)));
    return this;
  }

  public FakeSource user(String id, String login, String... groupIds) {
    return user(id, login, true, Map.of("email", login + "@example.org"), groupIds);
  }

  public FakeSource remove(String id) {
    users.removeIf(u -> u instanceof SourceUser s && s.externalId().equals(id));
    return this;
  }

  public FakeSource reject(String location, String id, String reason) {
    users.add(new RejectedEntry(EntryKind.USER, location, java.util.Optional.ofNullable(id), reason));
    return this;
  }

  @Override
  public void testConnection() {}

  @Override
  public List<org.roster.connector.api.SourceEntry> search(org.roster.connector.api.DirectoryQuery q, int limit) {
    if (q.by() == org.roster.connector.api.DirectoryQuery.By.FILTER && q.text().startsWith("bad")) {
      throw new org.roster.connector.api.InvalidSettingsException("q", "invalid LDAP filter");
    }
    List<org.roster.connector.api.SourceEntry> out = new ArrayList<>();
    groups.stream().filter(g -> g.name().toLowerCase().contains(q.text().toLowerCase())).forEach(out::add);
    users.stream().filter(o -> o instanceof SourceUser u && u.login().contains(q.text()))
        .forEach(o -> out.add((SourceUser) o));
    return out.subList(0, Math.min(limit, out.size()));
  }

  @Override
  public Verdict verifyPassword(String externalId, String location, String login,
      org.roster.connector.api.Secret password) {
    String known = passwords.get(externalId);
    if (known == null) {
      return Verdict.NOT_FOUND;
    }
    return known.equals(password.value()) ? Verdict.ACCEPTED : Verdict.REJECTED;
  }

  @Override
  public void readAll(EntryKind kind, EntrySink sink) {
    reads++;
    if (kind == EntryKind.GROUP) {
      for (SourceGroup g : groups) {
        if (!sink.accept(g)) {
          return;
        }
      }
      return;
    }
    int n = 0;
    for (Object o : users) {
      beforeUser.accept(n);
      if (failAfterUsers >= 0 && n >= failAfterUsers) {
        throw new SourceUnavailableException("connection to fake directory lost after " + failAfterUsers + " users");
      }
      n++;
      boolean go = o instanceof SourceUser u ? sink.accept(u) : sink.reject((RejectedEntry) o);
      if (!go) {
        return;
      }
    }
  }

  @Override
  public void close() {}
}
