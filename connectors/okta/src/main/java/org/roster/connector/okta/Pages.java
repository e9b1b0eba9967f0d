package org.roster.connector.okta;

import com.okta.sdk.resource.common.PagedList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.roster.connector.api.SourceDataException;

/**
 * Reads a listing page by page. The SDK does not follow Okta's {@code Link: <...>; rel="next"}
 * itself: each page it returns is a {@link PagedList} whose {@code getAfter()} is the next page's
 * cursor, null on the last page (see <a
 * href="https://developer.okta.com/docs/api/#pagination">pagination</a>).
 */
final class Pages {
  private Pages() {}

  /**
   * Calls {@code page} with a null cursor, then with each next cursor, and hands every item to
   * {@code each} until it returns false.
   *
   * @param page one SDK call for the page after the cursor
   * @return false when {@code each} asked to stop
   * @throws SourceDataException when Okta sends no list, or the same cursor twice
   */
  @SuppressWarnings("deprecation") // PagedList is the SDK's only access to the next-page cursor
  static <T> boolean forEach(
      Session session,
      String step,
      String endpoint,
      Function<String, List<T>> page,
      Predicate<T> each) {
    String after = null;
    do {
      String cursor = after;
      List<T> items = session.call(step, endpoint, () -> page.apply(cursor));
      if (items == null) {
        throw new SourceDataException(step + ": Okta sent an empty body for " + endpoint);
      }
      for (T item : items) {
        if (!each.test(item)) {
          return false;
        }
      }
      after = items instanceof PagedList<T> paged && paged.hasMoreItems() ? paged.getAfter() : null;
      if (after != null && after.equals(cursor)) {
        throw new SourceDataException(
            step + ": Okta sent the same page cursor twice for " + endpoint);
      }
    } while (after != null);
    return true;
  }
}
