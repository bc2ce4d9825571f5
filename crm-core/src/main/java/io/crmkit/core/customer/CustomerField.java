package io.crmkit.core.customer;

import io.crmkit.core.common.Require;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer attribute that {@link Criteria} can test and {@link Sort} can order by, with the
 * Java type of its values. Fields are plain data (a name, a type, and for dimension codes the
 * dimension), so a storage adapter can translate them to columns.
 *
 * @param <T> the type of the field's values
 */
public final class CustomerField<T> {
  public static final CustomerField<CustomerId> ID = new CustomerField<>("id", CustomerId.class, null, true);
  public static final CustomerField<CustomerKind> KIND = new CustomerField<>("kind", CustomerKind.class, null, false);
  public static final CustomerField<String> DISPLAY_NAME = new CustomerField<>("displayName", String.class, null, true);
  public static final CustomerField<String> FAMILY_NAME = new CustomerField<>("familyName", String.class, null, true);
  public static final CustomerField<String> GIVEN_NAME = new CustomerField<>("givenName", String.class, null, true);
  public static final CustomerField<String> LEGAL_NAME = new CustomerField<>("legalName", String.class, null, true);
  public static final CustomerField<String> OWNER = new CustomerField<>("owner", String.class, null, true);
  public static final CustomerField<Gender> GENDER = new CustomerField<>("gender", Gender.class, null, false);
  public static final CustomerField<LocalDate> BIRTH_DATE = new CustomerField<>("birthDate", LocalDate.class, null, true);
  public static final CustomerField<LifecycleStage> STAGE = new CustomerField<>("stage", LifecycleStage.class, null, false);
  public static final CustomerField<ValueTier> TIER = new CustomerField<>("tier", ValueTier.class, null, false);
  public static final CustomerField<Instant> CREATED_AT = new CustomerField<>("createdAt", Instant.class, null, true);
  public static final CustomerField<Instant> UPDATED_AT = new CustomerField<>("updatedAt", Instant.class, null, true);

  /** Every fixed field (dimension-code fields are made with {@link #dimension}). */
  public static final List<CustomerField<?>> FIXED = List.of(ID, KIND, DISPLAY_NAME, FAMILY_NAME,
      GIVEN_NAME, LEGAL_NAME, OWNER, GENDER, BIRTH_DATE, STAGE, TIER, CREATED_AT, UPDATED_AT);

  private static final String DIMENSION = "dimension";

  private final String name;
  private final Class<T> type;
  private final String dimension;
  private final boolean ordered;

  private CustomerField(String name, Class<T> type, String dimension, boolean ordered) {
    this.name = name;
    this.type = type;
    this.dimension = dimension;
    this.ordered = ordered;
  }

  /**
   * The customer's code in {@code dimension} (see {@link CustomerDetails#dimensionCodes()}).
   * Text comparison is by Unicode code point.
   */
  public static CustomerField<String> dimension(String dimension) {
    Require.notBlank(dimension, "dimension");
    return new CustomerField<>(DIMENSION, String.class, dimension, true);
  }

  /** The field's name, as in {@link CustomerDetails} or {@link Customer}; {@code dimension} for codes. */
  public String name() {
    return name;
  }

  public Class<T> type() {
    return type;
  }

  /** The dimension, for a dimension-code field. */
  public Optional<String> dimensionKey() {
    return Optional.ofNullable(dimension);
  }

  /**
   * Whether values have a natural order that storage agrees on, so that ranges and sorting make
   * sense. Enumerations and names such as stages are unordered.
   */
  public boolean ordered() {
    return ordered;
  }

  /** Whether the value may be absent on a customer (everything but id, kind, name, stage, timestamps). */
  public boolean optional() {
    return !(this == ID || this == KIND || this == DISPLAY_NAME || this == STAGE
        || this == CREATED_AT || this == UPDATED_AT);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CustomerField<?> other && name.equals(other.name)
        && Objects.equals(dimension, other.dimension);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, dimension);
  }

  @Override
  public String toString() {
    return dimension == null ? name : name + "[" + dimension + "]";
  }
}
