package org.roster.web.fake;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.roster.application.port.in.NotFoundException;
import org.roster.application.port.in.QueryUsersUseCase;
import org.roster.application.port.in.UserDetails;
import org.roster.application.port.out.Page;
import org.roster.application.port.out.PageRequest;
import org.roster.application.port.out.UserQuery;
import org.roster.domain.identity.User;

/** Users with their groups and roles in a map; search by login, email or display name. */
public class InMemoryUsers implements QueryUsersUseCase {
  private final Map<UUID, UserDetails> users = new ConcurrentHashMap<>();

  public void clear() {
    users.clear();
  }

  public void save(UserDetails details) {
    users.put(details.user().id(), details);
  }

  @Override
  public Page<User> search(UserQuery query, PageRequest page) {
    List<User> found =
        users.values().stream()
            .filter(d -> query.groupId() == null
                || d.groups().stream().anyMatch(g -> g.id().equals(query.groupId())))
            .filter(d -> query.roleId() == null
                || d.roles().stream().anyMatch(r -> r.id().equals(query.roleId())))
            .map(UserDetails::user)
            .filter(u -> query.local() == null || u.synced() != query.local())
            .filter(u -> query.status() == null || u.status() == query.status())
            .filter(
                u -> query.profileId() == null || Objects.equals(u.profileId(), query.profileId()))
            .filter(u -> query.text() == null || matches(u, query.text()))
            .sorted(Comparator.comparing(User::login))
            .toList();
    return Pages.of(found, page);
  }

  @Override
  public UserDetails get(UUID id) {
    UserDetails details = users.get(id);
    if (details == null) {
      throw new NotFoundException("user", id);
    }
    return details;
  }

  private static boolean matches(User user, String text) {
    String needle = text.toLowerCase(Locale.ROOT);
    return user.login().toLowerCase(Locale.ROOT).contains(needle)
        || user.attributes().getOrDefault("email", "").toLowerCase(Locale.ROOT).contains(needle)
        || user.attributes()
            .getOrDefault("displayName", "")
            .toLowerCase(Locale.ROOT)
            .contains(needle);
  }
}
