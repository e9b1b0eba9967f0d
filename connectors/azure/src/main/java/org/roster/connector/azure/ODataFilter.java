package org.roster.connector.azure;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;
import org.roster.connector.api.InvalidSettingsException;

/**
 * An RFC 4515 filter over Graph property names, as the admin wrote it, translated into Graph's
 * OData {@code $filter}: equality becomes {@code eq} ({@code TRUE}/{@code FALSE} are booleans), a
 * value with one trailing {@code *} becomes {@code startswith()}, {@code &} and {@code |} become
 * {@code and} and {@code or}; on collection properties ({@code groupTypes}, {@code proxyAddresses},
 * ...) a comparison becomes an {@code any()} lambda. Everything else (negation, presence, ordering,
 * inner or leading wildcards) needs Graph's advanced queries and is refused.
 *
 * @param ldap the filter as written
 * @param odata the {@code $filter} expression
 * @param properties the Graph properties the filter reads (delta queries select them so that a
 *     change of scope is seen)
 */
public record ODataFilter(String ldap, String odata, Set<String> properties) {

  private static final Pattern PROPERTY = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

  /** Multi-valued properties of users and groups, compared with {@code any()}. */
  private static final Set<String> COLLECTIONS =
      Set.of("groupTypes", "proxyAddresses", "otherMails", "businessPhones", "imAddresses");

  public ODataFilter {
    Objects.requireNonNull(ldap, "'ldap' must not be null");
    Objects.requireNonNull(odata, "'odata' must not be null");
    properties = Set.copyOf(properties);
  }

  /**
   * Parses and translates the filter of setting {@code key}.
   *
   * @throws InvalidSettingsException naming the setting and the part Graph cannot evaluate
   */
  static ODataFilter translate(String key, String text) {
    Filter filter;
    try {
      filter = Filter.create(text.strip());
    } catch (LDAPException e) {
      throw new InvalidSettingsException(
          key, "is not an RFC 4515 filter: " + e.getExceptionMessage());
    }
    Set<String> properties = new LinkedHashSet<>();
    String odata = new Translation(key, properties).expression(filter, true);
    return new ODataFilter(text.strip(), odata, properties);
  }

  /**
   * {@code startswith(property,'value')}, or its {@code any()} form on a collection property; the
   * value is quoted for OData (user input is safe here).
   */
  static String startsWith(String property, String value) {
    return compare(property, true, quoted(value));
  }

  /** {@code property eq 'value'}, or its {@code any()} form; the value is quoted for OData. */
  static String equalTo(String property, String value) {
    return compare(property, false, quoted(value));
  }

  /** An OData string literal: in quotes, each quote doubled ({@code O'Brien} is 'O''Brien'). */
  static String quoted(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  private static String compare(String property, boolean prefix, String literal) {
    boolean collection = COLLECTIONS.contains(property);
    String operand = collection ? "c" : property;
    String test =
        prefix ? "startswith(" + operand + "," + literal + ")" : operand + " eq " + literal;
    return collection ? property + "/any(c:" + test + ")" : test;
  }

  /** One translation, collecting the properties it meets. */
  private record Translation(String key, Set<String> properties) {

    String expression(Filter f, boolean outermost) {
      return switch (f.getFilterType()) {
        case Filter.FILTER_TYPE_AND -> junction(f, " and ", outermost);
        case Filter.FILTER_TYPE_OR -> junction(f, " or ", outermost);
        case Filter.FILTER_TYPE_EQUALITY ->
            compare(property(f), false, literal(f.getAssertionValue()));
        case Filter.FILTER_TYPE_SUBSTRING -> startsWith(f);
        case Filter.FILTER_TYPE_NOT ->
            throw refused(f, "negation (!) needs Graph's advanced queries");
        case Filter.FILTER_TYPE_PRESENCE ->
            throw refused(f, "a presence test (attribute=*) needs Graph's advanced queries");
        case Filter.FILTER_TYPE_GREATER_OR_EQUAL, Filter.FILTER_TYPE_LESS_OR_EQUAL ->
            throw refused(f, "ordering comparisons (>=, <=) are not supported");
        case Filter.FILTER_TYPE_APPROXIMATE_MATCH ->
            throw refused(f, "approximate match (~=) is not supported");
        default -> throw refused(f, "extensible matching is not supported");
      };
    }

    private String junction(Filter f, String operator, boolean outermost) {
      Filter[] parts = f.getComponents();
      if (parts.length == 0) {
        throw refused(f, "an empty AND or OR has no OData form");
      }
      if (parts.length == 1) {
        return expression(parts[0], outermost);
      }
      StringJoiner joined = new StringJoiner(operator, outermost ? "" : "(", outermost ? "" : ")");
      for (Filter part : parts) {
        joined.add(expression(part, false));
      }
      return joined.toString();
    }

    private String startsWith(Filter f) {
      String[] any = f.getSubAnyStrings();
      if (f.getSubInitialString() == null || any.length > 0 || f.getSubFinalString() != null) {
        throw refused(f, "only a trailing wildcard (value*) is supported, as startswith()");
      }
      return compare(property(f), true, quoted(f.getSubInitialString()));
    }

    private String property(Filter f) {
      String name = f.getAttributeName();
      if (!PROPERTY.matcher(name).matches()) {
        throw refused(f, "'" + name + "' is not a Graph property name");
      }
      properties.add(name);
      return name;
    }

    private static String literal(String value) {
      if (value.equals("TRUE") || value.equals("FALSE")) {
        return value.toLowerCase(Locale.ROOT);
      }
      return quoted(value);
    }

    private InvalidSettingsException refused(Filter f, String why) {
      return new InvalidSettingsException(key, "cannot translate " + f + " to Graph: " + why);
    }
  }
}
