package org.roster.connector.ldap;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.DeleteRequest;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SubtreeDeleteRequestControl;
import java.util.HashMap;
import java.util.Map;

/** Admin access to the Samba AD DC for ITs: OUs of one test made and removed. */
final class SambaDirectory {
  private final TestServers.Server server;

  SambaDirectory(TestServers.Server server) {
    this.server = server;
  }

  String base() {
    return server.env("ROSTER_SAMBA_BASE_DN");
  }

  LDAPConnection admin() {
    try {
      LDAPConnection c =
          new LDAPConnection(
              server.env("ROSTER_SAMBA_HOST"), Integer.parseInt(server.env("ROSTER_SAMBA_PORT")));
      c.bind(server.env("ROSTER_SAMBA_BIND_DN"), server.env("ROSTER_SAMBA_BIND_PASSWORD"));
      return c;
    } catch (LDAPException e) {
      throw new IllegalStateException("cannot bind to Samba as Administrator", e);
    }
  }

  /** Deletes every OU under the base whose name starts with the prefix (subtree delete). */
  void deleteOus(LDAPConnection admin, String prefix) throws LDAPException {
    for (SearchResultEntry ou :
        admin
            .search(base(), SearchScope.ONE, Filter.createSubInitialFilter("ou", prefix), "1.1")
            .getSearchEntries()) {
      DeleteRequest delete = new DeleteRequest(ou.getDN());
      delete.addControl(new SubtreeDeleteRequestControl(true));
      admin.delete(delete);
    }
  }

  /** Creates an OU (and returns its DN), with people and groups sub-OUs. */
  String createOu(LDAPConnection admin, String name) throws LDAPException {
    String dn = "OU=" + name + "," + base();
    admin.add(dn, new com.unboundid.ldap.sdk.Attribute("objectClass", "organizationalUnit"));
    admin.add(
        "OU=people," + dn,
        new com.unboundid.ldap.sdk.Attribute("objectClass", "organizationalUnit"));
    admin.add(
        "OU=groups," + dn,
        new com.unboundid.ldap.sdk.Attribute("objectClass", "organizationalUnit"));
    return dn;
  }

  /** AD-flavoured settings reading one OU, bound as Administrator by UPN. */
  Map<String, Object> settings(String baseDn) {
    Map<String, Object> s = new HashMap<>();
    s.put("flavour", "activeDirectory");
    s.put("url", server.env("ROSTER_SAMBA_URL"));
    s.put("bindDn", server.env("ROSTER_SAMBA_BIND_UPN"));
    s.put("bindPassword", server.env("ROSTER_SAMBA_BIND_PASSWORD"));
    s.put("baseDn", baseDn);
    return s;
  }

  static boolean exists(LDAPConnection c, String dn) {
    try {
      return c.getEntry(dn, "1.1") != null;
    } catch (LDAPException e) {
      if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
        return false;
      }
      throw new IllegalStateException(e);
    }
  }

  static String rdnValue(String dn) {
    try {
      return new DN(dn).getRDN().getAttributeValues()[0];
    } catch (LDAPException e) {
      throw new IllegalStateException(e);
    }
  }
}
