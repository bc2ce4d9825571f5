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
