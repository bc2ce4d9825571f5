package io.crmkit.privacy.access;

import io.crmkit.core.customer.Criteria;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Describes a query by its shape only: which fields, keys, attributes and metrics it tests, with
 * every compared value written {@code ?}. An export's audit entry says what was exported without
 * holding personal data (a lookup by phone number names the phone key, never the number).
 */
final class CriteriaDescription {
  private CriteriaDescription() {}

  static String of(Criteria criteria) {
    if (criteria instanceof Criteria.MatchAll) {
      return "all";
    } else if (criteria instanceof Criteria.Equals<?> equals) {
      return equals.field().name() + "=?";
    } else if (criteria instanceof Criteria.In<?> in) {
      return in.field().name() + " in ?";
    } else if (criteria instanceof Criteria.Range<?> range) {
      return range.field().name() + " in range ?";
    } else if (criteria instanceof Criteria.CodePrefix prefix) {
      return "code " + prefix.dimension() + " starts ?";
    } else if (criteria instanceof Criteria.HasTag) {
      return "tag=?";
    } else if (criteria instanceof Criteria.AttributeEquals attribute) {
      return "attribute " + attribute.name() + "=?";
    } else if (criteria instanceof Criteria.HasKey key) {
      return "key " + key.key().type() + "=?";
    } else if (criteria instanceof Criteria.NameStartsWith) {
      return "name starts ?";
    } else if (criteria instanceof Criteria.Metric metric) {
      return "metric " + metric.name() + " ?";
    } else if (criteria instanceof Criteria.And and) {
      return joined("and", and.operands());
    } else if (criteria instanceof Criteria.Or or) {
      return joined("or", or.operands());
    } else if (criteria instanceof Criteria.Not not) {
      return "not(" + of(not.operand()) + ")";
    }
    throw new IllegalArgumentException("unknown kind of criteria: " + criteria.getClass().getName());
  }

  private static String joined(String operator, List<Criteria> operands) {
    return operands.stream().map(CriteriaDescription::of).collect(Collectors.joining(", ", operator + "(", ")"));
  }
}
