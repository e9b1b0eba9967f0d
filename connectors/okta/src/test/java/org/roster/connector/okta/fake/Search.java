package org.roster.connector.okta.fake;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Okta's filter/search expression language as the Management API documents it: {@code attr op
 * "value"} with {@code eq, gt, ge, lt, le, sw, co} (string comparisons ignore case; timestamps
 * compare as instants), {@code attr pr}, {@code and} binding tighter than {@code or}, and
 * parentheses. No {@code ne}, no {@code not}, as in Okta. Property names are case-sensitive and
 * dotted ({@code profile.department}, {@code type.id}).
 */
final class Search {
  /** Thrown for an expression Okta would answer with 400 E0000031. */
  static final class InvalidSearch extends RuntimeException {
    InvalidSearch(String message) {
      super(message);
    }
  }

  private static final Set<String> TIMES =
      Set.of(
          "created",
          "activated",
          "statusChanged",
          "lastUpdated",
          "lastMembershipUpdated",
          "passwordChanged");

  private final List<String> tokens;
  private final Set<String> allowed;
  private int at;

  private Search(List<String> tokens, Set<String> allowed) {
    this.tokens = tokens;
    this.allowed = allowed;
  }

  /**
   * Parses an expression.
   *
   * @param allowed the properties it may name, or empty for any (the users {@code filter} parameter
   *     allows only a few)
   * @throws InvalidSearch when it is not valid
   */
  static Predicate<Map<String, Object>> parse(String expression, Set<String> allowed) {
    Search s = new Search(tokenize(expression), allowed);
    Predicate<Map<String, Object>> p = s.or();
    if (s.at != s.tokens.size()) {
      throw new InvalidSearch("unexpected '" + s.tokens.get(s.at) + "'");
    }
    return p;
  }

  private Predicate<Map<String, Object>> or() {
    Predicate<Map<String, Object>> left = and();
    while (keyword("or")) {
      left = left.or(and());
    }
    return left;
  }

  private Predicate<Map<String, Object>> and() {
    Predicate<Map<String, Object>> left = primary();
    while (keyword("and")) {
      left = left.and(primary());
    }
    return left;
  }

  private Predicate<Map<String, Object>> primary() {
    String token = next();
    if (token.equals("(")) {
      Predicate<Map<String, Object>> inner = or();
      if (!next().equals(")")) {
        throw new InvalidSearch("missing ')'");
      }
      return inner;
    }
    String attribute = token;
    if (!attribute.matches("[A-Za-z][A-Za-z0-9_.]*")) {
      throw new InvalidSearch("not a property: " + attribute);
    }
    if (!allowed.isEmpty() && !allowed.contains(attribute)) {
      throw new InvalidSearch("cannot filter on " + attribute);
    }
    String op = next().toLowerCase(Locale.ROOT);
    if (op.equals("pr")) {
      return entity -> value(entity, attribute) != null;
    }
    if (!Set.of("eq", "gt", "ge", "lt", "le", "sw", "co").contains(op)) {
      throw new InvalidSearch("unsupported operator " + op);
    }
    String literal = next();
    if (!literal.startsWith("\"")) {
      throw new InvalidSearch("values are quoted strings: " + literal);
    }
    String expected = literal.substring(1);
    if (TIMES.contains(attribute)) {
      Instant when = time(expected);
      return entity -> compareTime(value(entity, attribute), when, op);
    }
    return entity -> compareText(value(entity, attribute), expected, op);
  }

  private static Instant time(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidSearch("not a timestamp: " + text);
    }
  }

  private static boolean compareTime(Object actual, Instant expected, String op) {
    if (actual == null) {
      return false;
    }
    int c = Instant.parse(actual.toString()).compareTo(expected);
    return holds(c, op);
  }

  private static boolean compareText(Object actual, String expected, String op) {
    if (actual instanceof List<?> values) {
      return values.stream().anyMatch(v -> compareText(v, expected, op));
    }
    if (actual == null) {
      return false;
    }
    String a = actual.toString().toLowerCase(Locale.ROOT);
    String e = expected.toLowerCase(Locale.ROOT);
    return switch (op) {
      case "sw" -> a.startsWith(e);
      case "co" -> a.contains(e);
      default -> holds(a.compareTo(e), op);
    };
  }

  private static boolean holds(int comparison, String op) {
    return switch (op) {
      case "eq" -> comparison == 0;
      case "gt" -> comparison > 0;
      case "ge" -> comparison >= 0;
      case "lt" -> comparison < 0;
      case "le" -> comparison <= 0;
      default -> throw new InvalidSearch("unsupported operator " + op);
    };
  }

  @SuppressWarnings("unchecked")
  private static Object value(Map<String, Object> entity, String path) {
    Object current = entity;
    for (String part : path.split("\\.")) {
      if (!(current instanceof Map<?, ?> map)) {
        return null;
      }
      current = ((Map<String, Object>) map).get(part);
    }
    return current;
  }

  private boolean keyword(String word) {
    if (at < tokens.size() && tokens.get(at).equalsIgnoreCase(word)) {
      at++;
      return true;
    }
    return false;
  }

  private String next() {
    if (at >= tokens.size()) {
      throw new InvalidSearch("the expression ends too early");
    }
    return tokens.get(at++);
  }

  /** Words, parentheses and quoted strings (kept with a leading {@code "}, unescaped). */
  private static List<String> tokenize(String text) {
    List<String> tokens = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '(' || c == ')') {
        tokens.add(String.valueOf(c));
        i++;
      } else if (c == '"') {
        StringBuilder b = new StringBuilder("\"");
        i++;
        while (i < text.length() && text.charAt(i) != '"') {
          if (text.charAt(i) == '\\' && i + 1 < text.length()) {
            i++;
          }
          b.append(text.charAt(i++));
        }
        if (i >= text.length()) {
          throw new InvalidSearch("unterminated string");
        }
        i++;
        tokens.add(b.toString());
      } else {
        int start = i;
        while (i < text.length()
            && !Character.isWhitespace(text.charAt(i))
            && "()\"".indexOf(text.charAt(i)) < 0) {
          i++;
        }
        tokens.add(text.substring(start, i));
      }
    }
    return tokens;
  }
}
