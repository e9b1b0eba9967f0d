package org.roster.connector.ldap;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.roster.connector.testkit.TestGroup;
import org.roster.connector.testkit.TestPerson;

/**
 * Makes an LDAP container hold exactly a contract fixture's people and groups, changing entries in
 * place (modify, rename) so that their ids stay. The fixture id is kept in the entry ({@code
 * employeeNumber}/{@code employeeID} for people, {@code description} for groups).
 *
 * <p>OpenLDAP dialect: {@code uid=<login>} inetOrgPerson, disabled = {@code employeeType:
 * disabled}; groupOfNames {@code cn=<name>} (an empty one lists {@code cn=nobody}). AD dialect:
 * {@code CN=<fixture id>} user with sAMAccountName {@code <prefix><login>}, the login itself in
 * {@code employeeNumber} (sAMAccountNames are unique in the whole domain), userAccountControl 512
 * or 514; group {@code CN=<name>} with sAMAccountName {@code <prefix><fixture id>}.
 */
final class DirectorySeeder {
  enum Dialect {
    OPENLDAP,
    ACTIVE_DIRECTORY
  }

  static final String NOBODY = "cn=nobody";

  private final LDAPConnection admin;
  private final Dialect dialect;
  private final String people;
  private final String groups;
  private final String prefix;

  DirectorySeeder(
      LDAPConnection admin, Dialect dialect, String people, String groups, String prefix) {
    this.admin = admin;
    this.dialect = dialect;
    this.people = people;
    this.groups = groups;
    this.prefix = prefix;
  }

  private boolean ad() {
    return dialect == Dialect.ACTIVE_DIRECTORY;
  }

  private String personKey() {
    return ad() ? "employeeID" : "employeeNumber";
  }

  void seed(List<TestPerson> wanted, List<TestGroup> wantedGroups) throws LDAPException {
    Map<String, SearchResultEntry> existing = byFixtureId(people, personKey());
    Map<String, String> dnByName = new HashMap<>();
    Map<String, List<String>> membersByGroup = new LinkedHashMap<>();
    wantedGroups.forEach(g -> membersByGroup.put(g.name(), new ArrayList<>()));
    for (TestPerson p : wanted) {
      String dn = upsertPerson(p, existing.get(p.id()));
      for (String g : p.groups()) {
        membersByGroup.computeIfAbsent(g, k -> new ArrayList<>()).add(dn);
      }
      dnByName.put(p.id(), dn);
    }
    Map<String, SearchResultEntry> existingGroups = byFixtureId(groups, "description");
    for (TestGroup g : wantedGroups) {
      upsertGroup(g, membersByGroup.get(g.name()), existingGroups.get(g.id()));
    }
    Set<String> keepGroups = new LinkedHashSet<>();
    wantedGroups.forEach(g -> keepGroups.add(g.id()));
    for (Map.Entry<String, SearchResultEntry> e : existingGroups.entrySet()) {
      if (!keepGroups.contains(e.getKey())) {
        admin.delete(e.getValue().getDN());
      }
    }
    for (Map.Entry<String, SearchResultEntry> e : existing.entrySet()) {
      if (!dnByName.containsKey(e.getKey())) {
        removeFromGroups(e.getValue().getDN());
        admin.delete(e.getValue().getDN());
      }
    }
  }

  private Map<String, SearchResultEntry> byFixtureId(String base, String attribute)
      throws LDAPException {
    Map<String, SearchResultEntry> found = new LinkedHashMap<>();
    for (SearchResultEntry e :
        admin
            .search(base, SearchScope.ONE, Filter.createPresenceFilter(attribute), "*")
            .getSearchEntries()) {
      found.put(e.getAttributeValue(attribute), e);
    }
    return found;
  }

  private Map<String, String> personAttributes(TestPerson p) {
    Map<String, String> a = new LinkedHashMap<>();
    a.put("givenName", p.givenName());
    a.put("sn", p.familyName());
    a.put("mail", p.email());
    if (ad()) {
      a.put("sAMAccountName", prefix + p.login());
      a.put("employeeNumber", p.login());
      a.put("displayName", p.displayName());
      a.put("userAccountControl", p.enabled() ? "512" : "514");
    } else {
      a.put("uid", p.login());
      a.put("cn", p.displayName());
      a.put("employeeType", p.enabled() ? null : "disabled");
    }
    return a;
  }

