package org.roster.application.port.in;

import org.roster.domain.identity.Group;

/** A group as a list shows it, with how many direct members it has. */
public record GroupSummary(Group group, int memberCount) {}
