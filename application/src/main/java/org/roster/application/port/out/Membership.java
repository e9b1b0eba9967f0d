package org.roster.application.port.out;

import java.util.UUID;

/** A user's direct membership of a group. */
public record Membership(UUID userId, UUID groupId) {}
