package org.roster.web.security;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.roster.application.port.in.InvalidRequestException;
import org.roster.domain.identity.AdminRole;

/** Admin roles as requests name them: the exact names of {@link AdminRole}. */
public final class RoleNames {
  private RoleNames() {}

  /**
   * @return null when {@code names} is null
   * @throws InvalidRequestException naming {@code field} for an unknown role
   */
  public static Set<AdminRole> parse(List<String> names, String field) {
    if (names == null) {
      return null;
    }
    Set<AdminRole> roles = EnumSet.noneOf(AdminRole.class);
    for (String name : names) {
      AdminRole role = Arrays.stream(AdminRole.values()).filter(r -> r.name().equals(name))
          .findFirst()
          .orElseThrow(() -> new InvalidRequestException(field, "'" + field
              + "' holds an unknown role '" + name + "'; the roles are " + known()));
      roles.add(role);
    }
    return Set.copyOf(roles);
  }

  /** Sorted names, as responses show them. */
  public static List<String> of(Set<AdminRole> roles) {
    return roles.stream().map(Enum::name).sorted().toList();
  }

  private static String known() {
    return Arrays.stream(AdminRole.values()).map(Enum::name).collect(Collectors.joining(", "));
  }
}
