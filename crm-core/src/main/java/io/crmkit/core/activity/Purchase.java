package io.crmkit.core.activity;

import io.crmkit.core.common.MoneyAmount;
import io.crmkit.core.common.NotBlankIfPresent;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.crmkit.core.common.PrintableText;
import io.crmkit.core.customer.CustomerId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;
import org.joda.money.Money;

/**
 * A purchase (order, invoice line, ticket) by a customer. A refund is a purchase with a negative
 * amount, usually pointing at the original order through {@link #orderReference()}.
 */
@Value.Immutable
@JsonSerialize(as = ImmutablePurchase.class)
@JsonDeserialize(as = ImmutablePurchase.class)
public interface Purchase extends Activity {
  /** The longest {@link #channel()}. */
  int MAX_CHANNEL_LENGTH = 64;
  /** The longest {@link #category()}. */
  int MAX_CATEGORY_LENGTH = 128;
  /** The longest {@link #orderReference()}. */
  int MAX_ORDER_REFERENCE_LENGTH = 128;

  @NotNull
  @Override
  ActivityId id();

  @NotNull
  @Override
  CustomerId customerId();

  @NotNull
  @Override
  Instant occurredAt();

  /** The amount with its currency; negative for refunds. */
  @NotNull
  @MoneyAmount
  Money amount();

  /** Where it was bought, as a channel code such as {@code online} or {@code store}. */
  @NotBlank
  @Size(max = MAX_CHANNEL_LENGTH)
  @PrintableText
  String channel();

  /** Product category, as the host system names it. */
  Optional<@NotBlankIfPresent @Size(max = MAX_CATEGORY_LENGTH) @PrintableText String> category();

  /** Units bought (or returned, for a refund). */
  @Value.Default
  @Positive
  default int quantity() {
    return 1;
  }

  /** The order or invoice number in the system that sold it. */
  Optional<@NotBlankIfPresent @Size(max = MAX_ORDER_REFERENCE_LENGTH) @PrintableText String> orderReference();

  /** Whether this is a refund (negative amount). Derived, so not written to JSON. */
  @JsonIgnore
  default boolean isRefund() {
    return amount().isNegative();
  }

  class Builder extends ImmutablePurchase.Builder {}
}
