package io.crmkit.core.customer;

import io.crmkit.core.common.Require;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A typed predicate over customers: the one query language every {@link Customers} adapter
 * understands, evaluated in memory by {@link CriteriaEvaluator} and translated to parameterised
 * SQL by the JDBC adapter.
 *
 * <p>Criteria are plain data (records), never lambdas, so that they can be translated, logged and
 * compared. Build them with the static factories:
 *
 * <pre>{@code
 * Criteria vipsInBeijing = Criteria.and(
 *     Criteria.tierIs(ValueTier.VIP),
 *     Criteria.codeStartsWith("region", "11"));
 * }</pre>
 *
 * <p><b>Absent values.</b> Logic is two-valued: a test on a value the customer does not have
 * (no owner, no code in that dimension) is false, and its negation is true.
 *
 * <p><b>Ranges</b> include {@code from} and exclude {@code to}; either bound may be open. Text is
 * compared by Unicode code point, case-sensitively.
 *
 * <p><b>Lookups</b> ({@link #hasPhone}, {@link #hasEmail}, {@link #hasOrganisationIdentifier},
 * {@link #hasPersonIdentifier}, {@link #nameStartsWith}) compare normalised forms, defined once in
 * {@link LookupKey}: the value given is normalised when the criterion is built (an unusable value
 * is an {@link IllegalArgumentException} then, not an empty result later), and the customer's
 * values by {@link LookupKey#of}. A customer without any phone, e-mail or identifier fails the
 * lookup, and its negation holds, as with every absent value.
 */
public sealed interface Criteria {

  /** Matches every customer. */
  static Criteria all() {
    return MatchAll.INSTANCE;
  }

  static <T> Criteria eq(CustomerField<T> field, T value) {
    return new Equals<>(field, value);
  }

  @SafeVarargs
  static <T> Criteria in(CustomerField<T> field, T... values) {
    return new In<>(field, new LinkedHashSet<>(Arrays.asList(values)));
  }

  static <T> Criteria in(CustomerField<T> field, Set<T> values) {
    return new In<>(field, values);
  }

  /** {@code from <= value < to}; a {@code null} bound is open. */
  static <T extends Comparable<? super T>> Criteria between(CustomerField<T> field, T from, T to) {
    return new Range<>(field, from, to);
  }

  static <T extends Comparable<? super T>> Criteria atLeast(CustomerField<T> field, T from) {
    return new Range<>(field, from, null);
  }

  static <T extends Comparable<? super T>> Criteria below(CustomerField<T> field, T to) {
    return new Range<>(field, null, to);
  }

  static Criteria kindIs(CustomerKind kind) {
    return eq(CustomerField.KIND, kind);
  }

  static Criteria stageIs(LifecycleStage stage) {
    return eq(CustomerField.STAGE, stage);
  }

  static Criteria stageIn(LifecycleStage... stages) {
    return in(CustomerField.STAGE, stages);
  }

  static Criteria tierIs(ValueTier tier) {
    return eq(CustomerField.TIER, tier);
  }

  static Criteria ownerIs(String owner) {
    return eq(CustomerField.OWNER, owner);
  }

  /** Created in {@code [from, to)}. */
  static Criteria createdBetween(Instant from, Instant to) {
    return between(CustomerField.CREATED_AT, from, to);
  }

  /** Last updated in {@code [from, to)}. */
  static Criteria updatedBetween(Instant from, Instant to) {
    return between(CustomerField.UPDATED_AT, from, to);
  }

  /** The customer's code in {@code dimension} is exactly {@code code}. */
  static Criteria codeIs(String dimension, String code) {
    return eq(CustomerField.dimension(dimension), code);
  }

  /**
   * The customer's code in {@code dimension} starts with {@code prefix}: with hierarchical codes,
   * "is in this branch" (region {@code 11} is Beijing and everything in it).
   */
  static Criteria codeStartsWith(String dimension, String prefix) {
    return new CodePrefix(dimension, prefix);
  }

  static Criteria hasTag(String tag) {
    return new HasTag(tag);
  }

  /** The custom attribute {@code name} has exactly {@code value} (same type, same value). */
  static Criteria attributeIs(String name, AttributeValue value) {
    return new AttributeEquals(name, value);
  }

  /**
   * The customer has this phone number among its {@link ContactPoint.Channel#PHONE PHONE} contact
   * points, compared in E.164: {@code 138 1234 5678} with region {@code CN} finds {@code
   * +8613812345678}.
   *
   * @param defaultRegion ISO 3166-1 alpha-2 region of a number written without country code
   * @throws IllegalArgumentException if the number is not a valid number of that region
   */
  static Criteria hasPhone(String number, String defaultRegion) {
    return new HasKey(LookupKey.phone(number, defaultRegion));
  }

  /**
   * The customer has this phone number, written with its country code ({@code +86 138-1234-5678})
   * or in E.164.
   *
   * @throws IllegalArgumentException if the number is not a valid international number
   */
  static Criteria hasPhone(String internationalNumber) {
    return new HasKey(LookupKey.phone(internationalNumber));
  }

  /**
   * The customer has this e-mail address among its {@link ContactPoint.Channel#EMAIL EMAIL}
   * contact points: trimmed, the local part exactly as written, the domain in any case.
   *
   * @throws IllegalArgumentException if the address has no local part, {@code @} and domain
   */
  static Criteria hasEmail(String address) {
    return new HasKey(LookupKey.email(address));
  }

  /**
   * The customer has an organisation identifier of this scheme (exact) whose value equals {@code
   * value} in upper case without spaces and dashes.
   *
   * @throws IllegalArgumentException if the scheme is blank or too long, or the value empty
   */
  static Criteria hasOrganisationIdentifier(String scheme, String value) {
    return new HasKey(LookupKey.organisationIdentifier(scheme, value));
  }

  /**
   * The customer has a person identifier of this scheme (exact) whose value equals {@code value} in
   * upper case without spaces and dashes, so a resident identity number ending in {@code x} finds
   * the one stored with {@code X}.
   *
   * @throws IllegalArgumentException if the scheme is blank or too long, or the value empty
   */
  static Criteria hasPersonIdentifier(String scheme, String value) {
    return new HasKey(LookupKey.personIdentifier(scheme, value));
  }

  /**
   * Name search: the display name, the legal name, the family name or the given name starts with
   * {@code prefix}, ignoring case and the difference between full-width and half-width forms (both
   * sides normalised by {@link LookupKey#name}). {@code "wang"} finds 王 only through a display name
   * written in Latin letters; {@code "ＡＢＣ"} finds "abc Trading".
   *
   * @throws IllegalArgumentException if the prefix is empty once normalised, longer than {@value
   *     LookupKey#MAX_NAME_LENGTH} characters, or holds NUL or an unpaired surrogate
   */
  static Criteria nameStartsWith(String prefix) {
    return new NameStartsWith(prefix);
  }

  /**
   * Criteria over the computed metric {@code name} of customers (lifetime value, P(alive), an RFM
   * segment, any metric stored through the metrics capability), finished by a test:
   *
   * <pre>{@code
   * Criteria.metric("clv").greaterThan(500)
   * Criteria.metric("p_alive").between(0.2, 0.5)
   * }</pre>
   *
   * <p>A customer without a value of the metric fails every test (and its negation holds); a
   * number test on a text value, or a text test on a number, fails as well. Querying needs a store
   * with the metrics capability attached; without it a query with a metric criterion throws
   * {@link MetricsUnavailableException} rather than answer as if nobody had the metric.
   *
   * @throws IllegalArgumentException if {@code name} is not a metric name ({@link
   *     MetricValue#checkName})
   */
  static OnMetric metric(String name) {
    return new OnMetric(name);
  }

  /** The text metric {@code name} is exactly {@code value}: {@code metricIs("rfm_segment", "Champions")}. */
  static Criteria metricIs(String name, String value) {
    return metric(name).is(value);
  }

  static Criteria and(Criteria... operands) {
    return new And(Arrays.asList(operands));
  }

  static Criteria or(Criteria... operands) {
    return new Or(Arrays.asList(operands));
  }

  static Criteria not(Criteria operand) {
    return new Not(operand);
  }

  default Criteria and(Criteria other) {
    return and(this, other);
  }

  default Criteria or(Criteria other) {
    return or(this, other);
  }

  default Criteria negate() {
    return not(this);
  }

  /** Matches every customer. */
  enum MatchAll implements Criteria {
    INSTANCE;

    @Override
    public String toString() {
      return "all";
    }
  }

  /** {@code field = value}. */
  record Equals<T>(CustomerField<T> field, T value) implements Criteria {
    public Equals {
      Objects.requireNonNull(field, "field");
      requireType(field, value);
    }
  }

  /** {@code field} is one of {@code values}. */
  record In<T>(CustomerField<T> field, Set<T> values) implements Criteria {
    public In {
      Objects.requireNonNull(field, "field");
      values.forEach(v -> requireType(field, v));
      values = Set.copyOf(values);
      Require.argument(!values.isEmpty(), "'in' needs at least one value for %s", field);
    }
  }

  /** {@code from <= field < to}, either bound open when {@code null}. */
  record Range<T extends Comparable<? super T>>(CustomerField<T> field, T from, T to) implements Criteria {
    public Range {
      Objects.requireNonNull(field, "field");
      Require.argument(field.ordered(), "%s has no order; use eq or in", field);
      Require.argument(from != null || to != null, "a range on %s needs at least one bound", field);
      if (from != null) {
        requireType(field, from);
      }
      if (to != null) {
        requireType(field, to);
      }
    }
  }

  /** The code in {@code dimension} starts with {@code prefix}. */
  record CodePrefix(String dimension, String prefix) implements Criteria {
    public CodePrefix {
      CustomerField.dimension(dimension);
      Objects.requireNonNull(prefix, "prefix");
      Require.argument(!prefix.isEmpty(), "a code prefix must not be empty");
    }
  }

  /** The customer has {@code tag}. */
  record HasTag(String tag) implements Criteria {
    public HasTag {
      Objects.requireNonNull(tag, "tag");
    }
  }

  /** The custom attribute {@code name} equals {@code value}. */
  record AttributeEquals(String name, AttributeValue value) implements Criteria {
    public AttributeEquals {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }
  }

  /** The customer has {@code key} among {@link LookupKey#of its lookup keys}. */
  record HasKey(LookupKey key) implements Criteria {
    public HasKey {
      Objects.requireNonNull(key, "key");
      Require.argument(!key.type().equals(LookupKey.NAME), "names are searched by prefix; use nameStartsWith");
    }
  }

  /**
   * A {@link LookupKey#NAME name key} of the customer starts with {@code prefix}; the prefix is
   * normalised by {@link LookupKey#name} when the criterion is built.
   */
  record NameStartsWith(String prefix) implements Criteria {
    public NameStartsWith {
      Objects.requireNonNull(prefix, "prefix");
      prefix = LookupKey.name(prefix);
      Require.argument(!prefix.isEmpty(), "a name prefix must not be empty");
      Require.argument(prefix.length() <= LookupKey.MAX_NAME_LENGTH,
          "a name prefix may have at most %s characters once normalised, got %s", LookupKey.MAX_NAME_LENGTH,
          prefix.length());
      Require.argument(LookupKey.isStorable(prefix), "a name prefix must not contain NUL or unpaired surrogates");
    }
  }

  /** The customer's value of the computed metric {@code name} passes {@code condition}. */
  record Metric(String name, MetricCondition condition) implements Criteria {
    public Metric {
      MetricValue.checkName(name);
      Objects.requireNonNull(condition, "condition");
    }
  }

  /** What a {@link Metric} criterion asks of a customer's metric value. */
  sealed interface MetricCondition {

    /** Whether {@code value} passes. */
    boolean test(MetricValue value);

    /**
     * A number within bounds; a {@code null} bound is open. Inclusive bounds are {@code >=} and
     * {@code <=}, exclusive ones {@code >} and {@code <}.
     */
    record NumberRange(Double lower, boolean lowerInclusive, Double upper, boolean upperInclusive)
        implements MetricCondition {
      public NumberRange {
        Require.argument(lower != null || upper != null, "a metric range needs at least one bound");
        Require.argument(lower == null || Double.isFinite(lower), "a metric bound must be finite, got %s", lower);
        Require.argument(upper == null || Double.isFinite(upper), "a metric bound must be finite, got %s", upper);
        Require.argument(lower == null || upper == null || lower <= upper,
            "a metric range's lower bound %s is above its upper bound %s", lower, upper);
        // -0.0 becomes 0.0 (a bound of 0 either way), so that equal ranges are equal records.
        lower = lower == null || lower != 0 ? lower : Double.valueOf(0.0);
        upper = upper == null || upper != 0 ? upper : Double.valueOf(0.0);
      }

      @Override
      public boolean test(MetricValue value) {
        if (!(value instanceof MetricValue.Number number)) {
          return false;
        }
        double v = number.value();
        return (lower == null || (lowerInclusive ? v >= lower : v > lower))
            && (upper == null || (upperInclusive ? v <= upper : v < upper));
      }
    }

    /** A text equal to one of {@code values} (exactly, by code point). */
    record TextIn(Set<String> values) implements MetricCondition {
      public TextIn {
        values = Set.copyOf(values);
        Require.argument(!values.isEmpty(), "a metric text test needs at least one value");
        values.forEach(MetricValue::text);
      }

      @Override
      public boolean test(MetricValue value) {
        return value instanceof MetricValue.Text text && values.contains(text.value());
      }
    }

    /** Any value: the customer has the metric. */
    enum Present implements MetricCondition {
      INSTANCE;

      @Override
      public boolean test(MetricValue value) {
        return true;
      }
    }
  }

  /**
   * The tests of one computed metric, from {@link Criteria#metric}. Number tests take finite
   * values.
   */
  final class OnMetric {
    private final String name;

    private OnMetric(String name) {
      this.name = MetricValue.checkName(name);
    }

    /** {@code value > bound}. */
    public Criteria greaterThan(double bound) {
      return range(bound, false, null, false);
    }

    /** {@code value >= bound}. */
    public Criteria atLeast(double bound) {
      return range(bound, true, null, false);
    }

    /** {@code value < bound}. */
    public Criteria lessThan(double bound) {
      return range(null, false, bound, false);
    }

    /** {@code value <= bound}. */
    public Criteria atMost(double bound) {
      return range(null, false, bound, true);
    }

    /** {@code from <= value < to}, half-open as every range of {@link Criteria}. */
    public Criteria between(double from, double to) {
      return range(from, true, to, false);
    }

    /** {@code value == number} ({@code 0.0} and {@code -0.0} are one number). */
    public Criteria equalTo(double number) {
      return range(number, true, number, true);
    }

    /** The text value is exactly {@code text}. */
    public Criteria is(String text) {
      return new Metric(name, new MetricCondition.TextIn(Set.of(Objects.requireNonNull(text, "text"))));
    }

    /** The text value is one of {@code texts}. */
    public Criteria in(String... texts) {
      return new Metric(name, new MetricCondition.TextIn(new LinkedHashSet<>(Arrays.asList(texts))));
    }

    /** The customer has a value of the metric, of either kind. */
    public Criteria present() {
      return new Metric(name, MetricCondition.Present.INSTANCE);
    }

    private Criteria range(Double lower, boolean lowerInclusive, Double upper, boolean upperInclusive) {
      return new Metric(name, new MetricCondition.NumberRange(lower, lowerInclusive, upper, upperInclusive));
    }
  }

  /**
   * A query with a {@link Metric} criterion ran on a store without the metrics capability: attach
   * it ({@code InMemoryExtensions.metrics()}, {@code JdbcMetrics.extension()}) before querying.
   * Thrown instead of an empty answer, which would be wrong for a negated criterion and silent for
   * every other.
   */
  final class MetricsUnavailableException extends io.crmkit.core.common.CrmException {
    private static final long serialVersionUID = 1L;

    public MetricsUnavailableException(String store) {
      super("criteria over computed metrics need the metrics capability, which " + store
          + " does not have: attach it first (InMemoryExtensions.metrics() or JdbcMetrics.extension())");
    }
  }

  /** Every operand matches; an empty {@code and} matches everything. */
  record And(List<Criteria> operands) implements Criteria {
    public And {
      operands = List.copyOf(operands);
    }
  }

  /** At least one operand matches; an empty {@code or} matches nothing. */
  record Or(List<Criteria> operands) implements Criteria {
    public Or {
      operands = List.copyOf(operands);
    }
  }

  /** The operand does not match. */
  record Not(Criteria operand) implements Criteria {
    public Not {
      Objects.requireNonNull(operand, "operand");
    }
  }

  private static void requireType(CustomerField<?> field, Object value) {
    Objects.requireNonNull(value, () -> "value for " + field);
    Require.argument(field.type().isInstance(value), "%s takes %s values, got %s", field,
        field.type().getSimpleName(), value.getClass().getSimpleName());
  }
}
