package io.crmkit.testkit.contract;

import io.crmkit.core.common.PageRequest;
import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.CriteriaEvaluator;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.Sort;
import java.util.Collection;
import java.util.List;

/** What a query must return, computed with the reference semantics of {@link CriteriaEvaluator}. */
final class ReferenceQuery {
  private ReferenceQuery() {}

  /** Every customer matching {@code criteria}, in {@code sort} order with ties broken by id. */
  static List<Customer> matching(Collection<Customer> customers, Criteria criteria, Sort sort) {
    return customers.stream()
        .filter(customer -> CriteriaEvaluator.matches(criteria, customer))
        .sorted(CriteriaEvaluator.comparator(sort))
        .toList();
  }

  /** The part of {@code sorted} that {@code page} asks for. */
  static List<Customer> window(List<Customer> sorted, PageRequest page) {
    return sorted.stream().skip(page.offset()).limit(page.limit()).toList();
  }
}
