package io.crmkit.core.customer;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.crmkit.core.common.Require;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Instant;
import org.immutables.value.Value;

/**
 * A stored customer: its details plus identity, timestamps and the version used for optimistic
 * locking.
 *
 * <p>To change a customer, take the instance you read, change it with a wither or
 * {@code new Customer.Builder().from(customer)}, and save it: the save succeeds only if nobody
 * saved the customer in between (see {@link Customers#save}).
 */
@Value.Immutable
@JsonSerialize(as = ImmutableCustomer.class)
@JsonDeserialize(as = ImmutableCustomer.class)
public interface Customer extends CustomerDetails {

  @NotNull
  CustomerId id();

  /** How many times the customer was saved: 0 before the first save. */
  @PositiveOrZero
  long version();

  @NotNull
  Instant createdAt();

  @NotNull
  Instant updatedAt();

  Customer withVersion(long version);

  Customer withUpdatedAt(Instant updatedAt);

  Customer withStage(LifecycleStage stage);

  Customer withTier(ValueTier tier);

  Customer withOwner(String owner);

  Customer withDisplayName(String displayName);

  /**
   * This customer as changed at {@code now}: its {@code updatedAt} is {@code now}, or its creation
   * time if {@code now} is earlier (a clock set back, a host's clock behind the one that created it),
   * so that a change never dates before the customer.
   */
  default Customer touchedAt(Instant now) {
    return withUpdatedAt(updateTime(createdAt(), now));
  }

  /** When a customer created at {@code createdAt} counts as changed at {@code now}: never before its creation. */
  static Instant updateTime(Instant createdAt, Instant now) {
    return now.isBefore(createdAt) ? createdAt : now;
  }

  @Value.Check
  default void checkTimeline() {
    Require.state(!updatedAt().isBefore(createdAt()), "updatedAt %s is before createdAt %s for customer %s",
        updatedAt(), createdAt(), id());
  }

  class Builder extends ImmutableCustomer.Builder {}
}
