package org.roster.application.port.in;

import java.util.List;
import org.roster.domain.identity.User;

/**
 * What an admin's release did: the users it activated, first-come first, and the pool after.
 */
public record SeatReleaseResult(List<User> released, LicenceOverview after) {
  public SeatReleaseResult {
    released = List.copyOf(released);
  }
}
