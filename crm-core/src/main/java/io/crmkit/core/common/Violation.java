package io.crmkit.core.common;

import java.util.Objects;

/**
 * One broken rule: where ({@code path}, for example {@code contactPoints[1].value}), which rule
 * ({@code rule}, the constraint or domain-rule name) and a message for people.
 *
 * <p>The rejected value is deliberately not kept: it may be personal data and violations end up in
 * logs and error reports.
 *
 * @param path the property path inside the validated object, or {@code ""} for the object itself
 * @param rule a stable rule name such as {@code NotBlank} or {@code person-requires-name}
 * @param message what is wrong, in words
 */
public record Violation(String path, String rule, String message) {
  public Violation {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(message, "message");
  }

  /** The violation with {@code prefix} prepended to its path, as when a nested object is checked. */
  public Violation under(String prefix) {
    if (prefix.isEmpty()) {
      return this;
    }
    return new Violation(path.isEmpty() ? prefix : prefix + "." + path, rule, message);
  }

  @Override
  public String toString() {
    return (path.isEmpty() ? "<object>" : path) + ": " + message + " [" + rule + "]";
  }
}
