package org.roster.connector.okta;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.roster.connector.api.InvalidSettingsException;

/**
 * An RFC 4515 filter (parsed by UnboundID) translated into Okta's search expression: equality to
 * {@code eq}, a value with only a trailing {@code *} to {@code sw} (starts with), {@code >=} and
 * {@code <=} to {@code ge} and {@code le}, presence ({@code =*}) to {@code pr}, {@code &} and
 * {@code |} to {@code and} and {@code or}. Anything else (NOT, approximate, extensible and other
 * substring matches) has no Okta equivalent and is refused. A bare attribute name that is not one
 * of the object's top-level properties is a profile property: {@code (department=Sales)} becomes
 * {@code profile.department eq "Sales"}. See <a
 * href="https://developer.okta.com/docs/api/#filter">Okta's filtering</a>.
 *
 * @param ldapFilter the filter as the admin wrote it
 * @param search the Okta search expression
 * @param attributes the Okta property names the expression tests
 */
public record OktaExpression(String ldapFilter, String search, Set<String> attributes) {

  /** Which object's properties a filter names. */
  public enum Target {
    /** A user: top-level properties as the users search knows them. */
    USER(Set.of("id", "status", "created", "activated", "statusChanged", "lastUpdated", "type.id")),
    /** A group: top-level properties as the groups search knows them. */
    GROUP(Set.of("id", "type", "created", "lastUpdated", "lastMembershipUpdated", "source.id"));

    private final Set<String> topLevel;

    Target(Set<String> topLevel) {
      this.topLevel = topLevel;
    }
  }

  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

  public OktaExpression {
    attributes = Set.copyOf(attributes);
  }

  /**
   * Translates a filter setting.
   *
   * @param key the setting's key, named in errors
   * @throws InvalidSettingsException naming the setting and the part Okta cannot search by
   */
  public static OktaExpression translate(String key, String ldapFilter, Target target) {
    Filter filter;
    try {
      filter = Filter.create(ldapFilter.strip());
    } catch (LDAPException e) {
      throw new InvalidSettingsException(
          key, "is not an RFC 4515 filter: " + e.getExceptionMessage());
    }
    Set<String> attributes = new LinkedHashSet<>();
    String search = new Translation(key, target, attributes).of(filter);
    return new OktaExpression(ldapFilter.strip(), search, attributes);
  }

  /** An Okta string literal: in double quotes, with {@code "} and {@code \} escaped. */
  public static String literal(String value) {
    return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  /** One translation, collecting the attributes it meets. */
  private record Translation(String key, Target target, Set<String> attributes) {

    String of(Filter f) {
      return switch (f.getFilterType()) {
        case Filter.FILTER_TYPE_AND -> join(f, "and");
        case Filter.FILTER_TYPE_OR -> join(f, "or");
        case Filter.FILTER_TYPE_EQUALITY -> property(f) + " eq " + literal(f.getAssertionValue());
        case Filter.FILTER_TYPE_GREATER_OR_EQUAL ->
            property(f) + " ge " + literal(f.getAssertionValue());
        case Filter.FILTER_TYPE_LESS_OR_EQUAL ->
            property(f) + " le " + literal(f.getAssertionValue());
        case Filter.FILTER_TYPE_PRESENCE -> property(f) + " pr";
        case Filter.FILTER_TYPE_SUBSTRING -> startsWith(f);
        case Filter.FILTER_TYPE_NOT ->
            throw unsupported(f, "NOT has no Okta equivalent (write lt ... or ... gt instead)");
        default -> throw unsupported(f, "only =, =value*, >=, <=, =*, & and | translate to Okta");
      };
    }

    private String join(Filter f, String operator) {
      Filter[] parts = f.getComponents();
      if (parts.length == 0) {
        throw unsupported(f, "an empty " + operator.toUpperCase() + " has no Okta equivalent");
      }
      List<String> terms = Arrays.stream(parts).map(this::term).toList();
      return String.join(" " + operator + " ", terms);
    }

    private String term(Filter part) {
      String text = of(part);
      boolean compound =
          part.getFilterType() == Filter.FILTER_TYPE_AND
              || part.getFilterType() == Filter.FILTER_TYPE_OR;
      return compound && part.getComponents().length > 1 ? "(" + text + ")" : text;
    }

    private String startsWith(Filter f) {
      if (f.getSubInitialString() == null
          || f.getSubAnyStrings().length > 0
          || f.getSubFinalString() != null) {
        throw unsupported(f, "only a trailing * (starts with, Okta sw) is supported");
      }
      return property(f) + " sw " + literal(f.getSubInitialString());
    }

    private String property(Filter f) {
      String name = f.getAttributeName();
      String property;
      if (target.topLevel.contains(name)) {
        property = name;
      } else if (name.startsWith("profile.") && NAME.matcher(name.substring(8)).matches()) {
        property = name;
      } else if (NAME.matcher(name).matches()) {
        property = "profile." + name;
      } else {
        throw unsupported(
            f,
            "'"
                + name
                + "' is not a property Okta can search: use profile.<name> or one of "
                + new TreeSet<>(target.topLevel));
      }
      attributes.add(property);
      return property;
    }

    private InvalidSettingsException unsupported(Filter part, String why) {
      return new InvalidSettingsException(key, "'" + part + "': " + why);
    }
  }
}
