package org.roster.connector.ldap;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fewest profile groups whose nested members are the nested members of all of them: the groups
 * no profile group contains, plus one group of each cycle not reachable from those. An in-chain
 * filter over these stays short even with thousands of groups.
 */
final class ChainRoots {
  private ChainRoots() {}

  /** DNs of the root groups, in catalog order. */
  static List<String> of(GroupCatalog catalog) {
    List<GroupCatalog.Group> groups = catalog.groups();
    Map<String, Integer> positionById = new HashMap<>();
    for (int i = 0; i < groups.size(); i++) {
      positionById.put(groups.get(i).externalId(), i);
    }
    List<List<Integer>> children = new ArrayList<>();
    groups.forEach(g -> children.add(new ArrayList<>()));
    List<Integer> roots = new ArrayList<>();
    for (int i = 0; i < groups.size(); i++) {
      Set<String> parents = catalog.parentIds(i);
      if (parents.isEmpty()) {
        roots.add(i);
      }
      for (String parent : parents) {
        Integer p = positionById.get(parent);
        if (p != null && p != i) {
          children.get(p).add(i);
        }
      }
    }
    boolean[] reached = new boolean[groups.size()];
    roots.forEach(r -> reach(r, children, reached));
    for (int i = 0; i < groups.size(); i++) {
      if (!reached[i]) {
        roots.add(i);
        reach(i, children, reached);
      }
    }
    return roots.stream().map(i -> groups.get(i).dn()).toList();
  }

  private static void reach(int start, List<List<Integer>> children, boolean[] reached) {
    Deque<Integer> todo = new ArrayDeque<>(List.of(start));
    while (!todo.isEmpty()) {
      int g = todo.pop();
      if (reached[g]) {
        continue;
      }
      reached[g] = true;
      children.get(g).forEach(todo::push);
    }
  }
}
