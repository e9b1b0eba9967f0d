package org.roster.application.port.in;

import java.util.List;
import org.roster.domain.identity.Group;
import org.roster.domain.identity.User;
import org.roster.domain.role.Role;

/** A user with the groups it is a direct member of and the roles it holds. */
public record UserDetails(User user, List<Group> groups, List<Role> roles) {}
