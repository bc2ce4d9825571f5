package io.crmkit.core.dimension.classify;

import io.crmkit.core.common.Require;
import java.util.Objects;
import java.util.Optional;

/**
 * One dimension code to set on a customer, with what it replaces and why.
 *
 * @param dimension the dimension
 * @param from the code the customer held, if any
 * @param to the new code
 * @param source the rule or process that chose it
 * @param why how it was found, for people
 */
public record CodeChange(String dimension, Optional<String> from, String to, String source, String why) {
  public CodeChange {
    Objects.requireNonNull(dimension, "dimension");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(why, "why");
    Require.argument(!from.equals(Optional.of(to)), "a change of %s from %s to itself changes nothing", dimension, to);
  }
}
