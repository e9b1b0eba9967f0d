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

  public <R> Page<R> map(Function<T, R> f) {
    return new Page<>(items.stream().map(f).toList(), total, page, size);
  }
}
