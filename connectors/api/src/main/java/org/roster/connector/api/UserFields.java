package org.roster.connector.api;

import java.util.List;

/**
 * The names of the user fields a connector maps its source attributes to. A connector's
 * attribute mapping goes from the source's names (LDAP {@code mail}, a CSV header) to these.
 */
public final class UserFields {
  public static final String EMAIL = "email";
  public static final String GIVEN_NAME = "givenName";
  public static final String FAMILY_NAME = "familyName";
  public static final String DISPLAY_NAME = "displayName";
  public static final String TITLE = "title";
  public static final String DEPARTMENT = "department";
  public static final String COMPANY = "company";
  public static final String PHONE = "phone";

  /** Every mapped field, in display order. */
  public static final List<String> ALL =
      List.of(EMAIL, GIVEN_NAME, FAMILY_NAME, DISPLAY_NAME, TITLE, DEPARTMENT, COMPANY, PHONE);

  private UserFields() {}
}
