package io.crmkit.core.common;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Bad input: carries every {@link Violation} found, not just the first, so a caller can show or
 * report all of them at once.
 */
public class CrmValidationException extends CrmException {
  private static final long serialVersionUID = 1L;

  private final transient List<Violation> violations;

  /**
   * @param subject what was validated, for the message (for example {@code "Customer"})
   * @param violations at least one violation
   * @throws IllegalArgumentException if {@code violations} is empty
   */
  public CrmValidationException(String subject, List<Violation> violations) {
    super(message(subject, violations));
    this.violations = List.copyOf(violations);
  }

  /** A single violation. */
  public static CrmValidationException of(String subject, String path, String rule, String message) {
    return new CrmValidationException(subject, List.of(new Violation(path, rule, message)));
  }

  /** Every violation, in the order found. Never empty. */
  public List<Violation> violations() {
    return violations;
  }

  private static String message(String subject, List<Violation> violations) {
    Require.argument(!violations.isEmpty(), "a validation exception needs at least one violation");
    return "Invalid " + subject + " (" + violations.size() + " violation"
        + (violations.size() == 1 ? "" : "s") + "): "
        + violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
  }
}
