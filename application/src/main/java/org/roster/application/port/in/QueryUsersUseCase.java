package org.roster.application.port.in;

import java.util.UUID;
import org.roster.application.port.out.Page;
import org.roster.application.port.out.PageRequest;
import org.roster.application.port.out.UserQuery;
import org.roster.domain.identity.User;

/** Browse users. */
public interface QueryUsersUseCase {

  Page<User> search(UserQuery query, PageRequest page);

  /** @throws NotFoundException when there is no such user */
  UserDetails get(UUID id);
}
