package org.roster.connector.azure.fake;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Evaluates the part of OData's {@code $filter} Graph serves without advanced queries and the
 * connector sends: {@code eq}, {@code in}, {@code startswith()}, {@code and}, {@code or},
 * parentheses, and {@code any()} over collections. String comparisons ignore case, as Entra ID's
 * do. Anything else is refused like Graph refuses it.
 */
final class ODataEval {

  /** A filter Graph would refuse. */
  static final class Unsupported extends RuntimeException {
    Unsupported(String message) {
      super(message);
    }
  }

  private final List<String> tokens;
  private final Consumer<String> property;
  private int at;

  private ODataEval(String text, Consumer<String> property) {
    this.tokens = tokenize(text);
    this.property = property;
  }

  /**
   * Parses a filter.
   *
   * @param property called with each property the filter names; throws for an unknown one
   */
  static Predicate<Map<String, Object>> parse(String text, Consumer<String> property) {
    ODataEval parser = new ODataEval(text, property);
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
      String name = property();
      expect(",");
      Object prefix = literal();
      expect(")");
      return o -> startsWith(o.get(name), prefix);
    }
    String property = property();
    if (accept("/")) {
      expect("any");
      expect("(");
      String variable = next();
      expect(":");
      Predicate<Object> test = lambda(variable);
      expect(")");
      return o -> o.get(property) instanceof List<?> list && list.stream().anyMatch(test);
    }
    if (accept("eq")) {
      Object value = literal();
      return o -> equal(o.get(property), value);
    }
    if (accept("in")) {
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

  private String property() {
    String name = next();
    property.accept(name);
    return name;
  }

  private Predicate<Object> lambda(String variable) {
    if (accept("startswith")) {
      expect("(");
      expect(variable);
      expect(",");
      Object prefix = literal();
      expect(")");
      return v -> startsWith(v, prefix);
    }
    expect(variable);
    expect("eq");
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
