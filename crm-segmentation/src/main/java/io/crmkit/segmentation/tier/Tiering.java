package io.crmkit.segmentation.tier;

import io.crmkit.core.common.Require;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.ValueTier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * Assigns every customer of a population exactly one tier, with its reason. Three policies:
 *
 * <ul>
 *   <li>{@link #byRules}: the first rule whose threshold the customer's metric reaches decides,
 *       rules on any metrics; nobody reached a rule: the fallback tier;
 *   <li>{@link #byQuantiles}: the top share of the population by a metric (top 20%, the next 30%,
 *       the rest), counted as {@code better / n} where {@code better} is the number of customers
 *       with a strictly higher value, so equal values always share a tier;
 *   <li>{@link #byParetoShare}: sorted by value (highest first, ties by id), the fewest customers
 *       who together hold a share of the total value (80%) form the top tier; only positive values
 *       count towards the total, so a customer with nothing or less never enters a top tier. Values
 *       are added up exactly, each as its shortest decimal form ({@link BigDecimal#valueOf(double)}),
 *       so 0.1 counts as one tenth, as a price does.
 * </ul>
 *
 * <p>Deterministic, and thread-safe (immutable) given thread-safe metrics and id functions.
 *
 * @param <T> what a customer's figures are read from, such as {@code RfmResult.CustomerRfm}
 */
public sealed interface Tiering<T> {

  /**
   * One assignment per customer of {@code population}, in its order.
   *
   * @throws IllegalArgumentException if a metric is not finite for a customer
   */
  List<TierAssignment> assign(List<? extends T> population);

  /** Starts a rule-based tiering over customers whose id {@code id} reads. */
  static <T> Rules.Builder<T> byRules(Function<? super T, CustomerId> id) {
    return new Rules.Builder<>(id);
  }

  /**
   * Quantile tiering: {@code labels.get(k)} for customers with fewer than {@code cumulativeShares[k] * n}
   * customers strictly better, the last label for the rest.
   *
   * @param cumulativeShares ascending, within (0, 1], one fewer than the labels: {@code 0.2, 0.5}
   *     with three labels puts the top 20% in the first tier, the next 30% in the second
   * @throws IllegalArgumentException if the shares are not as described
   */
  static <T> Tiering<T> byQuantiles(Function<? super T, CustomerId> id, TierMetric<? super T> metric,
      TierLabels labels, double... cumulativeShares) {
    return new Quantiles<>(id, metric, labels, cumulativeShares);
  }

  /**
   * Pareto tiering: tier {@code k} ends with the first customer (highest value first, ties by id) at
   * which the value held so far reaches {@code cumulativeShares[k]} of the total positive value;
   * the last label for the rest, and for everyone when no value is positive.
   *
   * @param cumulativeShares ascending, within (0, 1], one fewer than the labels: {@code 0.8} with
   *     two labels makes the top tier the fewest customers holding 80% of the value
   * @throws IllegalArgumentException if the shares are not as described
   */
  static <T> Tiering<T> byParetoShare(Function<? super T, CustomerId> id, TierMetric<? super T> metric,
      TierLabels labels, double... cumulativeShares) {
    return new Pareto<>(id, metric, labels, cumulativeShares);
  }

  private static double[] shares(TierLabels labels, double[] cumulativeShares) {
    Objects.requireNonNull(labels, "labels");
    double[] shares = cumulativeShares.clone();
    Require.argument(shares.length == labels.size() - 1, "%s tiers need %s cumulative shares, got %s",
        labels.size(), labels.size() - 1, Arrays.toString(shares));
    for (int k = 0; k < shares.length; k++) {
      Require.argument(shares[k] > 0 && shares[k] <= 1 && (k == 0 || shares[k] > shares[k - 1]),
          "cumulative shares must ascend within (0, 1], got %s", Arrays.toString(shares));
    }
    return shares;
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%s%%", TierAssignment.number(Math.round(share * 1e6) / 1e4));
  }

  /**
   * Rule-based tiering, see {@link Tiering#byRules}.
   *
   * @param id reads a customer's id
   * @param rules in order of precedence
   * @param fallback the tier of customers no rule places
   */
  record Rules<T>(Function<? super T, CustomerId> id, List<Rule<T>> rules, ValueTier fallback) implements Tiering<T> {
    public Rules {
      Objects.requireNonNull(id, "id");
      rules = List.copyOf(rules);
      Objects.requireNonNull(fallback, "fallback");
    }

    @Override
    public List<TierAssignment> assign(List<? extends T> population) {
      List<TierAssignment> assigned = new ArrayList<>(population.size());
      for (T customer : population) {
        assigned.add(assign(customer));
      }
      return assigned;
    }

    private TierAssignment assign(T customer) {
      CustomerId customerId = id.apply(customer);
      for (Rule<T> rule : rules) {
        double value = rule.metric().of(customer);
        if (value >= rule.atLeast()) {
          return new TierAssignment(customerId, rule.tier(), rule.metric().name(), value, rule.metric().name()
              + " >= " + TierAssignment.number(rule.atLeast()));
        }
      }
      Rule<T> last = rules.isEmpty() ? null : rules.get(rules.size() - 1);
      if (last == null) {
        return new TierAssignment(customerId, fallback, "none", 0, "no rules: every customer is " + fallback);
      }
      return new TierAssignment(customerId, fallback, last.metric().name(), last.metric().of(customer),
          "below every rule (the last: " + last.metric().name() + " >= " + TierAssignment.number(last.atLeast()) + ")");
    }

    /**
     * One rule: customers whose metric is at least the threshold get the tier.
     *
     * @param tier the tier
     * @param metric the metric compared
     * @param atLeast the threshold, inclusive
     */
    public record Rule<T>(ValueTier tier, TierMetric<? super T> metric, double atLeast) {
      public Rule {
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(metric, "metric");
        Require.argument(!Double.isNaN(atLeast), "a threshold must be a number");
      }
    }

    /** Collects rules in order of precedence. Not thread-safe. */
    public static final class Builder<T> {
      private final Function<? super T, CustomerId> id;
      private final List<Rule<T>> rules = new ArrayList<>();

      private Builder(Function<? super T, CustomerId> id) {
        this.id = Objects.requireNonNull(id, "id");
      }

      /** Customers whose {@code metric} is at least {@code threshold} get {@code tier}, unless an earlier rule placed them. */
      public Builder<T> rule(ValueTier tier, TierMetric<? super T> metric, double threshold) {
        rules.add(new Rule<>(tier, metric, threshold));
        return this;
      }

      /** The tiering, with {@code fallback} for customers no rule places. */
      public Tiering<T> otherwise(ValueTier fallback) {
        return new Rules<>(id, rules, fallback);
      }
    }
  }

  /** Quantile tiering, see {@link Tiering#byQuantiles}. */
  record Quantiles<T>(Function<? super T, CustomerId> id, TierMetric<? super T> metric, TierLabels labels,
      double[] cumulativeShares) implements Tiering<T> {
    public Quantiles {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(metric, "metric");
      cumulativeShares = shares(labels, cumulativeShares);
    }

    @Override
    public List<TierAssignment> assign(List<? extends T> population) {
      int n = population.size();
      double[] values = new double[n];
      for (int i = 0; i < n; i++) {
        values[i] = metric.of(population.get(i));
      }
      double[] sorted = values.clone();
      Arrays.sort(sorted);
      String[] tops = new String[cumulativeShares.length];
      for (int k = 0; k < tops.length; k++) {
        tops[k] = "top " + percent(cumulativeShares[k]) + " by " + metric.name();
      }
      String below = "below the top " + percent(cumulativeShares[tops.length - 1]) + " by " + metric.name();
      List<TierAssignment> assigned = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        int better = n - upperBound(sorted, values[i]);
        int rank = 0;
        while (rank < cumulativeShares.length && better >= cumulativeShares[rank] * n) {
          rank++;
        }
        String rule = (rank < cumulativeShares.length ? tops[rank] : below) + " (" + better + " of " + n + " higher)";
        assigned.add(new TierAssignment(id.apply(population.get(i)), labels.get(rank), metric.name(), values[i], rule));
      }
      return assigned;
    }

    /** The number of elements of ascending {@code sorted} at or below {@code value}. */
    private static int upperBound(double[] sorted, double value) {
      int low = 0;
      int high = sorted.length;
      while (low < high) {
        int mid = (low + high) >>> 1;
        if (Double.compare(sorted[mid], value) <= 0) {
          low = mid + 1;
        } else {
          high = mid;
        }
      }
      return low;
    }

    /** A copy of the cumulative shares. */
    @Override
    public double[] cumulativeShares() {
      return cumulativeShares.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Quantiles<?> q && id.equals(q.id) && metric.equals(q.metric) && labels.equals(q.labels)
          && Arrays.equals(cumulativeShares, q.cumulativeShares);
    }

    @Override
    public int hashCode() {
      return Objects.hash(id, metric, labels, Arrays.hashCode(cumulativeShares));
    }

    @Override
    public String toString() {
      return "Quantiles[" + metric.name() + ", " + labels.tiers() + ", " + Arrays.toString(cumulativeShares) + "]";
    }
  }

  /** Pareto tiering, see {@link Tiering#byParetoShare}. */
  record Pareto<T>(Function<? super T, CustomerId> id, TierMetric<? super T> metric, TierLabels labels,
      double[] cumulativeShares) implements Tiering<T> {
    public Pareto {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(metric, "metric");
      cumulativeShares = shares(labels, cumulativeShares);
    }

    @Override
    public List<TierAssignment> assign(List<? extends T> population) {
      int n = population.size();
      double[] values = new double[n];
      BigDecimal total = BigDecimal.ZERO;
      for (int i = 0; i < n; i++) {
        values[i] = metric.of(population.get(i));
        if (values[i] > 0) {
          total = total.add(BigDecimal.valueOf(values[i]));
        }
      }
      double[] descending = values.clone();
      Arrays.sort(descending);
      reverse(descending);
      int tiers = cumulativeShares.length;
      // ends[k]: how many customers, best first, are in tiers 0..k; the order's ties (by id) do not
      // change how much the first ends[k] customers hold, so the sorted values decide it
      int[] ends = new int[tiers];
      BigDecimal held = BigDecimal.ZERO;
      int position = 0;
      for (int k = 0; k < tiers; k++) {
        BigDecimal needed = total.multiply(BigDecimal.valueOf(cumulativeShares[k]));
        while (total.signum() > 0 && held.compareTo(needed) < 0) {
          held = held.add(BigDecimal.valueOf(descending[position]));
          position++;
        }
        ends[k] = position;
      }
      int[] ranks = ranks(population, values, descending, ends);
      String ofTotal = " of total " + metric.name() + " " + TierAssignment.number(total.doubleValue());
      String[] rules = new String[tiers + 1];
      for (int k = 0; k < tiers; k++) {
        rules[k] = "among the fewest customers holding " + percent(cumulativeShares[k]) + ofTotal;
      }
      rules[tiers] = "outside the fewest customers holding " + percent(cumulativeShares[tiers - 1]) + ofTotal;
      List<TierAssignment> assigned = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        assigned.add(new TierAssignment(id.apply(population.get(i)), labels.get(ranks[i]), metric.name(), values[i],
            rules[ranks[i]]));
      }
      return assigned;
    }

    /**
     * Each customer's tier: the first {@code k} whose {@code ends[k]} best customers (value
     * descending, ties by id) include them. Only customers tied at a boundary value need their ids.
     */
    private int[] ranks(List<? extends T> population, double[] values, double[] descending, int[] ends) {
      int n = values.length;
      int[] ranks = new int[n];
      Arrays.fill(ranks, ends.length);
      for (int k = ends.length - 1; k >= 0; k--) {
        if (ends[k] == 0) {
          continue;
        }
        double boundary = descending[ends[k] - 1];
        int above = 0;
        List<Integer> tied = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          int c = Double.compare(values[i], boundary);
          if (c > 0) {
            ranks[i] = k;
            above++;
          } else if (c == 0) {
            tied.add(i);
          }
        }
        tied.sort(Comparator.comparing(i -> id.apply(population.get(i)).value()));
        for (int t = 0; t < ends[k] - above; t++) {
          ranks[tied.get(t)] = k;
        }
      }
      return ranks;
    }

    private static void reverse(double[] values) {
      for (int i = 0, j = values.length - 1; i < j; i++, j--) {
        double v = values[i];
        values[i] = values[j];
        values[j] = v;
      }
    }

    /** A copy of the cumulative shares. */
    @Override
    public double[] cumulativeShares() {
      return cumulativeShares.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Pareto<?> p && id.equals(p.id) && metric.equals(p.metric) && labels.equals(p.labels)
          && Arrays.equals(cumulativeShares, p.cumulativeShares);
    }

    @Override
    public int hashCode() {
      return Objects.hash(id, metric, labels, Arrays.hashCode(cumulativeShares));
    }

    @Override
    public String toString() {
      return "Pareto[" + metric.name() + ", " + labels.tiers() + ", " + Arrays.toString(cumulativeShares) + "]";
    }
  }
}