  private String upsertPerson(TestPerson p, Entry current) throws LDAPException {
    Map<String, String> attributes = personAttributes(p);
    if (current == null) {
      String dn = personDn(p);
      List<Attribute> add = new ArrayList<>();
      add.add(
          new Attribute(
              "objectClass",
              ad()
                  ? new String[] {"top", "person", "organizationalPerson", "user"}
                  : new String[] {"top", "person", "organizationalPerson", "inetOrgPerson"}));
      add.add(new Attribute(personKey(), p.id()));
      attributes.forEach(
          (k, v) -> {
            if (v != null) {
              add.add(new Attribute(k, v));
            }
          });
      if (!ad()) {
        add.add(new Attribute("cn", p.displayName()));
      }
      admin.add(new Entry(dn, dedupe(add)));
      return dn;
    }
    String dn = current.getDN();
    if (!ad() && !p.login().equals(current.getAttributeValue("uid"))) {
      admin.modifyDN(dn, new RDN("uid", p.login()).toString(), true);
      dn = new DN(new RDN("uid", p.login()), new DN(dn).getParent()).toString();
    }
    List<Modification> mods = new ArrayList<>();
    for (Map.Entry<String, String> a : attributes.entrySet()) {
      if (a.getKey().equals("uid")) {
        continue;
      }
      String now = current.getAttributeValue(a.getKey());
      if (!Objects.equals(now, a.getValue())) {
        mods.add(
            a.getValue() == null
                ? new Modification(ModificationType.DELETE, a.getKey())
                : new Modification(ModificationType.REPLACE, a.getKey(), a.getValue()));
      }
    }
    if (!mods.isEmpty()) {
      admin.modify(dn, mods);
    }
    return dn;
  }

  private static List<Attribute> dedupe(List<Attribute> attributes) {
    Map<String, Attribute> merged = new LinkedHashMap<>();
    for (Attribute a : attributes) {
      merged.merge(a.getName().toLowerCase(), a, (x, y) -> Attribute.mergeAttributes(x, y));
    }
    return new ArrayList<>(merged.values());
  }

  private String personDn(TestPerson p) throws LDAPException {
    RDN rdn = ad() ? new RDN("CN", p.id()) : new RDN("uid", p.login());
    return new DN(rdn, new DN(people)).toString();
  }

  private void upsertGroup(TestGroup g, List<String> members, Entry current) throws LDAPException {
    List<String> values = new ArrayList<>(members);
    if (values.isEmpty() && !ad()) {
      values.add(NOBODY);
    }
    if (current == null) {
      String dn = new DN(new RDN("cn", g.name()), new DN(groups)).toString();
      List<Attribute> add = new ArrayList<>();
      add.add(
          new Attribute(
              "objectClass",
              ad() ? new String[] {"top", "group"} : new String[] {"top", "groupOfNames"}));
      add.add(new Attribute("cn", g.name()));
      add.add(new Attribute("description", g.id()));
      if (ad()) {
        add.add(new Attribute("sAMAccountName", prefix + g.id()));
      }
      if (!values.isEmpty()) {
        add.add(new Attribute("member", values));
      }
      admin.add(new Entry(dn, add));
      return;
    }
    Set<String> now = new LinkedHashSet<>();
    String[] present = current.getAttributeValues("member");
    if (present != null) {
      for (String v : present) {
        now.add(DnKey.of(v));
      }
    }
    Set<String> want = new LinkedHashSet<>();
    values.forEach(v -> want.add(DnKey.of(v)));
    if (!now.equals(want)) {
      admin.modify(
          current.getDN(),
          values.isEmpty()
              ? new Modification(ModificationType.DELETE, "member")
              : new Modification(
                  ModificationType.REPLACE, "member", values.toArray(String[]::new)));
    }
    if (!g.name().equals(current.getAttributeValue("cn"))) {
      admin.modifyDN(current.getDN(), new RDN("cn", g.name()).toString(), true);
    }
  }

  private void removeFromGroups(String dn) throws LDAPException {
    if (ad()) {
      return;
    }
    for (SearchResultEntry g :
        admin
            .search(groups, SearchScope.ONE, Filter.createEqualityFilter("member", dn), "member")
            .getSearchEntries()) {
      String[] values = g.getAttributeValues("member");
      if (values.length == 1) {
        admin.modify(g.getDN(), new Modification(ModificationType.REPLACE, "member", NOBODY));
      } else {
        admin.modify(g.getDN(), new Modification(ModificationType.DELETE, "member", dn));
      }
    }
  }
}
