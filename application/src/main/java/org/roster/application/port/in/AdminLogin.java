package org.roster.application.port.in;

import java.time.Duration;
import org.roster.domain.identity.AdminAccount;

/** The outcome of an admin's login with a password. */
public sealed interface AdminLogin {

  /** The password is right. */
  record Accepted(AdminAccount account) implements AdminLogin {}

  /** Unknown login or wrong password: the two are not told apart. */
  record Refused() implements AdminLogin {}

  /** Not checked: the login failed too often and is locked out for {@code retryAfter}. */
  record Throttled(Duration retryAfter) implements AdminLogin {}
}
