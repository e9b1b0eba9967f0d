package org.roster.bench;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;

/**
 * Changes 1 % of the users through the running slapd, so that their {@code modifyTimestamp}
 * moves as it does for an admin's edit: the {@code title} of every 100th user of {@code
 * gen-openldap.py} ({@code uid=user000100}, {@code user000200}, ...).
 */
final class DirectoryChanges {
  private final BenchSettings settings;
  private final RawRead reader;

  DirectoryChanges(BenchSettings settings, RawRead reader) {
    this.settings = settings;
    this.reader = reader;
  }

  /** @return how many users were changed */
  int changeEveryHundredthTitle() {
    String title = "Benchmark title " + System.currentTimeMillis();
    int changed = 0;
    try (LDAPConnection c = reader.open()) {
      for (int i = 100; i <= settings.users(); i += 100) {
        String dn = String.format("uid=user%06d,%s", i, settings.peopleDn());
        c.modify(dn, new Modification(ModificationType.REPLACE, "title", title));
        changed++;
      }
    } catch (LDAPException e) {
      throw new IllegalStateException("cannot change titles: " + e.getMessage(), e);
    }
    return changed;
  }
}
