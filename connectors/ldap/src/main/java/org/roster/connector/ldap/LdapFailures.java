package org.roster.connector.ldap;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import java.security.cert.CertificateException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import org.roster.connector.api.ConnectorException;
import org.roster.connector.api.SourceAuthenticationException;
import org.roster.connector.api.SourceDataException;
import org.roster.connector.api.SourceUnavailableException;

/**
 * Translates UnboundID's {@link LDAPException}s into the connector family, once, at the edge. Each
 * message starts with the step that failed ({@code "bind: invalid credentials (AD data 52e: wrong
 * password)"}) and never holds a secret.
 */
final class LdapFailures {

  /**
   * AD's sub-codes in a bind's diagnostic ({@code "... AcceptSecurityContext error, data 52e,
   * v4563"}); see <a
   * href="https://learn.microsoft.com/en-us/troubleshoot/windows-server/active-directory/ldap-error-code-49">
   * LDAP error code 49</a>.
   */
  private static final Map<String, String> AD_SUB_CODES =
      Map.of(
          "525", "user not found",
          "52e", "wrong password",
          "530", "not permitted to log on at this time",
          "531", "not permitted to log on at this workstation",
          "532", "password expired",
          "533", "account disabled",
          "568", "too many security IDs",
          "701", "account expired",
          "773", "user must reset the password",
          "775", "account locked out");

  private static final Pattern AD_DATA = Pattern.compile("data ([0-9a-fA-F]{3,8})\\b");

  private LdapFailures() {}

  /** A failure of {@code step} ("reach", "tls", "bind", "read users"). */
  static ConnectorException translate(String step, LDAPException e) {
    ResultCode code = e.getResultCode();
    String detail = describe(e);
    if (tlsFailure(e)) {
      return new SourceUnavailableException("tls: " + detail, e);
    }
    if (unavailable(code)) {
      return new SourceUnavailableException(step + ": " + detail, e);
    }
    if (code == ResultCode.INVALID_CREDENTIALS
        || code == ResultCode.INAPPROPRIATE_AUTHENTICATION
        || code == ResultCode.INSUFFICIENT_ACCESS_RIGHTS
        || code == ResultCode.STRONG_AUTH_REQUIRED
        || code == ResultCode.CONFIDENTIALITY_REQUIRED) {
      return new SourceAuthenticationException(step + ": " + detail, e);
    }
    if (code == ResultCode.NO_SUCH_OBJECT) {
      String matched = e.getMatchedDN();
      return new SourceDataException(
          step
              + ": no such entry"
              + (matched == null || matched.isEmpty()
                  ? ""
                  : " (the directory has '" + matched + "')")
              + "; check the base DN",
          e);
    }
    if (code == ResultCode.REFERRAL) {
      return new SourceDataException(
          step + ": the server does not hold this DN and refers elsewhere (" + detail + ")", e);
    }
    if (code == ResultCode.FILTER_ERROR
        || code == ResultCode.UNDEFINED_ATTRIBUTE_TYPE
        || code == ResultCode.INAPPROPRIATE_MATCHING
        || code == ResultCode.INVALID_DN_SYNTAX
        || code == ResultCode.UNAVAILABLE_CRITICAL_EXTENSION
        || code == ResultCode.SIZE_LIMIT_EXCEEDED
        || code == ResultCode.ADMIN_LIMIT_EXCEEDED) {
      return new SourceDataException(step + ": " + detail, e);
    }
    return new ConnectorException(step + ": " + detail, e);
  }

  /** A connection that could not be made: step "reach", or "tls" when the handshake failed. */
  static SourceUnavailableException connecting(String servers, LDAPException e) {
    if (tlsFailure(e)) {
      return new SourceUnavailableException("tls: " + describe(e), e);
    }
    return new SourceUnavailableException(
        "reach: cannot connect to " + servers + ": " + describe(e), e);
  }

  /** A StartTLS that the server refused or that failed. */
  static SourceUnavailableException startTls(LDAPException e) {
    return new SourceUnavailableException("tls: StartTLS failed: " + describe(e), e);
  }

  /** True for codes that mean the server could not be asked (retryable). */
  static boolean unavailable(ResultCode code) {
    return code == ResultCode.CONNECT_ERROR
        || code == ResultCode.SERVER_DOWN
        || code == ResultCode.TIMEOUT
        || code == ResultCode.UNAVAILABLE
        || code == ResultCode.BUSY
        || code == ResultCode.TIME_LIMIT_EXCEEDED
        || code == ResultCode.LOCAL_ERROR
        || code == ResultCode.DECODING_ERROR
        || code == ResultCode.ENCODING_ERROR
        || code == ResultCode.CANCELED
        || code == ResultCode.USER_CANCELED;
  }

  /** A readable account of the failure: the code's name, AD's sub-code, else the diagnostic. */
  static String describe(LDAPException e) {
    String name = e.getResultCode().getName();
    String text = text(e);
    Optional<String> sub = adSubCode(text);
    if (sub.isPresent()) {
      return name
          + " (AD data "
          + sub.get()
          + ": "
          + AD_SUB_CODES.getOrDefault(sub.get(), "see Microsoft's list of bind sub-codes")
          + ")";
    }
    return text.isBlank() || text.equalsIgnoreCase(name) ? name : name + ": " + text;
  }

  /** AD's bind sub-code ({@code 52e}) when the failure's text carries one. */
  static Optional<String> adSubCode(LDAPException e) {
    return adSubCode(text(e));
  }

  private static Optional<String> adSubCode(String text) {
    Matcher m = AD_DATA.matcher(text);
    return m.find() ? Optional.of(m.group(1).toLowerCase(java.util.Locale.ROOT)) : Optional.empty();
  }

  private static String text(LDAPException e) {
    String diagnostic = e.getDiagnosticMessage();
    if (diagnostic != null && !diagnostic.isBlank()) {
      return diagnostic.strip();
    }
    String message = e.getMessage();
    return message == null ? "" : message.strip();
  }

  /** True when the failure came from the TLS handshake or the certificate checks. */
  static boolean tlsFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SSLException || t instanceof CertificateException) {
        return true;
      }
      String message = t.getMessage();
      if (t instanceof LDAPException
          && message != null
          && (message.contains("hostname") || message.contains("host name"))
          && message.contains("certificate")) {
        return true;
      }
    }
    return false;
  }
}
