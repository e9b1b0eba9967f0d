package org.roster.system;

import java.nio.file.Path;
import java.util.Map;

/** A fresh, empty database for one test: the datasource properties that reach it. */
interface TestDatabase extends AutoCloseable {

  /** Datasource properties; the same for every start of the server in one test. */
  Map<String, Object> properties();

  @Override
  void close();

  /** An H2 file in the test's data directory, as the server uses by default. */
  static TestDatabase h2(Path dataDir) {
    return new TestDatabase() {
      @Override
      public Map<String, Object> properties() {
        return Map.of(); // application.yml's default: <roster.data-dir>/roster
      }

      @Override
      public void close() {}

      @Override
      public String toString() {
        return "H2 in " + dataDir;
      }
    };
  }
}
