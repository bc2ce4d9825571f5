package io.crmkit.core.dimension;

import io.crmkit.core.common.Require;
import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.CustomerDetails;
import io.crmkit.core.customer.Customers;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Counts of customers per code of one dimension, rolled up to any level of the scheme: counties
 * to prefectures to provinces.
 *
 * <p>One pass tallies the code each customer holds; {@link #at} then rolls the tally up. A
 * retired code counts under its successor when it has exactly one in force, otherwise under itself
 * (and so under its own ancestors). A code on a level that its line skips (a GB/T 2260 county
 * directly under a province has no prefecture) counts under its nearest ancestor above that
 * level, so totals always add up. Customers without a code, or with a code the scheme does not
 * know, are counted apart, never dropped.
 *
 * <p>Immutable once built.
 */
public final class DimensionRollup {
  private final DimensionScheme scheme;
  private final String dimension;
  private final Map<String, Long> held;
  private final Map<String, Long> unknown;
  private final long unclassified;
  private final long customers;

  private DimensionRollup(DimensionScheme scheme, String dimension, Map<String, Long> held, Map<String, Long> unknown,
      long unclassified, long customers) {
    this.scheme = scheme;
    this.dimension = dimension;
    this.held = Collections.unmodifiableMap(new TreeMap<>(held));
    this.unknown = Collections.unmodifiableMap(new TreeMap<>(unknown));
    this.unclassified = unclassified;
    this.customers = customers;
  }

  /**
   * Tallies the codes that {@code customers} hold in {@code dimension}.
   *
   * @throws IllegalArgumentException if {@code dimension} is blank
   */
  public static DimensionRollup count(DimensionScheme scheme, String dimension,
      Stream<? extends CustomerDetails> customers) {
    Objects.requireNonNull(scheme, "scheme");
    Require.notBlank(dimension, "dimension");
    Objects.requireNonNull(customers, "customers");
    Map<String, Long> held = new HashMap<>();
    Map<String, Long> unknown = new HashMap<>();
    Map<String, String> resolved = new HashMap<>();
    long[] counts = new long[2];
    customers.forEach(customer -> {
      counts[0]++;
      String code = customer.dimensionCodes().get(dimension);
      if (code == null) {
        counts[1]++;
        return;
      }
      String target = resolved.computeIfAbsent(code, c -> {
        Resolution resolution = scheme.resolve(c);
        if (resolution instanceof Resolution.NotFound) {
          return "";
        }
        return resolution.target().map(DimensionCode::code).orElse(c);
      });
      (target.isEmpty() ? unknown : held).merge(target.isEmpty() ? code : target, 1L, Long::sum);
    });
    return new DimensionRollup(scheme, dimension, held, unknown, counts[1], counts[0]);
  }

  /**
   * Tallies the customers in {@code customers} that match {@code criteria}, streaming them from
   * the port (and closing the stream).
   */
  public static DimensionRollup count(DimensionScheme scheme, String dimension, Customers customers, Criteria criteria) {
    Objects.requireNonNull(customers, "customers");
    Objects.requireNonNull(criteria, "criteria");
    try (Stream<? extends CustomerDetails> stream = customers.stream(criteria)) {
      return count(scheme, dimension, stream);
    }
  }

  /** The scheme counted against. */
  public DimensionScheme scheme() {
    return scheme;
  }

  /** The dimension counted. */
  public String dimension() {
    return dimension;
  }

  /** How many customers were counted. */
  public long customers() {
    return customers;
  }

  /** How many customers have no code in the dimension. */
  public long unclassified() {
    return unclassified;
  }

  /** Codes the scheme does not know (malformed, unknown, wrong check character), with their counts. */
  public Map<String, Long> unknown() {
    return unknown;
  }

  /** The codes customers hold (after resolving retired ones), with their counts, in code order. */
  public Map<String, Long> held() {
    return held;
  }

  /**
   * Counts rolled up to {@code level}, in code order. Every customer with a known code is in
   * exactly one row.
   *
   * @throws IllegalArgumentException if the scheme has no such level
   */
  public List<Row> at(String level) {
    scheme.structure().depthOfLevel(level);
    Map<String, Long> totals = new TreeMap<>();
    Map<String, DimensionCode> entries = new HashMap<>();
    held.forEach((code, count) -> {
      DimensionCode target = scheme.rollUp(code, level);
      entries.putIfAbsent(target.code(), target);
      totals.merge(target.code(), count, Long::sum);
    });
    return totals.entrySet().stream().map(e -> new Row(entries.get(e.getKey()), e.getValue())).toList();
  }

  /**
   * How many customers hold {@code code} or a code below it.
   *
   * @throws IllegalArgumentException if the scheme does not define {@code code}
   */
  public long within(String code) {
    DimensionCode branch = scheme.find(Objects.requireNonNull(code, "code"))
        .orElseThrow(() -> new IllegalArgumentException(scheme.check(code).describe()));
    long total = 0;
    for (Map.Entry<String, Long> entry : held.entrySet()) {
      if (entry.getKey().equals(branch.code())
          || scheme.ancestors(entry.getKey()).stream().anyMatch(a -> a.code().equals(branch.code()))) {
        total += entry.getValue();
      }
    }
    return total;
  }

  /**
   * One row of a roll-up.
   *
   * @param code the code counted under
   * @param customers how many customers count under it
   */
  public record Row(DimensionCode code, long customers) {
    public Row {
      Objects.requireNonNull(code, "code");
    }
  }
}
