package org.roster.application.port.out;

import java.util.UUID;
import org.roster.domain.identity.UserStatus;

/**
 * The little a run keeps in memory of each user a profile already synced, to skip unchanged
 * entries without reading them from the store and to find the ones the source no longer has.
 *
 * @param id Roster's id
 * @param externalId the source's id
 * @param status the current status
 * @param sourceHash what the source said last time (see {@code User#sourceHash})
 */
public record KnownUser(UUID id, String externalId, UserStatus status, String sourceHash) {}
