package org.roster.connector.ldap;

import java.time.Instant;
import java.util.Objects;
import org.roster.connector.api.FullSyncRequiredException;
import org.roster.connector.api.SyncToken;

/**
 * The watermark of an incremental read, as {@code
 * ldap1|<flavour>|<server>|<watermark>|<fullRun>|<extra>}: AD {@code ldap1|activeDirectory|<DC
 * invocationId>|<USN>|<epoch seconds>|<DirSync cookie, base64>}, OpenLDAP {@code
 * ldap1|openldap|-|<generalized time>|<epoch seconds>|-}.
 *
 * @param flavour the flavour that made it
 * @param server AD: the invocationId of the DC whose USNs these are; OpenLDAP: {@code -}
 * @param watermark AD: the highest committed USN; OpenLDAP: a {@code modifyTimestamp} value
 * @param fullRun when the full read this chain of tokens started from began
 * @param extra AD: the DirSync cookie that reports membership changes; {@code -} for none
 */
record LdapToken(Flavour flavour, String server, String watermark, Instant fullRun, String extra) {
  /** The {@code extra} of a token that carries none. */
  static final String NONE = "-";

  private static final String VERSION = "ldap1";

  LdapToken {
    Objects.requireNonNull(flavour, "'flavour' must not be null");
    if (server == null || server.isBlank() || server.contains("|")) {
      throw new IllegalArgumentException("'server' must be a non-blank value without '|'");
    }
    if (watermark == null || watermark.isBlank() || watermark.contains("|")) {
      throw new IllegalArgumentException("'watermark' must be a non-blank value without '|'");
    }
    Objects.requireNonNull(fullRun, "'fullRun' must not be null");
    if (extra == null || extra.isBlank() || extra.contains("|")) {
      throw new IllegalArgumentException("'extra' must be a non-blank value without '|'");
    }
  }

  /**
   * Reads a token this connector made for this flavour.
   *
   * @throws FullSyncRequiredException for anything else
   */
  static LdapToken parse(SyncToken token, Flavour expected) {
    String[] parts = token.value().split("\\|", -1);
    if (parts.length != 6 || !parts[0].equals(VERSION)) {
      throw new FullSyncRequiredException(
          "the sync token is not one the LDAP connector made; a full sync is needed");
    }
    if (!parts[1].equals(expected.settingValue())) {
      throw new FullSyncRequiredException(
          "the sync token was made for flavour "
              + parts[1]
              + ", the profile is now "
              + expected.settingValue()
              + "; a full sync is needed");
    }
    try {
      return new LdapToken(
          expected, parts[2], parts[3], Instant.ofEpochSecond(Long.parseLong(parts[4])), parts[5]);
    } catch (IllegalArgumentException e) {
      throw new FullSyncRequiredException("the sync token is damaged; a full sync is needed");
    }
  }

  /** The same chain's next token at a new watermark (same full run). */
  LdapToken at(String newServer, String newWatermark, String newExtra) {
    return new LdapToken(flavour, newServer, newWatermark, fullRun, newExtra);
  }

  SyncToken toSyncToken() {
    return new SyncToken(
        String.join(
            "|",
            VERSION,
            flavour.settingValue(),
            server,
            watermark,
            Long.toString(fullRun.getEpochSecond()),
            extra));
  }
}
