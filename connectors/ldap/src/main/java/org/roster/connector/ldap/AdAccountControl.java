package org.roster.connector.ldap;

/**
 * AD's {@code userAccountControl} flags; see <a
 * href="https://learn.microsoft.com/en-us/troubleshoot/windows-server/active-directory/useraccountcontrol-manipulate-account-properties">
 * UserAccountControl property flags</a>.
 *
 * @param bits the attribute's value
 */
public record AdAccountControl(long bits) {
  /** ACCOUNTDISABLE. */
  public static final long ACCOUNT_DISABLE = 0x2;

  /** NORMAL_ACCOUNT. */
  public static final long NORMAL_ACCOUNT = 0x200;

  /** Parses the attribute's decimal text (AD writes a signed 32-bit value). */
  public static AdAccountControl parse(String value) {
    return new AdAccountControl(Long.parseLong(value.strip()) & 0xFFFFFFFFL);
  }

  /** True when the account is disabled (bit 0x2). */
  public boolean disabled() {
    return (bits & ACCOUNT_DISABLE) != 0;
  }
}
