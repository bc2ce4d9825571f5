package io.crmkit.core.customer;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * Evaluates {@link Criteria} and {@link Sort} against customers in memory. This is the reference
 * semantics: storage adapters must return exactly what this evaluator would.
 */
public final class CriteriaEvaluator {
  private static final Comparator<Customer> BY_ID = Comparator.comparing(Customer::id);

  /**
   * Where the evaluator reads customers' computed metrics ({@link Criteria.Metric}): the in-memory
   * metric store, or a map in a test.
   */
  @FunctionalInterface
  public interface MetricLookup {
    /** The value of {@code metric} of the customer {@code id}, if it has one. */
    Optional<MetricValue> value(CustomerId id, String metric);
  }

  private CriteriaEvaluator() {}

  /**
   * Whether {@code customer} matches {@code criteria}, which must not test computed metrics.
   *
   * @throws Criteria.MetricsUnavailableException if {@code criteria} tests a computed metric: use
   *     {@link #matches(Criteria, Customer, MetricLookup)}
   */
  public static boolean matches(Criteria criteria, Customer customer) {
    Objects.requireNonNull(criteria, "criteria");
    Objects.requireNonNull(customer, "customer");
    if (usesMetrics(criteria)) {
      throw new Criteria.MetricsUnavailableException("this evaluation");
    }
    return matches(criteria, customer, (id, metric) -> Optional.empty());
  }

  /**
   * Whether {@code customer} matches {@code criteria}, reading computed metrics from {@code
   * metrics}: a customer without a value of a tested metric fails the test.
   */
  public static boolean matches(Criteria criteria, Customer customer, MetricLookup metrics) {
    Objects.requireNonNull(criteria, "criteria");
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(metrics, "metrics");
    if (criteria instanceof Criteria.MatchAll) {
      return true;
    } else if (criteria instanceof Criteria.Equals<?> eq) {
      return valueOf(eq.field(), customer).map(eq.value()::equals).orElse(false);
    } else if (criteria instanceof Criteria.In<?> in) {
      return valueOf(in.field(), customer).map(in.values()::contains).orElse(false);
    } else if (criteria instanceof Criteria.Range<?> range) {
      return inRange(range, customer);
    } else if (criteria instanceof Criteria.CodePrefix prefix) {
      String code = customer.dimensionCodes().get(prefix.dimension());
      return code != null && code.startsWith(prefix.prefix());
    } else if (criteria instanceof Criteria.HasTag tag) {
      return customer.tags().contains(tag.tag());
    } else if (criteria instanceof Criteria.AttributeEquals attribute) {
      return attribute.value().equals(customer.attributes().get(attribute.name()));
    } else if (criteria instanceof Criteria.HasKey has) {
      return LookupKey.of(customer).contains(has.key());
    } else if (criteria instanceof Criteria.NameStartsWith name) {
      return LookupKey.of(customer).stream()
          .anyMatch(key -> key.type().equals(LookupKey.NAME) && key.value().startsWith(name.prefix()));
    } else if (criteria instanceof Criteria.Metric metric) {
      return metrics.value(customer.id(), metric.name()).map(metric.condition()::test).orElse(false);
    } else if (criteria instanceof Criteria.And and) {
      return and.operands().stream().allMatch(c -> matches(c, customer, metrics));
    } else if (criteria instanceof Criteria.Or or) {
      return or.operands().stream().anyMatch(c -> matches(c, customer, metrics));
    } else if (criteria instanceof Criteria.Not not) {
      return !matches(not.operand(), customer, metrics);
    }
    throw new IllegalArgumentException("unknown criteria type " + criteria.getClass().getName());
  }

  /** Whether {@code criteria} tests a computed metric anywhere, so that it needs the metrics capability. */
  public static boolean usesMetrics(Criteria criteria) {
    Objects.requireNonNull(criteria, "criteria");
    if (criteria instanceof Criteria.Metric) {
      return true;
    } else if (criteria instanceof Criteria.And and) {
      return and.operands().stream().anyMatch(CriteriaEvaluator::usesMetrics);
    } else if (criteria instanceof Criteria.Or or) {
      return or.operands().stream().anyMatch(CriteriaEvaluator::usesMetrics);
    } else if (criteria instanceof Criteria.Not not) {
      return usesMetrics(not.operand());
    }
    return false;
  }

  /** The order {@code sort} describes, ending with the id as a tie-breaker. */
  public static Comparator<Customer> comparator(Sort sort) {
    Comparator<Customer> order = null;
    for (Sort.Key key : sort.keys()) {
      Comparator<Customer> next = keyComparator(key);
      order = order == null ? next : order.thenComparing(next);
    }
    return order == null ? BY_ID : order.thenComparing(BY_ID);
  }

  /** The value of {@code field} on {@code customer}, empty when the customer has none. */
  public static <T> Optional<T> valueOf(CustomerField<T> field, Customer customer) {
    Object value = switch (field.name()) {
      case "id" -> customer.id();
      case "kind" -> customer.kind();
      case "displayName" -> customer.displayName();
      case "familyName" -> customer.personName().flatMap(PersonName::familyName).orElse(null);
      case "givenName" -> customer.personName().flatMap(PersonName::givenName).orElse(null);
      case "legalName" -> customer.legalName().orElse(null);
      case "owner" -> customer.owner().orElse(null);
      case "gender" -> customer.gender().orElse(null);
      case "birthDate" -> customer.birthDate().orElse(null);
      case "stage" -> customer.stage();
      case "tier" -> customer.tier().orElse(null);
      case "createdAt" -> customer.createdAt();
      case "updatedAt" -> customer.updatedAt();
      case "dimension" -> customer.dimensionCodes().get(field.dimensionKey().orElseThrow());
      default -> throw new IllegalArgumentException("unknown field " + field);
    };
    return Optional.ofNullable(field.type().cast(value));
  }

  private static <T extends Comparable<? super T>> boolean inRange(Criteria.Range<T> range, Customer customer) {
    Optional<T> value = valueOf(range.field(), customer);
    if (value.isEmpty()) {
      return false;
    }
    T v = value.get();
    return (range.from() == null || compare(v, range.from()) >= 0)
        && (range.to() == null || compare(v, range.to()) < 0);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Comparator<Customer> keyComparator(Sort.Key key) {
    Comparator<Comparable> values = CriteriaEvaluator::compare;
    if (key.direction() == Sort.Direction.DESCENDING) {
      values = values.reversed();
    }
    Comparator<Comparable> absentLast = Comparator.nullsLast(values);
    return (a, b) -> absentLast.compare(
        (Comparable) valueOf(key.field(), a).orElse(null),
        (Comparable) valueOf(key.field(), b).orElse(null));
  }

  /** Natural order, except text, which is compared by code point as databases' binary collations do. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compare(Comparable a, Comparable b) {
    if (a instanceof String x && b instanceof String y) {
      return compareCodePoints(x, y);
    }
    return a.compareTo(b);
  }

  /** Compares strings by Unicode code point (which is the UTF-8 byte order). */
  public static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int x = a.codePointAt(i);
      int y = b.codePointAt(j);
      if (x != y) {
        return Integer.compare(x, y);
      }
      i += Character.charCount(x);
      j += Character.charCount(y);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
