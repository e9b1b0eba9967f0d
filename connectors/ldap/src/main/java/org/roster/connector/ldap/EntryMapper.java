package org.roster.connector.ldap;

import com.unboundid.ldap.sdk.Entry;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.roster.connector.api.EntryKind;
import org.roster.connector.api.MalformedEntryException;
import org.roster.connector.api.RejectedEntry;
import org.roster.connector.api.SourceGroup;
import org.roster.connector.api.SourceUser;

/**
 * Turns directory entries into Roster's entries with the profile's mapping. Attribute names are
 * kept in lower case, as UnboundID keys an entry's attributes, so that a look-up converts nothing.
 */
final class EntryMapper {
  private final LdapSettings settings;
  private final AttributeMapping mapping;
  private final boolean binaryGuidId;
  private final String idAttribute;
  private final String loginAttribute;
  private final String groupNameAttribute;
  private final String[] fields;
  private final String[] fieldAttributes;

  EntryMapper(LdapSettings settings) {
    this.settings = settings;
    this.mapping = settings.mapping();
    this.binaryGuidId = mapping.binaryGuidId();
    this.idAttribute = lowerCase(mapping.id());
    this.loginAttribute = lowerCase(mapping.login());
    this.groupNameAttribute = lowerCase(mapping.groupName());
    this.fields = mapping.fields().keySet().toArray(String[]::new);
    this.fieldAttributes = new String[fields.length];
    for (int i = 0; i < fields.length; i++) {
      fieldAttributes[i] = lowerCase(mapping.fields().get(fields[i]));
    }
  }

  private static String lowerCase(String attribute) {
    return attribute.toLowerCase(Locale.ROOT);
  }

  /**
   * The entry's immutable id: AD's GUID as its canonical string, or the id attribute's text.
   *
   * @throws MalformedEntryException when it is missing or not a GUID
   */
  String externalId(Entry entry) {
    if (binaryGuidId) {
      byte[] bytes = entry.getAttributeValueBytes(idAttribute);
      if (bytes == null) {
        throw new MalformedEntryException("id attribute '" + mapping.id() + "' is missing");
      }
      return ObjectGuid.render(bytes);
    }
    String id = entry.getAttributeValue(idAttribute);
    if (id == null || id.isBlank()) {
      throw new MalformedEntryException("id attribute '" + mapping.id() + "' is missing");
    }
    return id.strip();
  }

  /** The id when it can be read, for a rejection. */
  Optional<String> readableId(Entry entry) {
    try {
      return Optional.of(externalId(entry));
    } catch (MalformedEntryException e) {
      return Optional.empty();
    }
  }

  /**
   * A user entry with its direct groups' ids.
   *
   * @param groupIds an immutable set ({@code Set.of}) is taken as it is, another one copied
   */
  SourceUser user(Entry entry, Set<String> groupIds) {
    String id = externalId(entry);
    String login = entry.getAttributeValue(loginAttribute);
    if (login == null || login.isBlank()) {
      throw new MalformedEntryException("login attribute '" + mapping.login() + "' is missing");
    }
    String[] pairs = new String[fields.length * 2];
    int count = 0;
    for (int i = 0; i < fields.length; i++) {
      String value = entry.getAttributeValue(fieldAttributes[i]);
      if (value != null && !value.isBlank()) {
        pairs[2 * count] = fields[i];
        pairs[2 * count + 1] = value.strip();
        count++;
      }
    }
    boolean enabled = !settings.disabledRule().disabled(entry);
    return new SourceUser(
        id, login.strip(), entry.getDN(), enabled, immutableMap(pairs, count), groupIds);
  }

  /**
   * The first {@code count} key-value pairs as {@code Map.of} makes them, which {@code Map.copyOf}
   * (in {@code SourceUser}) returns as they are. A mapping has at most the eight {@link
   * org.roster.connector.api.UserFields}.
   */
  private static Map<String, String> immutableMap(String[] p, int count) {
    return switch (count) {
      case 0 -> Map.of();
      case 1 -> Map.of(p[0], p[1]);
      case 2 -> Map.of(p[0], p[1], p[2], p[3]);
      case 3 -> Map.of(p[0], p[1], p[2], p[3], p[4], p[5]);
      case 4 -> Map.of(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7]);
      case 5 -> Map.of(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9]);
      case 6 -> Map.of(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9], p[10], p[11]);
      case 7 ->
          Map.of(
              p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9], p[10], p[11], p[12],
              p[13]);
      case 8 ->
          Map.of(
              p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9], p[10], p[11], p[12],
              p[13], p[14], p[15]);
      default -> {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < count; i++) {
          map.put(p[2 * i], p[2 * i + 1]);
        }
        yield Map.copyOf(map);
      }
    };
  }

  /** A group entry with its direct parents' ids. */
  SourceGroup group(Entry entry, Set<String> parentIds) {
    return new SourceGroup(externalId(entry), groupName(entry), entry.getDN(), parentIds);
  }

  /** The group's name. */
  String groupName(Entry entry) {
    String name = entry.getAttributeValue(groupNameAttribute);
    if (name == null || name.isBlank()) {
      throw new MalformedEntryException(
          "group name attribute '" + mapping.groupName() + "' is missing");
    }
    return name.strip();
  }

  /** The attributes a user read asks for; {@code memberOf} too when groups are resolved by it. */
  Set<String> userAttributes(boolean withMemberOf) {
    Set<String> attributes = new LinkedHashSet<>(mapping.userAttributes());
    attributes.addAll(settings.disabledRule().attributes());
    if (withMemberOf) {
      attributes.add(MembershipAttribute.MEMBER_OF.attribute());
    }
    return attributes;
  }

  /** An entry rejected with the reason. */
  RejectedEntry rejection(EntryKind kind, Entry entry, MalformedEntryException e) {
    return new RejectedEntry(kind, entry.getDN(), readableId(entry), e.getMessage());
  }
}
