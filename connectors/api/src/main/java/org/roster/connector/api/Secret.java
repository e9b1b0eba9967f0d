package org.roster.connector.api;

/** A secret setting (password, token, key). Prints as {@code ***}. */
public record Secret(String value) {
  public Secret {
    Require.notBlank(value, "value");
  }

  @Override
  public String toString() {
    return "***";
  }
}
