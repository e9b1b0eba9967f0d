package org.roster.application.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.roster.application.port.in.DirectoryHit;
import org.roster.application.port.in.InvalidRequestException;
import org.roster.application.port.in.NotFoundException;
import org.roster.application.port.in.SearchDirectoryUseCase;
import org.roster.application.port.out.GroupStore;
import org.roster.application.port.out.ProfileStore;
import org.roster.application.port.out.UserStore;
import org.roster.connector.api.ConnectorFactory;
import org.roster.connector.api.DirectoryQuery;
import org.roster.connector.api.DirectorySource;
import org.roster.connector.api.InvalidSettingsException;
import org.roster.connector.api.SearchableSource;
import org.roster.connector.api.SourceContext;
import org.roster.connector.api.SourceEntry;
import org.roster.connector.api.SourceGroup;
import org.roster.connector.api.SourceUser;
import org.roster.connector.api.UserFields;
import org.roster.domain.identity.Group;
import org.roster.domain.identity.User;
import org.roster.domain.identity.UserStatus;
import org.roster.domain.sync.Profile;

/** Searches a profile's directory and tells new, already synced and conflicting entries apart. */
public final class DirectorySearchService implements SearchDirectoryUseCase {
  private final ProfileStore profiles;
  private final UserStore users;
  private final GroupStore groups;
  private final ConnectorRegistry connectors;
  private final Clock clock;

  public DirectorySearchService(ProfileStore profiles, UserStore users, GroupStore groups,
      ConnectorRegistry connectors, Clock clock) {
    this.profiles = profiles;
    this.users = users;
    this.groups = groups;
    this.connectors = connectors;
    this.clock = clock;
  }

  @Override
  public List<DirectoryHit> search(UUID profileId, DirectoryQuery query, int limit) {
    if (limit < 1 || limit > 500) {
      throw new InvalidRequestException("limit", "'limit' must be between 1 and 500");
    }
    Profile p = profiles.find(profileId).orElseThrow(() -> new NotFoundException("profile", profileId));
    ConnectorFactory f = connectors.get(p.type());
    List<SourceEntry> found;
    try (DirectorySource s = f.open(connectors.settingsOf(p),
        new SourceContext(p.id().toString(), clock))) {
      if (!(s instanceof SearchableSource searchable)) {
        throw new InvalidRequestException("profile", "a " + p.type() + " profile's source cannot be searched");
      }
      found = searchable.search(query, limit);
    } catch (InvalidSettingsException e) {
      throw new InvalidRequestException("q", e.getMessage());
    }
    return classify(p, found);
  }

  private List<DirectoryHit> classify(Profile p, List<SourceEntry> found) {
    List<SourceUser> foundUsers = found.stream()
        .filter(SourceUser.class::isInstance).map(SourceUser.class::cast).toList();
    Map<String, User> synced = UserPhase.index(
        users.findByExternalIds(p.id(), foundUsers.stream().map(SourceUser::externalId).toList()),
        User::externalId);
    Map<String, User> byLogin = UserPhase.index(
        users.findByLoginKeys(foundUsers.stream().map(u -> User.loginKey(u.login())).toList()),
        User::loginKey);
    Map<String, Group> knownGroups = UserPhase.index(groups.findByProfile(p.id()), Group::externalId);
    List<DirectoryHit> hits = new ArrayList<>();
    for (SourceEntry e : found) {
      if (e instanceof SourceGroup g) {
        Group known = knownGroups.get(g.externalId());
        boolean isKnown = known != null && !known.deleted();
        hits.add(new DirectoryHit("GROUP", g.externalId(), g.name(), g.location(), g.name(),
            isKnown ? DirectoryHit.Status.SYNCED : DirectoryHit.Status.NEW,
            isKnown ? known.id() : null, null));
      } else if (e instanceof SourceUser u) {
        hits.add(userHit(u, synced.get(u.externalId()), byLogin.get(User.loginKey(u.login()))));
      }
    }
    return hits;
  }

  private static DirectoryHit userHit(SourceUser u, User synced, User holder) {
    String display = u.attribute(UserFields.DISPLAY_NAME);
    if (synced != null && synced.status() != UserStatus.DELETED) {
      return new DirectoryHit("USER", u.externalId(), u.login(), u.location(), display,
          DirectoryHit.Status.SYNCED, synced.id(), null);
    }
    if (holder != null && (synced == null || !holder.id().equals(synced.id()))) {
      return new DirectoryHit("USER", u.externalId(), u.login(), u.location(), display,
          DirectoryHit.Status.CONFLICT, holder.id(), holder.synced()
              ? "username already belongs to another synced user"
              : "username already exists as an internal user");
    }
    return new DirectoryHit("USER", u.externalId(), u.login(), u.location(), display,
        DirectoryHit.Status.NEW, null, null);
  }
}
