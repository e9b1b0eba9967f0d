package org.roster.application.port.out;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list.
 *
 * @param items the items of this page, in the list's order
 * @param total how many items the whole list has
 * @param page the page's number, from 0
 * @param size the page size asked for
 */
public record Page<T>(List<T> items, long total, int page, int size) {
  public Page {
    items = List.copyOf(items);
  }

  /** Cuts the requested page out of a whole list (a short one: roles, exclusions). */
  public static <T> Page<T> slice(List<T> all, PageRequest request) {
    int from = (int) Math.min(request.offset(), all.size());
    int to = Math.min(from + request.size(), all.size());
    return new Page<>(all.subList(from, to), all.size(), request.page(), request.size());
  }

  public <R> Page<R> map(Function<T, R> f) {
    return new Page<>(items.stream().map(f).toList(), total, page, size);
  }
}
