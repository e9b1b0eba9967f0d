package org.roster.system;

import java.nio.file.Path;

/** The system test on the embedded default: an H2 file in the data directory. */
class CsvFlowH2IT extends CsvFlowContract {
  @Override
  TestDatabase database(Path dataDir) {
    return TestDatabase.h2(dataDir);
  }
}
