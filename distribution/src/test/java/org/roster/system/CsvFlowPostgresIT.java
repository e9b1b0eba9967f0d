package org.roster.system;

import java.nio.file.Path;

/** The system test on a real PostgreSQL: a fresh database in the private test cluster. */
class CsvFlowPostgresIT extends CsvFlowContract {
  @Override
  TestDatabase database(Path dataDir) {
    return new PostgresDatabase();
  }
}
