package org.roster;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.AddRequest;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.unboundidds.controls.IgnoreNoUserModificationRequestControl;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * {@code roster demo}'s embedded LDAP directory: an in-memory OpenLDAP-like server on loopback
 * with {@value #COUNT} people and four groups, one nested in another. Its entries carry fixed
 * {@code entryUUID}s, so the profile that reads it keeps the same users across restarts, although
 * the directory itself lives only as long as the process. Every person's password is {@value
 * #PASSWORD}, to try {@code POST /api/v1/auth/login}.
 */
final class DemoDirectory implements AutoCloseable {
  static final String BASE_DN = "dc=demo,dc=example";
  static final String BIND_DN = "cn=roster,dc=demo,dc=example";
  static final String PASSWORD = "demo-password";
  static final int COUNT = 30;

  private static final String[] GIVEN = {"Kai", "Lena", "Mateo", "Nora", "Oskar", "Priya"};
  private static final String[] FAMILY = {"Lindqvist", "Moreau", "Novak", "Okafor", "Petrov"};
  private static final String[] TEAMS = {"IT", "HR", "Facilities"};

  private final InMemoryDirectoryServer server;

  private DemoDirectory(InMemoryDirectoryServer server) {
    this.server = server;
  }

  /** Starts the directory on 127.0.0.1 and the given port (0: any free port). */
  static DemoDirectory start(int port) {
    try {
      InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE_DN);
      config.addAdditionalBindCredentials(BIND_DN, PASSWORD);
      config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("demo",
          InetAddress.getByName("127.0.0.1"), port, null));
      InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
      for (Entry e : entries()) {
        // entryUUID is operational: the control lets the fixed ids in
        AddRequest add = new AddRequest(e);
        add.addControl(new IgnoreNoUserModificationRequestControl());
        server.add(add);
      }
      server.startListening();
      return new DemoDirectory(server);
    } catch (LDAPException | UnknownHostException e) {
      throw new IllegalStateException("cannot start the demo directory on 127.0.0.1:" + port
          + " (set roster.demo.ldap-port to a free port): " + e.getMessage(), e);
    }
  }

  String url() {
    return "ldap://127.0.0.1:" + server.getListenPort();
  }

  /** The settings of an OpenLDAP-flavour profile that reads this directory. */
  Map<String, Object> profileSettings() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("flavour", "openldap");
    s.put("url", url());
    s.put("bindDn", BIND_DN);
    s.put("bindPassword", PASSWORD);
    s.put("baseDn", BASE_DN);
    s.put("membershipAttribute", "member");
    s.put("disabledRule", Map.of("type", "attributeEquals", "attribute", "employeeType",
        "value", "disabled"));
    return s;
  }

  private static List<Entry> entries() {
    List<Entry> entries = new ArrayList<>();
    entries.add(new Entry(BASE_DN, new Attribute("objectClass", "top", "domain"),
        new Attribute("dc", "demo")));
    entries.add(ou("people"));
    entries.add(ou("groups"));
    Map<String, List<String>> members = new LinkedHashMap<>();
    for (String team : TEAMS) {
      members.put(team, new ArrayList<>());
    }
    for (int i = 0; i < COUNT; i++) {
      String given = GIVEN[i % GIVEN.length];
      String family = FAMILY[(i / GIVEN.length) % FAMILY.length];
      String uid = (given + "." + family).toLowerCase(Locale.ROOT);
      String dn = "uid=" + uid + ",ou=people," + BASE_DN;
      String team = TEAMS[i % TEAMS.length];
      members.get(team).add(dn);
      entries.add(new Entry(dn,
          new Attribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson"),
          new Attribute("uid", uid),
          new Attribute("cn", given + " " + family),
          new Attribute("givenName", given),
          new Attribute("sn", family),
          new Attribute("mail", uid + "@demo.example"),
          new Attribute("title", team + (i % 4 == 0 ? " Lead" : " Specialist")),
          new Attribute("o", "Demo Ltd"),
          new Attribute("telephoneNumber", String.format("+1 555 01%02d", i)),
          new Attribute("employeeType", i % 10 == 7 ? "disabled" : "staff"),
          new Attribute("userPassword", PASSWORD),
          new Attribute("entryUUID", stableId(dn))));
    }
    for (Map.Entry<String, List<String>> team : members.entrySet()) {
      entries.add(group(team.getKey(), team.getValue()));
    }
    // "All Staff" holds the IT and HR groups: nested membership
    entries.add(group("All Staff", List.of(groupDn("IT"), groupDn("HR"))));
    return entries;
  }

  private static Entry ou(String name) {
    String dn = "ou=" + name + "," + BASE_DN;
    return new Entry(dn, new Attribute("objectClass", "top", "organizationalUnit"),
        new Attribute("ou", name), new Attribute("entryUUID", stableId(dn)));
  }

  private static Entry group(String name, List<String> memberDns) {
    String dn = groupDn(name);
    return new Entry(dn, new Attribute("objectClass", "top", "groupOfNames"),
        new Attribute("cn", name), new Attribute("member", memberDns),
        new Attribute("entryUUID", stableId(dn)));
  }

  private static String groupDn(String name) {
    return "cn=" + name + ",ou=groups," + BASE_DN;
  }

  private static String stableId(String dn) {
    return UUID.nameUUIDFromBytes(("roster-demo:" + dn).getBytes(StandardCharsets.UTF_8)).toString();
  }

  @Override
  public void close() {
    server.shutDown(true);
  }
}
