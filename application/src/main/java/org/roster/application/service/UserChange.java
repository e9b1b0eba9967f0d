package org.roster.application.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.roster.domain.identity.User;

/**
 * What applying one entry does to a user: the record before and after, the direct groups and
 * sync-given roles before and after. Collected per batch and written together.
 */
final class UserChange {
  final User before;
  User after;
  final Set<java.util.UUID> groupsBefore;
  Set<java.util.UUID> groupsAfter;
  final Set<java.util.UUID> rolesBefore;
  Set<java.util.UUID> rolesAfter;
  final Map<String, String> fieldsBefore = new LinkedHashMap<>();
  final Map<String, String> fieldsAfter = new LinkedHashMap<>();
  org.roster.domain.sync.EntryOutcome outcome = org.roster.domain.sync.EntryOutcome.UNCHANGED;
  String detail = "";

  UserChange(User before, User after, Set<java.util.UUID> groupsBefore, Set<java.util.UUID> rolesBefore) {
    this.before = before;
    this.after = after;
    this.groupsBefore = groupsBefore;
    this.groupsAfter = groupsBefore;
    this.rolesBefore = rolesBefore;
    this.rolesAfter = rolesBefore;
  }

  void field(String name, String oldValue, String newValue) {
    if (!java.util.Objects.equals(oldValue, newValue)) {
      fieldsBefore.put(name, oldValue == null ? "" : oldValue);
      fieldsAfter.put(name, newValue == null ? "" : newValue);
    }
  }

  boolean recordChanged() {
    return before == null || !before.equals(after);
  }
}
