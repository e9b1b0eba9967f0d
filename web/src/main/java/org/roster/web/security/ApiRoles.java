package org.roster.web.security;

/**
 * The admin roles as {@code @Secured} names them: the names of {@link
 * org.roster.domain.identity.AdminRole}, spelled out because annotations need constants.
 */
public final class ApiRoles {
  public static final String SYSADMIN = "SYSADMIN";
  public static final String SYNC_ADMIN = "SYNC_ADMIN";
  public static final String PEOPLE_ADMIN = "PEOPLE_ADMIN";

  private ApiRoles() {}
}
