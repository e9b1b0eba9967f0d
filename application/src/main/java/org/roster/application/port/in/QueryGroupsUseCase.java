package org.roster.application.port.in;

import java.util.UUID;
import org.roster.application.port.out.GroupQuery;
import org.roster.application.port.out.Page;
import org.roster.application.port.out.PageRequest;

/** Browse the groups the directories sync (read-only: groups come from the directories). */
public interface QueryGroupsUseCase {

  /** Groups by name, each with its direct member count. */
  Page<GroupSummary> search(GroupQuery query, PageRequest page);

  /** @throws NotFoundException when there is no such group */
  GroupDetails get(UUID id);
}
