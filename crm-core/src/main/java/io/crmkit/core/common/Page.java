package io.crmkit.core.common;

import java.util.List;
import java.util.Objects;

/**
 * One page of a query result.
 *
 * @param items the records on this page, at most {@code request.limit()}
 * @param request the page that was asked for
 * @param hasNext whether at least one more record follows this page
 * @param <T> the record type
 */
public record Page<T>(List<T> items, PageRequest request, boolean hasNext) {
  public Page {
    items = List.copyOf(items);
    Objects.requireNonNull(request, "request");
    Require.argument(items.size() <= request.limit(), "a page holds at most %s items, got %s",
        request.limit(), items.size());
  }

  /** The request for the page after this one. */
  public PageRequest nextRequest() {
    return request.next();
  }
}
