package org.roster.connector.azure;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.function.Predicate;
import org.roster.connector.api.SourceDataException;

/**
 * Reads a Graph collection page by page, following {@code @odata.nextLink} until it is absent, and
 * hands each item of {@code value} to a consumer that may stop the read. Only one page is held at a
 * time.
 */
final class Pages {

  /**
   * How a read ended.
   *
   * @param complete false when the consumer stopped it
   * @param deltaLink the last page's {@code @odata.deltaLink} (delta queries), if it had one
   */
  record End(boolean complete, Optional<String> deltaLink) {}

  private Pages() {}

  /** Reads every page from {@code url}. */
  static End read(GraphClient graph, String step, String url, Predicate<JsonNode> item) {
    return pages(graph, step, url, GraphClient.Mode.READ, item).orElseThrow();
  }

  /**
   * Reads the pages of a search with the admin's filter, which Graph may refuse (400): that fails
   * as an invalid {@code q}, not as a broken source.
   */
  static End search(GraphClient graph, String step, String url, Predicate<JsonNode> item) {
    return pages(graph, step, url, GraphClient.Mode.SEARCH, item).orElseThrow();
  }

  /** Reads every page from a saved delta link; an expired one asks for a full sync. */
  static End resume(GraphClient graph, String step, String deltaLink, Predicate<JsonNode> item) {
    return pages(graph, step, deltaLink, GraphClient.Mode.RESUME, item).orElseThrow();
  }

  /** Reads every page from {@code url}, or nothing when Graph has no such collection (404). */
  static Optional<End> readIfFound(
      GraphClient graph, String step, String url, Predicate<JsonNode> item) {
    return pages(graph, step, url, GraphClient.Mode.FIND, item);
  }

  private static Optional<End> pages(
      GraphClient graph,
      String step,
      String url,
      GraphClient.Mode firstMode,
      Predicate<JsonNode> item) {
    String next = url;
    GraphClient.Mode mode = firstMode;
    while (true) {
      Optional<JsonNode> found = graph.get(step, next, mode);
      if (found.isEmpty()) {
        return Optional.empty();
      }
      JsonNode page = found.get();
      JsonNode value = page.get("value");
      if (value == null || !value.isArray()) {
        throw new SourceDataException(
            step
                + ": Graph's answer to GET "
                + GraphClient.describe(java.net.URI.create(next))
                + " has no 'value' array");
      }
      for (JsonNode element : value) {
        if (!item.test(element)) {
          return Optional.of(new End(false, Optional.empty()));
        }
      }
      JsonNode nextLink = page.get("@odata.nextLink");
      if (nextLink == null || !nextLink.isTextual()) {
        JsonNode deltaLink = page.get("@odata.deltaLink");
        return Optional.of(
            new End(
                true,
                deltaLink != null && deltaLink.isTextual()
                    ? Optional.of(deltaLink.asText())
                    : Optional.empty()));
      }
      next = nextLink.asText();
      mode = GraphClient.Mode.READ;
    }
  }
}
