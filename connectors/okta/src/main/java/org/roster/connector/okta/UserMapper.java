package org.roster.connector.okta;

import com.okta.sdk.resource.model.User;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.roster.connector.api.EntryKind;
import org.roster.connector.api.MalformedEntryException;
import org.roster.connector.api.RejectedEntry;
import org.roster.connector.api.SourceUser;
import org.roster.connector.api.UserFields;

/** Turns Okta users into Roster's users with the profile's mapping and status rule. */
final class UserMapper {
  private final ProfileMapping mapping;
  private final boolean lockedOutIsDisabled;
  private final ProfileReader profiles;

  UserMapper(OktaSettings settings, ProfileReader profiles) {
    this.mapping = settings.mapping();
    this.lockedOutIsDisabled = settings.lockedOutIsDisabled();
    this.profiles = profiles;
  }

  /** Where a user is read: its resource path. */
  static String location(String userId) {
    return "/api/v1/users/" + userId;
  }

  /**
   * A user that is not DEPROVISIONED, with its direct groups among the profile's.
   *
   * @param groupsOf the profile groups by user id, asked once the user is known to be valid
   * @throws MalformedEntryException when it has no id, no login or an unknown status
   */
  SourceUser user(User user, Function<String, Set<String>> groupsOf) {
    String id = user.getId();
    if (id == null || id.isBlank()) {
      throw new MalformedEntryException("the user has no id");
    }
    boolean enabled =
        UserStatuses.enabled(user.getStatus(), lockedOutIsDisabled)
            .orElseThrow(
                () ->
                    new MalformedEntryException(
                        "status '" + user.getStatus() + "' is not one the connector knows"));
    Map<String, String> profile = profiles.read(user.getProfile());
    String login =
        first(profile, mapping.login())
            .orElseThrow(
                () ->
                    new MalformedEntryException(
                        "login property '" + String.join("|", mapping.login()) + "' is empty"));
    Map<String, String> attributes = new LinkedHashMap<>();
    mapping
        .fields()
        .forEach(
            (field, properties) ->
                first(profile, properties).ifPresent(v -> attributes.put(field, v)));
    if (!attributes.containsKey(UserFields.DISPLAY_NAME)
        && mapping.fields().containsKey(UserFields.DISPLAY_NAME)) {
      String names =
          (attributes.getOrDefault(UserFields.GIVEN_NAME, "")
                  + " "
                  + attributes.getOrDefault(UserFields.FAMILY_NAME, ""))
              .strip();
      if (!names.isEmpty()) {
        attributes.put(UserFields.DISPLAY_NAME, names);
      }
    }
    return new SourceUser(id, login, location(id), enabled, attributes, groupsOf.apply(id));
  }

  /** A user that could not be mapped. */
  static RejectedEntry rejection(User user, MalformedEntryException e) {
    Optional<String> id = Optional.ofNullable(user.getId());
    return new RejectedEntry(
        EntryKind.USER, id.map(UserMapper::location).orElse("/api/v1/users"), id, e.getMessage());
  }

  private static Optional<String> first(Map<String, String> profile, List<String> properties) {
    return properties.stream().map(profile::get).filter(v -> v != null).findFirst();
  }
}
