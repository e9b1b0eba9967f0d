package org.roster.application.port.out;

import java.util.Optional;
import org.roster.domain.licence.LicencePool;

/** The licence pool. Joins the caller's transaction. */
public interface LicenceStore {

  /**
   * The pool (limit and seats held), locking it until the caller's transaction ends so that two
   * runs never hand out the same free seat.
   */
  LicencePool lockPool();

  /** The pool without locking, for display. */
  LicencePool pool();

  /** Sets the seat limit; empty = unlimited. */
  void setLimit(Optional<Integer> limit);
}
