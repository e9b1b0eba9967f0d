package org.roster.system;

import java.nio.file.Path;

/** The LDAP system test on the embedded default: an H2 file in the data directory. */
class LdapFlowIT extends LdapFlowContract {
  @Override
  TestDatabase database(Path dataDir) {
    return TestDatabase.h2(dataDir);
  }
}
