package org.roster.application.port.out;

import java.util.function.Function;

/**
 * Database transactions. Store calls made inside {@link #inTransaction} on the same thread join
 * it, except those a store documents as running in their own transaction (run history and its
 * report, which must survive a rollback).
 */
public interface Transactions {

  /**
   * Runs {@code work} in one transaction on the calling thread: committed when it returns, unless
   * it called {@link Tx#setRollbackOnly()}; rolled back when it throws (the exception propagates).
   */
  <T> T inTransaction(Function<Tx, T> work);

  /** A running transaction. */
  interface Tx {
    /** Rolls the transaction back when the work returns (dry run, tripped threshold). */
    void setRollbackOnly();
  }
}
