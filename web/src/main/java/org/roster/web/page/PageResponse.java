package org.roster.web.page;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.function.Function;
import org.roster.application.port.out.Page;
import org.roster.application.port.out.PageRequest;

/**
 * One page of a list as every list endpoint returns it.
 *
 * @param items this page's items, in the list's order
 * @param page the page's number, from 0
 * @param size the page size asked for
 * @param total how many items the whole list has
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PageResponse<T>(List<T> items, int page, int size, long total) {
  /** The {@code size} query parameter's default; {@link PageRequest#MAX_SIZE} is the maximum. */
  public static final String DEFAULT_SIZE = "50";

  public static <D, T> PageResponse<T> from(Page<D> page, Function<D, T> toResponse) {
    return new PageResponse<>(
        page.items().stream().map(toResponse).toList(), page.page(), page.size(), page.total());
  }

  /** Pages a list the use case returns whole (a short one, such as the profiles). */
  public static <D, T> PageResponse<T> slice(
      List<D> all, PageRequest request, Function<D, T> toResponse) {
    int from = (int) Math.min(request.offset(), all.size());
    int to = Math.min(from + request.size(), all.size());
    return new PageResponse<>(
        all.subList(from, to).stream().map(toResponse).toList(),
        request.page(),
        request.size(),
        all.size());
  }
}
