package org.roster.web.fake;

import java.util.List;
import org.roster.application.port.out.Page;
import org.roster.application.port.out.PageRequest;

/** Cuts a page out of a whole list. */
final class Pages {
  private Pages() {}

  static <T> Page<T> of(List<T> all, PageRequest request) {
    int from = (int) Math.min(request.offset(), all.size());
    int to = Math.min(from + request.size(), all.size());
    return new Page<>(all.subList(from, to), all.size(), request.page(), request.size());
  }
}
