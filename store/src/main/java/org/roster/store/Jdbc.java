package org.roster.store;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The stores' way to a JDBC connection, bound to Micronaut's transaction on the calling thread.
 * {@link SQLException}s leave as Micronaut Data's unchecked {@link DataAccessException}.
 */
@Singleton
final class Jdbc {

  /** Work on a connection. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Work on a connection that returns nothing. */
  @FunctionalInterface
  interface Action {
    void run(Connection connection) throws SQLException;
  }

  private static final TransactionDefinition OWN =
      TransactionDefinition.of(TransactionDefinition.Propagation.REQUIRES_NEW);

  private final TransactionOperations<Connection> transactions;

  Jdbc(TransactionOperations<Connection> transactions) {
    this.transactions = transactions;
  }

  /**
   * Runs {@code work} on the connection of the caller's transaction, or, when the thread has none,
   * in a transaction of its own. Joining does not go through the transaction manager, so a failure
   * propagates to the caller without marking its transaction rollback-only: the caller decides.
   */
  <T> T joined(Work<T> work) {
    if (transactions.findTransactionStatus().isPresent()) {
      return run(work, transactions.getConnection());
    }
    return transactions.execute(TransactionDefinition.DEFAULT, s -> run(work, s.getConnection()));
  }

  void joinedRun(Action action) {
    joined(
        c -> {
          action.run(c);
          return null;
        });
  }

  /**
   * Runs {@code work} in a new transaction on another connection, committed before this returns,
   * even when the caller's transaction on this thread is later rolled back.
   */
  <T> T separate(Work<T> work) {
    return transactions.execute(OWN, s -> run(work, s.getConnection()));
  }

  void separateRun(Action action) {
    separate(
        c -> {
          action.run(c);
          return null;
        });
  }

  private static <T> T run(Work<T> work, Connection connection) {
    try {
      return work.run(connection);
    } catch (SQLException e) {
      throw new DataAccessException(
          "SQL failed (SQLState " + e.getSQLState() + "): " + e.getMessage(), e);
    }
  }
}
