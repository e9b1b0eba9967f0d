package org.roster.bench;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.SearchResultEntry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.roster.connector.api.UserFields;

/**
 * The rows a full sync of the directory writes to {@code grp}, {@code group_parent}, {@code
 * app_user} and {@code user_group}, with the values the sync would bind (attributes as JSON, a
 * source hash, the DN as location), made ready before the raw insert is timed.
 */
final class RawRows {
  /** One {@code grp} row's own values. */
  record GroupRow(UUID id, String externalId, String name, String dn) {}

  /** One {@code app_user} row's own values. */
  record UserRow(UUID id, String externalId, String login, String attributesJson, String email,
      String displayName, String dn, String sourceHash) {}

  /** {@link UserFields} to the OpenLDAP flavour's default attribute, as the sync maps them. */
  private static final Map<String, String> FIELDS = fields();

  final List<GroupRow> groups = new ArrayList<>();
  final List<UserRow> users = new ArrayList<>();
  /** Positions: group, parent group. */
  final Pairs groupParents = new Pairs();
  /** Positions: user, group. */
  final Pairs memberships = new Pairs();

  /** A growable list of pairs of positions. */
  static final class Pairs {
    private int[] values = new int[64];
    private int size;

    void add(int first, int second) {
      if (values.length < (size + 1) * 2) {
        values = Arrays.copyOf(values, values.length * 2);
      }
      values[size * 2] = first;
      values[size * 2 + 1] = second;
      size++;
    }

    int size() {
      return size;
    }

    int first(int i) {
      return values[i * 2];
    }

    int second(int i) {
      return values[i * 2 + 1];
    }
  }

  /** Reads the directory once more (with memberOf) and keeps the rows; not timed. */
  static RawRows read(RawRead reader) {
    RawRows rows = new RawRows();
    Map<String, Integer> groupByDn = new HashMap<>();
    List<String[]> parentsOf = new ArrayList<>();
    try (LDAPConnection c = reader.open()) {
      reader.search(c, RawRead.GROUPS_FILTER, List.of("entryUUID", "cn", "memberOf"), e -> {
        groupByDn.put(key(e.getDN()), rows.groups.size());
        rows.groups.add(new GroupRow(UUID.randomUUID(), e.getAttributeValue("entryUUID"),
            e.getAttributeValue("cn"), e.getDN()));
        parentsOf.add(values(e, "memberOf"));
      });
      for (int g = 0; g < parentsOf.size(); g++) {
        for (String dn : parentsOf.get(g)) {
          Integer parent = groupByDn.get(key(dn));
          if (parent != null) {
            rows.groupParents.add(g, parent);
          }
        }
      }
      reader.search(c, RawRead.USERS_FILTER, RawRead.userAttributes("memberOf"),
          e -> rows.addUser(e, groupByDn));
    }
    return rows;
  }

  private void addUser(SearchResultEntry e, Map<String, Integer> groupByDn) {
    Map<String, String> attributes = new LinkedHashMap<>();
    FIELDS.forEach((field, attribute) -> {
      String v = e.getAttributeValue(attribute);
      if (v != null && !v.isBlank()) {
        attributes.put(field, v.strip());
      }
    });
    String login = e.getAttributeValue("uid");
    StringBuilder fingerprint = new StringBuilder(login).append('\u0000').append(e.getDN());
    attributes.forEach((k, v) -> fingerprint.append(k).append('=').append(v).append('\u0000'));
    int position = users.size();
    for (String dn : values(e, "memberOf")) {
      Integer g = groupByDn.get(key(dn));
      if (g != null) {
        memberships.add(position, g);
        fingerprint.append(groups.get(g).externalId()).append('\u0001');
      }
    }
    users.add(new UserRow(UUID.randomUUID(), e.getAttributeValue("entryUUID"), login,
        Json.object(attributes), attributes.get(UserFields.EMAIL), attributes.get(UserFields.DISPLAY_NAME),
        e.getDN(), digest(fingerprint.toString())));
  }

  private static String[] values(SearchResultEntry e, String attribute) {
    String[] v = e.getAttributeValues(attribute);
    return v == null ? new String[0] : v;
  }

  private static String key(String dn) {
    return dn.toLowerCase(Locale.ROOT);
  }

  private static String digest(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(d, 18));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static Map<String, String> fields() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(UserFields.DISPLAY_NAME, "cn");
    m.put(UserFields.EMAIL, "mail");
    m.put(UserFields.PHONE, "telephoneNumber");
    m.put(UserFields.TITLE, "title");
    m.put(UserFields.COMPANY, "o");
    m.put(UserFields.GIVEN_NAME, "givenName");
    m.put(UserFields.FAMILY_NAME, "sn");
    m.put(UserFields.DEPARTMENT, "ou");
    return m;
  }
}
