package org.roster.application.service;

import org.roster.application.port.out.KnownUser;
import org.roster.connector.api.SourceUser;

/** A source user that needs work: new, or changed since the last run. */
record PendingUser(SourceUser source, KnownUser known, String hash) {}
