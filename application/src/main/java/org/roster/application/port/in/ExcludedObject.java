package org.roster.application.port.in;

import org.roster.application.port.out.Exclusion;

/**
 * An exclusion with the excluded object's name (a user's login, a group's or role's name); the
 * name is null when the object no longer exists.
 */
public record ExcludedObject(Exclusion exclusion, String name) {}
