package io.crmkit.core.dimension;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One code as a definition gives it, before the scheme checks it: what {@link
 * DimensionScheme.Builder#add} takes and what the CSV and JSON readers produce per row.
 *
 * <pre>{@code
 * new CodeDefinition.Builder().code("0101").labels(Labels.of("en", "North, urban"))
 *     .retiredOn(LocalDate.of(2025, 1, 1)).addSuccessors("0103", "0104[2024-07-01]").build();
 * }</pre>
 *
 * <p>Nothing is checked here; {@link DimensionScheme.Builder#build} checks everything at once and
 * reports every problem with its location.
 */
@Value.Immutable
public interface CodeDefinition {

  /** The code without its check character (the scheme appends that). */
  String code();

  Labels labels();

  /**
   * The parent code (without check character). When absent, the scheme takes the nearest
   * ancestor that the code structure implies and the definition defines.
   */
  Optional<String> parent();

  /** The level the definition declares; checked against the level the structure gives the code. */
  Optional<String> level();

  Optional<LocalDate> validFrom();

  /** The first day the code no longer applies. */
  Optional<LocalDate> retiredOn();

  /**
   * Successors of a retired code, each {@code CODE} or {@code CODE[YYYY]} or
   * {@code CODE[YYYY-MM-DD]}: the bracket gives when that successor took over, if earlier than the
   * retirement (a part transferred before); a year means its first day.
   */
  List<String> successors();

  class Builder extends ImmutableCodeDefinition.Builder {}
}
