package org.roster.domain.sync;

import java.util.ArrayList;
import java.util.List;

/** A recursive-descent parser for RFC 4515 filters; see {@link EntryFilter}. */
final class FilterParser {
  private final String text;
  private final String setting;
  private int pos;

  FilterParser(String text, String setting) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("'" + setting + "': the filter is empty");
    }
    this.text = text.trim();
    this.setting = setting;
  }

  EntryFilter parseWhole() {
    EntryFilter f = filter();
    if (pos != text.length()) {
      throw error("unexpected text after the filter");
    }
    return f;
  }

  private EntryFilter filter() {
    expect('(');
    EntryFilter f;
    char c = peek();
    if (c == '&' || c == '|') {
      pos++;
      List<EntryFilter> parts = new ArrayList<>();
      while (peek() == '(') {
        parts.add(filter());
      }
      if (parts.isEmpty()) {
        throw error("'" + c + "' needs at least one filter");
      }
      f = c == '&' ? new EntryFilter.And(List.copyOf(parts)) : new EntryFilter.Or(List.copyOf(parts));
    } else if (c == '!') {
      pos++;
      f = new EntryFilter.Not(filter());
    } else {
      f = item();
    }
    expect(')');
    return f;
  }

  private EntryFilter item() {
    int start = pos;
    while (pos < text.length() && "=<>~()".indexOf(text.charAt(pos)) < 0) {
      pos++;
    }
    String attribute = text.substring(start, pos).trim();
    if (attribute.isEmpty() || !attribute.matches("[A-Za-z][A-Za-z0-9-]*(;[A-Za-z0-9-]+)*")) {
      throw error("invalid attribute name '" + attribute + "'");
    }
    String op;
    if (text.startsWith(">=", pos) || text.startsWith("<=", pos)) {
      op = text.substring(pos, pos + 2);
      pos += 2;
    } else if (text.startsWith("~=", pos)) {
      op = "=";
      pos += 2;
    } else if (peek() == '=') {
      op = "=";
      pos++;
    } else {
      throw error("expected '=', '>=', '<=' or '~=' after '" + attribute + "'");
    }
    List<String> pieces = value();
    if (op.equals("=") && pieces.size() == 2 && pieces.get(0).isEmpty() && pieces.get(1).isEmpty()) {
      return new EntryFilter.Present(attribute);
    }
    if (pieces.size() > 1) {
      if (!op.equals("=")) {
        throw error("'*' is only allowed with '='");
      }
      return EntryFilter.substring(attribute, pieces);
    }
    return new EntryFilter.Compare(attribute, op, pieces.get(0));
  }

  /** The value up to ')', split at unescaped '*', with escapes decoded. */
  private List<String> value() {
    List<String> pieces = new ArrayList<>();
    java.io.ByteArrayOutputStream cur = new java.io.ByteArrayOutputStream();
    while (pos < text.length() && text.charAt(pos) != ')') {
      char c = text.charAt(pos);
      if (c == '(') {
        throw error("unescaped '(' in a value (write \\28)");
      }
      if (c == '*') {
        pieces.add(cur.toString(java.nio.charset.StandardCharsets.UTF_8));
        cur.reset();
        pos++;
      } else if (c == '\\') {
        if (pos + 3 > text.length()) {
          throw error("incomplete escape");
        }
        String hex = text.substring(pos + 1, Math.min(pos + 3, text.length()));
        if (!hex.matches("[0-9A-Fa-f]{2}")) {
          throw error("invalid escape '\\" + hex + "' (write \\XX with two hex digits)");
        }
        cur.write(Integer.parseInt(hex, 16));
        pos += 3;
      } else {
        byte[] b = String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        cur.write(b, 0, b.length);
        pos++;
      }
    }
    pieces.add(cur.toString(java.nio.charset.StandardCharsets.UTF_8));
    return pieces;
  }

  private char peek() {
    if (pos >= text.length()) {
      throw error("unexpected end of filter");
    }
    return text.charAt(pos);
  }

  private void expect(char c) {
    if (peek() != c) {
      throw error("expected '" + c + "'");
    }
    pos++;
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException(
        "'" + setting + "': invalid LDAP filter \"" + text + "\" at position " + (pos + 1) + ": " + what);
  }
}
