package org.roster.application.port.in;

import org.roster.domain.licence.LicencePool;

/**
 * The licence pool as admins see it: its limit and the seats held ({@code pool}), and how many
 * users wait BLOCKED for a seat.
 */
public record LicenceOverview(LicencePool pool, long blocked) {}
