package org.roster.application.port.in;

import org.roster.application.port.out.Page;
import org.roster.application.port.out.PageRequest;
import org.roster.domain.identity.User;

/**
 * The licence pool (DESIGN rule 11): its limit, its usage, the users BLOCKED for lack of a seat,
 * and the explicit release of seats to them.
 */
public interface ManageLicencesUseCase {

  LicenceOverview overview();

  /**
   * Sets the seat limit; null makes the pool unlimited. A limit below the seats held is allowed:
   * users holding a seat keep it, and no new seat is handed out until enough are freed.
   *
   * @throws InvalidRequestException ("limit") for a negative limit
   */
  LicenceOverview setLimit(Integer limit, String actor);

  /** The BLOCKED users in the order they get seats: first blocked first. */
  Page<User> blocked(PageRequest page);

  /**
   * Activates BLOCKED users first-come first-served while seats are free, in one transaction with
   * the pool locked (as a run does), each activation audited with the admin as actor. A BLOCKED
   * user is one its last run found in scope (a run moves users it finds disabled or gone out of
   * BLOCKED), so the queue holds the users waiting for a seat.
   */
  SeatReleaseResult release(String actor);
}
