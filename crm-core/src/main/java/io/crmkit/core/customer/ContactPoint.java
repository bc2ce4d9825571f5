package io.crmkit.core.customer;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.crmkit.core.common.NotBlankIfPresent;
import io.crmkit.core.common.PrintableText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One way to reach a customer: an e-mail address, a phone number or another handle.
 *
 * <p>E-mail addresses must look like addresses and phone numbers must be valid E.164 numbers
 * (use {@link PhoneNumbers#toE164} to convert local formats); {@link CustomerRules} checks both.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableContactPoint.class)
@JsonDeserialize(as = ImmutableContactPoint.class)
public interface ContactPoint {

  @NotNull
  Channel channel();

  /** The address, number or handle. */
  @NotBlank
  @Size(max = 254)
  @PrintableText
  String value();

  /** What the contact point is for; {@link Use#OTHER} unless given. */
  @Value.Default
  default Use use() {
    return Use.OTHER;
  }

  /** A free label, for example {@code WeChat} for an {@link Channel#OTHER} handle. */
  Optional<@NotBlankIfPresent @Size(max = 100) @PrintableText String> label();

  /** Whether this is the preferred contact point of its channel; at most one per channel. */
  @Value.Default
  default boolean primary() {
    return false;
  }

  /** Whether the customer proved they control it (a confirmed e-mail, an answered SMS code). */
  @Value.Default
  default boolean verified() {
    return false;
  }

  ContactPoint withValue(String value);

  ContactPoint withPrimary(boolean primary);

  ContactPoint withVerified(boolean verified);

  static ContactPoint email(String address) {
    return new Builder().channel(Channel.EMAIL).value(address).build();
  }

  static ContactPoint phone(String e164Number) {
    return new Builder().channel(Channel.PHONE).value(e164Number).build();
  }

  class Builder extends ImmutableContactPoint.Builder {}

  /** How a contact point reaches the customer. */
  enum Channel {
    /** An e-mail address. */
    EMAIL,
    /** A telephone number in E.164 form, for example {@code +8613812345678}. */
    PHONE,
    /** Anything else (a messenger handle, a social-media account, ...); name it in the label. */
    OTHER
  }

  /** What a contact point is for. */
  enum Use {
    HOME,
    WORK,
    MOBILE,
    FAX,
    OTHER
  }
}
