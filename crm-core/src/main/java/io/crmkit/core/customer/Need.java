package io.crmkit.core.customer;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.crmkit.core.common.NotBlankIfPresent;
import io.crmkit.core.common.PrintableText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Something the customer needs or asked for, so that sales and service can act on it: a
 * product interest, a service request, a recurring supply.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableNeed.class)
@JsonDeserialize(as = ImmutableNeed.class)
public interface Need {

  /** What kind of need, as a short code or word (for example {@code spare-parts}). */
  @NotBlank
  @Size(max = 64)
  @PrintableText
  String type();

  Optional<@NotBlankIfPresent @Size(max = 2000) @PrintableText(multiline = true) String> description();

  @NotNull
  Urgency urgency();

  @NotNull
  Frequency frequency();

  @Value.Default
  default Status status() {
    return Status.OPEN;
  }

  /** When the need was noticed. */
  Optional<LocalDate> identifiedOn();

  /** How soon the need must be met. */
  enum Urgency {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL
  }

  /** How often the need comes back. */
  enum Frequency {
    ONCE,
    OCCASIONAL,
    RECURRING,
    CONTINUOUS
  }

  /** Where the need stands. */
  enum Status {
    OPEN,
    IN_PROGRESS,
    MET,
    DROPPED
  }

  class Builder extends ImmutableNeed.Builder {}
}
