package org.roster.connector.ldap;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchResultEntry;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * All values of a multi-valued attribute read in bounded windows ({@code member;range=0-1499}, then
 * {@code member;range=1500-2999}, ...) until the server answers with an open end ({@code
 * member;range=3000-*}). AD forces this for attributes over its MaxValRange (1500); asking for
 * windows always makes the loop run, and get tested, on servers that would not force it (Samba).
 * See <a
 * href="https://learn.microsoft.com/en-us/previous-versions/windows/desktop/ldap/searching-using-range-retrieval">
 * Searching Using Range Retrieval</a>.
 */
final class RangedValues {
  /** The window asked for: AD's default MaxValRange. */
  static final int WINDOW = 1500;

  private static final Pattern RANGE =
      Pattern.compile(";range=([0-9]+)-([0-9]+|\\*)", Pattern.CASE_INSENSITIVE);

  /** A window the server returned; {@code high} is -1 for {@code *} (the last window). */
  record Range(int low, int high) {
    boolean last() {
      return high < 0;
    }
  }

  private RangedValues() {}

  /** The attribute description of the first window: {@code member;range=0-1499}. */
  static String firstWindow(String attribute) {
    return window(attribute, 0);
  }

  private static String window(String attribute, int low) {
    return attribute + ";range=" + low + "-" + (low + WINDOW - 1);
  }

  /** The range option of an attribute description, if any ({@code member;range=0-1499}). */
  static Optional<Range> parse(String description) {
    Matcher m = RANGE.matcher(description);
    if (!m.find()) {
      return Optional.empty();
    }
    int low = Integer.parseInt(m.group(1));
    int high = m.group(2).equals("*") ? -1 : Integer.parseInt(m.group(2));
    return Optional.of(new Range(low, high));
  }

  /**
   * Hands the values of {@code attribute} that {@code entry} holds to {@code values}, as read: all
   * of them, or the first window when the server answered with a bounded range.
   *
   * @return the low end of the next window to read ({@link #fromWindow}), empty when there is none
   */
  static OptionalInt inEntry(Entry entry, String attribute, Consumer<ASN1OctetString> values) {
    return next(consume(entry, attribute, values));
  }

  /**
   * Hands the values of {@code attribute} of the entry at {@code dn} from window {@code low} on to
   * {@code values}, reading window after window by base searches as long as the server returns
   * bounded ones.
   *
   * @throws org.roster.connector.api.ConnectorException when a window cannot be read
   */
  static void fromWindow(
      LDAPConnection connection,
      String dn,
      String attribute,
      int low,
      String step,
      Consumer<ASN1OctetString> values) {
    OptionalInt next = OptionalInt.of(low);
    while (next.isPresent()) {
      try {
        SearchResultEntry more = connection.getEntry(dn, window(attribute, next.getAsInt()));
        if (more == null) {
          return;
        }
        next = inEntry(more, attribute, values);
      } catch (LDAPException e) {
        throw LdapFailures.translate(step, e);
      }
    }
  }

  private static OptionalInt next(Optional<Range> read) {
    return read.isEmpty() || read.get().last()
        ? OptionalInt.empty()
        : OptionalInt.of(read.get().high() + 1);
  }

  /** Takes the values of the plain or ranged attribute; returns the range read, if ranged. */
  private static Optional<Range> consume(
      Entry entry, String attribute, Consumer<ASN1OctetString> values) {
    String base = attribute.toLowerCase(Locale.ROOT);
    for (Attribute a : entry.getAttributes()) {
      String name = a.getName().toLowerCase(Locale.ROOT);
      if (name.equals(base)) {
        for (ASN1OctetString v : a.getRawValues()) {
          values.accept(v);
        }
        return Optional.empty();
      }
      if (name.startsWith(base + ";")) {
        Optional<Range> range = parse(name);
        if (range.isPresent()) {
          for (ASN1OctetString v : a.getRawValues()) {
            values.accept(v);
          }
          return range;
        }
      }
    }
    return Optional.empty();
  }
}
