package io.crmkit.core.dimension;

import io.crmkit.core.common.Require;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A code that took over (all or part of) what a retired code stood for.
 *
 * <p>A retired code may have several successors: a county split in two, or part of its area
 * transferred years before the rest was renamed. Their order carries no preference; {@link
 * DimensionScheme#resolve} reports several current successors as ambiguous instead of guessing.
 *
 * @param code the successor code as written in the scheme
 * @param effective from when the successor applies; usually the day the predecessor was retired,
 *     earlier for a part transferred before
 */
public record Successor(String code, LocalDate effective) {
  public Successor {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(effective, "effective");
    Require.argument(!code.isBlank(), "a successor code must not be blank");
  }

  @Override
  public String toString() {
    return code + " (from " + effective + ")";
  }
}
