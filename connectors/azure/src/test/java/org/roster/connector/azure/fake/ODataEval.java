package org.roster.connector.azure.fake;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Evaluates the part of OData's {@code $filter} Graph serves without advanced queries and the
 * connector sends: {@code eq}, {@code in}, {@code startswith()}, {@code and}, {@code or},
 * parentheses, and {@code any()} over collections. String comparisons ignore case, as Entra ID's
 * do. Anything else is refused like Graph refuses it, and so is an operator a property does not
 * serve ({@link Operators}, {@link FilterSupport}).
 */
final class ODataEval {

  /** A filter Graph would refuse. */
  static final class Unsupported extends RuntimeException {
    private final boolean prefixed;

    /** A syntax Graph refuses: the message follows Graph's "Unsupported Query. ". */
    Unsupported(String message) {
      this(message, true);
    }

    /**
     * A refusal with Graph's own message.
     *
     * @param prefixed whether the answer starts with "Unsupported Query. "
     */
    Unsupported(String message, boolean prefixed) {
      super(message);
      this.prefixed = prefixed;
    }

    /** The message of Graph's error. */
    String graphMessage() {
      return prefixed ? "Unsupported Query. " + getMessage() : getMessage();
    }
  }

  /** Checks that Graph serves an operator on a property. */
  @FunctionalInterface
  interface Operators {
    /**
     * Throws when Graph would refuse the operator on the property.
     *
     * @param operator {@code eq}, {@code in} or {@code startsWith}; in an {@code any()} lambda, the
     *     lambda's operator on the collection property
     */
    void check(String property, String operator);
  }

  private final List<String> tokens;
  private final Operators operators;
  private int at;

  private ODataEval(String text, Operators operators) {
    this.tokens = tokenize(text);
    this.operators = operators;
  }

  /**
   * Parses a filter.
   *
   * @param operators called with each property the filter names and the operator applied to it;
   *     throws for an unknown property or an operator Graph does not serve on it
   */
  static Predicate<Map<String, Object>> parse(String text, Operators operators) {
    ODataEval parser = new ODataEval(text, operators);
    Predicate<Map<String, Object>> p = parser.or();
    if (parser.at != parser.tokens.size()) {
      throw new Unsupported("unexpected '" + parser.tokens.get(parser.at) + "'");
    }
    return p;
  }

  private Predicate<Map<String, Object>> or() {
    Predicate<Map<String, Object>> p = and();
    while (accept("or")) {
      p = p.or(and());
    }
    return p;
  }

  private Predicate<Map<String, Object>> and() {
    Predicate<Map<String, Object>> p = term();
    while (accept("and")) {
      p = p.and(term());
    }
    return p;
  }

  private Predicate<Map<String, Object>> term() {
    if (accept("(")) {
      Predicate<Map<String, Object>> p = or();
      expect(")");
      return p;
    }
    if (accept("startswith")) {
      expect("(");
      String name = next();
      operators.check(name, "startsWith");
      expect(",");
      Object prefix = literal();
      expect(")");
      return o -> startsWith(o.get(name), prefix);
    }
    String property = next();
    if (accept("/")) {
      expect("any");
      expect("(");
      String variable = next();
      expect(":");
      Predicate<Object> test = lambda(property, variable);
      expect(")");
      return o -> o.get(property) instanceof List<?> list && list.stream().anyMatch(test);
    }
    if (accept("eq")) {
      operators.check(property, "eq");
      Object value = literal();
      return o -> equal(o.get(property), value);
    }
    if (accept("in")) {
      operators.check(property, "in");
      expect("(");
      List<Object> values = new ArrayList<>();
      do {
        values.add(literal());
      } while (accept(","));
      expect(")");
      return o -> values.stream().anyMatch(v -> equal(o.get(property), v));
    }
    throw new Unsupported("unsupported operator after " + property);
  }

  private Predicate<Object> lambda(String collection, String variable) {
    if (accept("startswith")) {
      operators.check(collection, "startsWith");
      expect("(");
      expect(variable);
      expect(",");
      Object prefix = literal();
      expect(")");
      return v -> startsWith(v, prefix);
    }
    expect(variable);
    expect("eq");
    operators.check(collection, "eq");
    Object value = literal();
    return v -> equal(v, value);
  }

  private static boolean equal(Object actual, Object expected) {
    if (actual instanceof String a && expected instanceof String e) {
      return a.equalsIgnoreCase(e);
    }
    return Objects.equals(actual, expected);
  }

  private static boolean startsWith(Object actual, Object prefix) {
    return actual instanceof String a
        && prefix instanceof String p
        && a.toLowerCase(Locale.ROOT).startsWith(p.toLowerCase(Locale.ROOT));
  }

  private Object literal() {
    String token = next();
    if (token.startsWith("'")) {
      return token.substring(1, token.length() - 1).replace("''", "'");
    }
    return switch (token) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      case "null" -> null;
      default -> throw new Unsupported("not a literal: " + token);
    };
  }

  private boolean accept(String token) {
    if (at < tokens.size() && tokens.get(at).equalsIgnoreCase(token)) {
      at++;
      return true;
    }
    return false;
  }

  private void expect(String token) {
    if (!accept(token)) {
      throw new Unsupported("expected '" + token + "'");
    }
  }

  private String next() {
    if (at >= tokens.size()) {
      throw new Unsupported("the filter ends too early");
    }
    return tokens.get(at++);
  }

  private static List<String> tokenize(String text) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if ("(),:/".indexOf(c) >= 0) {
        out.add(String.valueOf(c));
        i++;
      } else if (c == '\'') {
        int end = i + 1;
        while (true) {
          if (end >= text.length()) {
            throw new Unsupported("unterminated string");
          }
          if (text.charAt(end) == '\'') {
            if (end + 1 < text.length() && text.charAt(end + 1) == '\'') {
              end += 2;
              continue;
            }
            break;
          }
          end++;
        }
        out.add(text.substring(i, end + 1));
        i = end + 1;
      } else {
        int end = i;
        while (end < text.length()
            && (Character.isLetterOrDigit(text.charAt(end))
                || text.charAt(end) == '_'
                || text.charAt(end) == '.'
                || text.charAt(end) == '-')) {
          end++;
        }
        if (end == i) {
          throw new Unsupported("unexpected character '" + c + "'");
        }
        out.add(text.substring(i, end));
        i = end;
      }
    }
    return out;
  }
}
