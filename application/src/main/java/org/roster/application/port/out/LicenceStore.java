package org.roster.application.port.out;

import java.util.Optional;
import org.roster.domain.licence.LicencePool;

/** The licence pool. Joins the caller's transaction. */
public interface LicenceStore {

  /**
   * The pool, locking it until the caller's transaction ends so that two runs never hand out the
   * same free seat. With a limit it has the seats held now; an unlimited pool reports 0 held (a run
   * has nothing to decide with it, and counting reads every user).
   */
  LicencePool lockPool();

  /** The pool without locking, for display. */
  LicencePool pool();

  /** Sets the seat limit; empty = unlimited. */
  void setLimit(Optional<Integer> limit);
}
