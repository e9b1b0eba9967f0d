package org.roster.application.port.out;

import java.util.UUID;

/**
 * A user holding a role.
 *
 * @param bySync true when a group binding gave it (a sync adds and removes these); false when an
 *     admin assigned it (a sync never touches these)
 */
public record RoleAssignment(UUID userId, UUID roleId, boolean bySync) {}
