package io.crmkit.core.dimension;

import io.crmkit.core.common.CrmValidationException;
import io.crmkit.core.common.Violation;
import java.util.List;

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

  private final transient List<DefinitionProblem> problems;

  /**
   * @param scheme the scheme's id or the definition's source, for the message
   * @param problems at least one problem
   * @throws IllegalArgumentException if {@code problems} is empty
   */
  public SchemeDefinitionException(String scheme, List<DefinitionProblem> problems) {
    super("scheme definition '" + scheme + "'", problems.stream()
        .map(p -> new Violation(p.location(), p.kind().ruleName(),
            (p.code().isEmpty() ? "" : "code " + p.code() + ": ") + p.message()))
        .toList());
    this.problems = List.copyOf(problems);
  }

  /** Every problem, in the order of the definition. Never empty. */
  public List<DefinitionProblem> problems() {
    return problems;
  }
}
