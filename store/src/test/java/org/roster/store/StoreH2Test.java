package org.roster.store;

import java.util.Map;

/** The store contract on H2 in PostgreSQL mode, in memory: the embedded default's engine. */
class StoreH2Test extends StoreContract {
  @Override
  protected Map<String, Object> datasource() {
    // application-test.yml configures H2; a name of its own keeps the database fresh.
    return Map.of(
        "datasources.default.url",
        "jdbc:h2:mem:store-h2-test;MODE=PostgreSQL;"
            + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
  }

  @Override
  protected boolean copies() {
    return false;
  }
}
