package io.crmkit.core.dimension;

import io.crmkit.core.dimension.DimensionCode.Successor;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The outcome of checking a code against a {@link DimensionScheme}: valid, or exactly one reason
 * why not. Expected outcomes are values, not exceptions:
 *
 * <pre>{@code
 * CodeCheck check = scheme.check(code);
 * if (check instanceof CodeCheck.Retired retired) {
 *   recode(retired.successors());
 * } else if (!check.isValid()) {
 *   reject(check.describe());
 * }
 * }</pre>
 */
public sealed interface CodeCheck {

  /** The code that was checked. */
  String code();

  /** Whether the code is valid (in force, at the expected level). */
  default boolean isValid() {
    return this instanceof Valid;
  }

  /** The scheme's entry for the code, when it has one (valid, retired, or at the wrong level). */
  default Optional<DimensionCode> entry() {
    return Optional.empty();
  }

  /** The outcome in words, for reports and logs. */
  String describe();

  /** In force and, if a level was asked for, at that level. */
  record Valid(DimensionCode dimensionCode) implements CodeCheck {
    public Valid {
      Objects.requireNonNull(dimensionCode, "code");
    }

    @Override
    public String code() {
      return dimensionCode.code();
    }

    @Override
    public Optional<DimensionCode> entry() {
      return Optional.of(dimensionCode);
    }

    @Override
    public String describe() {
      return dimensionCode.code() + " is valid: " + dimensionCode.labels().text();
    }
  }

  /**
   * Does not fit the scheme's code structure (wrong length, characters or shape).
   *
   * @param reason why, in words
   */
  record Malformed(String code, String reason) implements CodeCheck {
    public Malformed {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String describe() {
      return "'" + code + "' is not a well-formed code: it " + reason;
    }
  }

  /**
   * Well-formed, but its check character is wrong: a typing error.
   *
   * @param expected the check character(s) the rest of the code calls for
   */
  record BadCheckCharacter(String code, String expected) implements CodeCheck {
    public BadCheckCharacter {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(expected, "expected");
    }

    @Override
    public String describe() {
      return code + " has a wrong check character (expected " + expected + ")";
    }
  }

  /**
   * Well-formed, but the scheme does not define it, in any period.
   *
   * @param level the level the code structure gives it
   */
  record Unknown(String code, String level) implements CodeCheck {
    public Unknown {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(level, "level");
    }

    @Override
    public String describe() {
      return code + " is not a known " + level + " code";
    }
  }

  /**
   * Defined, but on another level than the one asked for.
   *
   * @param dimensionCode the scheme's entry
   * @param expectedLevel the level asked for
   */
  record WrongLevel(DimensionCode dimensionCode, String expectedLevel) implements CodeCheck {
    public WrongLevel {
      Objects.requireNonNull(dimensionCode, "code");
      Objects.requireNonNull(expectedLevel, "expectedLevel");
    }

    @Override
    public String code() {
      return dimensionCode.code();
    }

    @Override
    public Optional<DimensionCode> entry() {
      return Optional.of(dimensionCode);
    }

    @Override
    public String describe() {
      return dimensionCode.code() + " is a " + dimensionCode.level() + " code, not a " + expectedLevel + " code";
    }
  }

  /**
   * Defined, but retired: since when, and what replaced it (possibly several codes, possibly none).
   *
   * @param dimensionCode the scheme's latest entry for the code
   * @param since the first day the code no longer applied
   * @param successors what replaced it; see {@link DimensionScheme#resolve} for the current code
   */
  record Retired(DimensionCode dimensionCode, LocalDate since, List<Successor> successors) implements CodeCheck {
    public Retired {
      Objects.requireNonNull(dimensionCode, "code");
      Objects.requireNonNull(since, "since");
      successors = List.copyOf(successors);
    }

    @Override
    public String code() {
      return dimensionCode.code();
    }

    @Override
    public Optional<DimensionCode> entry() {
      return Optional.of(dimensionCode);
    }

    @Override
    public String describe() {
      return dimensionCode.code() + " (" + dimensionCode.labels().text() + ") was retired on " + since
          + (successors.isEmpty() ? " without a successor"
              : "; successor" + (successors.size() == 1 ? " " : "s ")
                  + successors.stream().map(Successor::code).collect(Collectors.joining(", ")));
    }
  }
}
