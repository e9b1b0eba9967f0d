package org.roster.store;

import java.util.Map;

/**
 * The store contract on a real PostgreSQL: a fresh database on the cluster of {@code
 * scripts/postgres.sh} (started if needed) or on the server {@code roster.it.postgres.url} names.
 * Fails, never skips, when there is no PostgreSQL.
 */
class StorePostgresIT extends StoreContract {
  @Override
  protected Map<String, Object> datasource() {
    return Map.of(
        "datasources.default.url", PostgresCluster.freshDatabase("roster_store_it"),
        "datasources.default.driver-class-name", "org.postgresql.Driver",
        "datasources.default.username", "postgres");
  }

  @Override
  protected boolean copies() {
    return true;
  }
}
