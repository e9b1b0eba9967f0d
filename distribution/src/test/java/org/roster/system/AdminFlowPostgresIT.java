package org.roster.system;

import java.nio.file.Path;

/** The admin API's system test on a real PostgreSQL: a fresh database in the private cluster. */
class AdminFlowPostgresIT extends AdminFlowContract {
  @Override
  TestDatabase database(Path dataDir) {
    return new PostgresDatabase();
  }
}
