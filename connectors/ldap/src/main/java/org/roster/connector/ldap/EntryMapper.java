package org.roster.connector.ldap;

import com.unboundid.ldap.sdk.Entry;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.roster.connector.api.EntryKind;
import org.roster.connector.api.MalformedEntryException;
import org.roster.connector.api.RejectedEntry;
import org.roster.connector.api.SourceGroup;
import org.roster.connector.api.SourceUser;

/** Turns directory entries into Roster's entries with the profile's mapping. */
final class EntryMapper {
  private final LdapSettings settings;
  private final AttributeMapping mapping;

  EntryMapper(LdapSettings settings) {
    this.settings = settings;
    this.mapping = settings.mapping();
  }

  /**
   * The entry's immutable id: AD's GUID as its canonical string, or the id attribute's text.
   *
   * @throws MalformedEntryException when it is missing or not a GUID
   */
  String externalId(Entry entry) {
    if (mapping.binaryGuidId()) {
      byte[] bytes = entry.getAttributeValueBytes(mapping.id());
      if (bytes == null) {
        throw new MalformedEntryException("id attribute '" + mapping.id() + "' is missing");
      }
      return ObjectGuid.render(bytes);
    }
    String id = entry.getAttributeValue(mapping.id());
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

  /** A user entry with its direct groups' ids. */
  SourceUser user(Entry entry, Set<String> groupIds) {
    String id = externalId(entry);
    String login = entry.getAttributeValue(mapping.login());
    if (login == null || login.isBlank()) {
      throw new MalformedEntryException("login attribute '" + mapping.login() + "' is missing");
    }
    Map<String, String> attributes = new HashMap<>();
    mapping
        .fields()
        .forEach(
            (field, attribute) -> {
              String value = entry.getAttributeValue(attribute);
              if (value != null && !value.isBlank()) {
                attributes.put(field, value.strip());
              }
            });
    boolean enabled = !settings.disabledRule().disabled(entry);
    return new SourceUser(id, login.strip(), entry.getDN(), enabled, attributes, groupIds);
  }

  /** A group entry with its direct parents' ids. */
  SourceGroup group(Entry entry, Set<String> parentIds) {
    return new SourceGroup(externalId(entry), groupName(entry), entry.getDN(), parentIds);
  }

  /** The group's name. */
  String groupName(Entry entry) {
    String name = entry.getAttributeValue(mapping.groupName());
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
