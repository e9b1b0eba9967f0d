package org.roster.system;

import java.nio.file.Path;

/** The LDAP system test on a real PostgreSQL: a fresh database in the private test cluster. */
class LdapFlowPostgresIT extends LdapFlowContract {
  @Override
  TestDatabase database(Path dataDir) {
    return new PostgresDatabase();
  }
}
