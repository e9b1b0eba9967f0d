package org.roster.connector.okta;

import com.okta.sdk.resource.model.User;
import java.util.List;
import java.util.Map;
import org.roster.connector.api.SourceDataException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of a connection test, each failing with a message that starts with its name: {@code
 * token} (the client; a service app's access token), {@code read users} (one user), {@code mapping}
 * (the login property on that user), {@code read groups} (the profile's groups, every group listed
 * in {@code groups} found) and {@code read members} (one group's members).
 */
final class ConnectionCheck {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionCheck.class);

  private final Session session;

  ConnectionCheck(Session session) {
    this.session = session;
  }

  void run() {
    session.connect();
    String search = session.settings().usersFilter().map(OktaExpression::search).orElse(null);
    List<User> users =
        session.call(
            "read users",
            "GET /api/v1/users",
            () -> session.users().listUsers(null, null, null, 1, null, search, null, null));
    if (users == null || users.isEmpty()) {
      LOG.info("Profile {}: connection test found no user", session.context().profileId());
    } else {
      checkMapping(users.get(0));
    }
    GroupCatalog catalog = session.catalog();
    if (!catalog.missing().isEmpty()) {
      throw new SourceDataException(
          "read groups: not found in Okta: "
              + catalog.missing()
              + " (listed in 'groups': a name must match exactly, an id is 00g...)");
    }
    if (catalog.size() > 0) {
      GroupCatalog.Entry first = catalog.groups().get(0);
      session.call(
          "read members",
          "GET /api/v1/groups/" + first.id() + "/users",
          () -> session.groups().listGroupUsers(first.id(), null, 1));
    }
  }

  private void checkMapping(User user) {
    Map<String, String> profile = session.profiles().read(user.getProfile());
    List<String> login = session.settings().mapping().login();
    if (login.stream().noneMatch(profile::containsKey)) {
      throw new SourceDataException(
          "mapping: profile property '"
              + String.join("|", login)
              + "' (login) is empty on "
              + UserMapper.location(user.getId())
              + "; check the mapping");
    }
  }
}
