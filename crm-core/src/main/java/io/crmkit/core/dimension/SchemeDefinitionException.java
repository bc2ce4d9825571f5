package io.crmkit.core.dimension;

import io.crmkit.core.common.CrmValidationException;
import io.crmkit.core.common.Violation;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A scheme definition (builder, CSV or JSON) is malformed. Lists every problem found, each with
 * its location and line, not just the first; nothing of the scheme is usable.
 *
 * <p>As a {@link CrmValidationException}, each problem is also a {@link Violation} whose path is
 * the location ({@code regions.csv line 12}) and whose rule is the problem kind
 * ({@code missing-parent}).
 */
public class SchemeDefinitionException extends CrmValidationException {
  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  /**
   * @param scheme the scheme's id or the definition's source, for the message
   * @param problems at least one problem
   * @throws IllegalArgumentException if {@code problems} is empty
   */
  public SchemeDefinitionException(String scheme, List<Problem> problems) {
    super("scheme definition '" + scheme + "'", problems.stream()
        .map(p -> new Violation(p.location(), p.kind().ruleName(),
            (p.code().isEmpty() ? "" : "code " + p.code() + ": ") + p.message()))
        .toList());
    this.problems = List.copyOf(problems);
  }

  /** Every problem, in the order of the definition. Never empty. */
  public List<Problem> problems() {
    return problems;
  }

  /**
   * One thing wrong with a scheme definition, with where it is.
   *
   * @param location where, for people: {@code regions.csv line 12}, {@code definition #3}
   * @param line the line number in the source, or 0 when the definition did not come from a file
   * @param code the code concerned, or {@code ""} for a problem of the whole definition
   * @param kind what kind of problem
   * @param message what is wrong, in words
   */
  public record Problem(String location, int line, String code, Kind kind, String message) {

    /** The kinds of problem a definition can have. */
    public enum Kind {
      /** The file cannot be read as CSV or JSON. */
      SYNTAX,
      /** A required column, field or setting is missing or unusable. */
      MISSING_FIELD,
      /** The code does not fit the code structure (wrong width, characters or shape). */
      MALFORMED_CODE,
      /** A declared level differs from the level the structure gives the code. */
      WRONG_LEVEL,
      /** The code is defined twice for overlapping periods. */
      DUPLICATE_CODE,
      /** The parent is not defined, or no parent can be found for a code below the top level. */
      MISSING_PARENT,
      /** The parent is not on a higher level than the code. */
      PARENT_NOT_ABOVE,
      /** The parent contradicts the ancestors the code structure implies. */
      PARENT_NOT_ANCESTOR,
      /** A code in force has a parent that is no longer in force. */
      RETIRED_PARENT,
      /** Parents form a cycle. */
      CYCLE,
      /** The validity period is empty or inconsistent. */
      BAD_VALIDITY,
      /** A successor is malformed, not defined, or points back at the code without a later period. */
      BAD_SUCCESSOR,
      /** The definition has no code at all. */
      EMPTY_SCHEME;

      /** The kind as a rule name for {@link Violation}, such as {@code missing-parent}. */
      public String ruleName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
      }
    }

    public Problem {
      Objects.requireNonNull(location, "location");
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
      return location + ": " + (code.isEmpty() ? "" : "code " + code + ": ") + message;
    }
  }
}
