package io.crmkit.core.dimension.classify;

import io.crmkit.core.common.Rejection;
import io.crmkit.core.common.Violation;
import io.crmkit.core.customer.CustomerId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Turns a report's per-dimension items into one {@link Rejection} per customer. */
final class Rejections {
  private Rejections() {}

  /**
   * One rejection per customer, in the order customers first appear, with the violations of all
   * its items in item order.
   */
  static <T> List<Rejection> perCustomer(List<T> items, Function<T, CustomerId> customer,
      Function<T, List<Violation>> violations) {
    Map<CustomerId, List<Violation>> byCustomer = new LinkedHashMap<>();
    for (T item : items) {
      byCustomer.computeIfAbsent(customer.apply(item), id -> new ArrayList<>()).addAll(violations.apply(item));
    }
    List<Rejection> rejections = new ArrayList<>(byCustomer.size());
    byCustomer.forEach((id, reasons) -> rejections.add(Rejection.of(id.toString(), reasons)));
    return List.copyOf(rejections);
  }
}
