package org.roster.store;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.function.Function;
import org.roster.application.port.out.Transactions;

/**
 * {@link Transactions} on Micronaut's JDBC transaction manager, propagation REQUIRED: a nested call
 * joins the running transaction. {@link Tx#setRollbackOnly()} marks Micronaut's status, so the
 * transaction is rolled back, without an exception, when the work returns.
 */
@Singleton
public class MicronautTransactions implements Transactions {
  private final TransactionOperations<Connection> operations;

  public MicronautTransactions(TransactionOperations<Connection> operations) {
    this.operations = operations;
  }

  @Override
  public <T> T inTransaction(Function<Tx, T> work) {
    return operations.execute(
        TransactionDefinition.DEFAULT, status -> work.apply(status::setRollbackOnly));
  }
}
