package io.crmkit.jdbc.internal;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A stream read one keyset page at a time: each page is fetched (on a connection held only for
 * that page) when the previous one is used up, so memory stays constant and nothing is held open
 * between pages.
 */
final class KeysetPages {
  private KeysetPages() {}

  /**
   * @param pageSize the size {@code nextPage} fetches; a shorter page is the last
   * @param nextPage the page after the given row ({@code null} for the first page), in key order
   */
  static <T> Stream<T> stream(int pageSize, Function<T, List<T>> nextPage) {
    Iterator<T> rows = new Iterator<>() {
      private List<T> page = List.of();
      private int next;
      private T last;
      private boolean exhausted;

      @Override
      public boolean hasNext() {
        if (next < page.size()) {
          return true;
        }
        if (exhausted) {
          return false;
        }
        page = nextPage.apply(last);
        next = 0;
        exhausted = page.size() < pageSize;
        if (!page.isEmpty()) {
          last = page.get(page.size() - 1);
        }
        return !page.isEmpty();
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return page.get(next++);
      }
    };
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(rows,
        Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.DISTINCT), false);
  }
}
