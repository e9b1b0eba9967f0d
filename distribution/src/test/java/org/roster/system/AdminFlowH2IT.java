package org.roster.system;

import java.nio.file.Path;

/** The admin API's system test on the embedded default: an H2 file in the data directory. */
class AdminFlowH2IT extends AdminFlowContract {
  @Override
  TestDatabase database(Path dataDir) {
    return TestDatabase.h2(dataDir);
  }
}
