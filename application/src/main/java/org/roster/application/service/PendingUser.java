package org.roster.application.service;

import org.roster.connector.api.SourceUser;

/**
 * A source user that needs work: new or changed since the last run (full read), or not looked up
 * yet (incremental read). {@code hash} is its {@link SourceHash}.
 */
record PendingUser(SourceUser source, String hash) {}
