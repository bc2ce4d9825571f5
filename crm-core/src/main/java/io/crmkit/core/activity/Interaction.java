package io.crmkit.core.activity;

import io.crmkit.core.common.NotBlankIfPresent;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.crmkit.core.common.PrintableText;
import io.crmkit.core.customer.CustomerId;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/** A contact between the company and a customer on any channel: a call, a visit, a chat, ... */
@Value.Immutable
@JsonSerialize(as = ImmutableInteraction.class)
@JsonDeserialize(as = ImmutableInteraction.class)
public interface Interaction extends Activity {
  /** The longest {@link #subject()}. */
  int MAX_SUBJECT_LENGTH = 200;
  /** The longest {@link #outcome()}. */
  int MAX_OUTCOME_LENGTH = 2000;
  /** The longest {@link #agent()}. */
  int MAX_AGENT_LENGTH = 128;

  @NotNull
  @Override
  ActivityId id();

  @NotNull
  @Override
  CustomerId customerId();

  @NotNull
  @Override
  Instant occurredAt();

  @NotNull
  Channel channel();

  @NotNull
  Direction direction();

  Optional<@NotBlankIfPresent @Size(max = MAX_SUBJECT_LENGTH) @PrintableText String> subject();

  /** What came of it, for example {@code quote-sent} or {@code complaint}. */
  Optional<@NotBlankIfPresent @Size(max = MAX_OUTCOME_LENGTH) @PrintableText(multiline = true) String> outcome();

  /** The employee or system on the company's side. */
  Optional<@NotBlankIfPresent @Size(max = MAX_AGENT_LENGTH) @PrintableText String> agent();

  class Builder extends ImmutableInteraction.Builder {}

  /** The channel an interaction happened on. */
  enum Channel {
    PHONE,
    EMAIL,
    CHAT,
    SMS,
    MEETING,
    SOCIAL,
    WEB_VISIT,
    APP_VISIT,
    LETTER,
    OTHER
  }

  /** Who started an interaction. */
  enum Direction {
    /** The customer contacted the company. */
    INBOUND,
    /** The company contacted the customer. */
    OUTBOUND
  }
}
