package io.crmkit.core.dimension;

import io.crmkit.core.common.Require;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One code of a {@link DimensionScheme} for one validity period: its text, level, labels, parent,
 * and, once retired, the date and the successors. A code that was retired and later reused for
 * something else (GB/T 2260 does this) has one entry per period.
 *
 * @param schemeId the scheme the code belongs to
 * @param code the code as written, including its check character if the scheme has one
 * @param level the name of the code's level, for example {@code county}
 * @param depth the level's position, 0 for the top level
 * @param labels the code's names
 * @param parent the parent code, absent for top-level codes
 * @param validFrom the first day the code applies, if known
 * @param retiredOn the first day the code no longer applies; absent while the code is in force
 * @param successors what replaced the code; empty while in force or if nothing did
 */
public record DimensionCode(
    String schemeId,
    String code,
    String level,
    int depth,
    Labels labels,
    Optional<String> parent,
    Optional<LocalDate> validFrom,
    Optional<LocalDate> retiredOn,
    List<Successor> successors) {

  /** @throws IllegalArgumentException if the period is empty or an in-force code has successors */
  public DimensionCode {
    Objects.requireNonNull(schemeId, "schemeId");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(labels, "labels");
    Objects.requireNonNull(parent, "parent");
    Objects.requireNonNull(validFrom, "validFrom");
    Objects.requireNonNull(retiredOn, "retiredOn");
    successors = List.copyOf(successors);
    Require.atLeast(depth, 0, "depth");
    if (validFrom.isPresent() && retiredOn.isPresent()) {
      Require.argument(retiredOn.get().isAfter(validFrom.get()),
          "code %s is retired on %s, not after it became valid on %s", code, retiredOn.get(), validFrom.get());
    }
    Require.argument(retiredOn.isPresent() || successors.isEmpty(), "code %s is in force and cannot have successors",
        code);
  }

  /** Whether the code is in force (not retired). */
  public boolean inForce() {
    return retiredOn.isEmpty();
  }

  /** Whether the code applied on {@code date}: valid from then (or since always) and not yet retired. */
  public boolean appliesOn(LocalDate date) {
    Objects.requireNonNull(date, "date");
    return validFrom.map(from -> !date.isBefore(from)).orElse(true)
        && retiredOn.map(date::isBefore).orElse(true);
  }

  /** The label for {@code locale}, falling back as {@link Labels#get} does. */
  public String label(Locale locale) {
    return labels.get(locale);
  }

  @Override
  public String toString() {
    return code + " " + labels.text() + (inForce() ? "" : " (retired " + retiredOn.get() + ")");
  }

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
}
