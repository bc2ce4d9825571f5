package io.crmkit.core.customer;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.crmkit.core.common.NotBlankIfPresent;
import io.crmkit.core.common.PrintableText;
import io.crmkit.core.common.Require;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A natural person's name as family name and given name, which fits both Chinese names (张 + 伟,
 * written family name first without a space) and Western names (given name first).
 *
 * <p>At least one of the two parts is required: many people have only one name.
 */
@Value.Immutable
@JsonSerialize(as = ImmutablePersonName.class)
@JsonDeserialize(as = ImmutablePersonName.class)
public interface PersonName {
  /** The longest family name, and the longest given name. */
  int MAX_PART_LENGTH = 100;

  /** Family name (surname), for example {@code 张} or {@code Smith}. */
  Optional<@NotBlankIfPresent @Size(max = MAX_PART_LENGTH) @PrintableText String> familyName();

  /** Given name(s), for example {@code 伟} or {@code Mary Ann}. */
  Optional<@NotBlankIfPresent @Size(max = MAX_PART_LENGTH) @PrintableText String> givenName();

  /**
   * A person's name from family and given name, either of which may be {@code null} for a
   * person known by one name.
   *
   * @throws IllegalStateException if both are {@code null}
   */
  static PersonName of(String familyName, String givenName) {
    return new Builder().familyName(Optional.ofNullable(familyName)).givenName(Optional.ofNullable(givenName))
        .build();
  }

  /**
   * The name as people write it: family name first without a space when both parts are in a
   * CJK script (张伟), otherwise given name first with a space (Mary Smith).
   */
  default String fullName() {
    String family = familyName().orElse("");
    String given = givenName().orElse("");
    if (family.isEmpty() || given.isEmpty()) {
      return family + given;
    }
    return Scripts.isCjk(family) && Scripts.isCjk(given) ? family + given : given + " " + family;
  }

  @Value.Check
  default void check() {
    Require.state(familyName().isPresent() || givenName().isPresent(),
        "a person name needs a family name or a given name");
  }

  class Builder extends ImmutablePersonName.Builder {}
}
