package org.roster.connector.ldap;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import java.util.Optional;
import org.roster.connector.api.SourceDataException;

/** Reads of the root DSE and of the naming context a base DN lies in. */
final class RootDse {
  private RootDse() {}

  /** The root DSE with the named attributes. */
  static Entry read(LDAPConnection connection, String step, String... attributes) {
    try {
      Entry root = connection.getEntry("", attributes);
      if (root == null) {
        throw new SourceDataException(step + ": the server does not show its root DSE");
      }
      return root;
    } catch (LDAPException e) {
      throw LdapFailures.translate(step, e);
    }
  }

  /** The naming context that holds {@code base}: the longest listed suffix of it. */
  static Optional<DN> namingContextOf(Entry root, DN base) {
    DN best = null;
    String[] contexts = root.getAttributeValues("namingContexts");
    if (contexts == null) {
      return Optional.empty();
    }
    for (String c : contexts) {
      if (!DN.isValidDN(c)) {
        continue;
      }
      DN dn = Scope.dn(c, "namingContexts");
      if (base.isDescendantOf(dn, true) && (best == null || dn.isDescendantOf(best, false))) {
        best = dn;
      }
    }
    return Optional.ofNullable(best);
  }
}
