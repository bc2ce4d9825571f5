package io.crmkit.core.identifier;

import io.crmkit.core.common.Violation;
import jakarta.validation.ConstraintValidatorContext;
import java.util.List;
import java.util.stream.Collectors;

/** Wording shared by the identifiers' violations and their Jakarta constraints. */
final class Messages {
  private Messages() {}

  /** {@code "character 3 is"} or {@code "characters 3, 9 are"}, 1-based positions. */
  static String positions(List<Integer> positions) {
    String list = positions.stream().map(String::valueOf).collect(Collectors.joining(", "));
    return positions.size() == 1 ? "character " + list + " is" : "characters " + list + " are";
  }

  /**
   * Replaces the constraint's single default message with one that says what is wrong, unless the
   * user set a message of their own on the annotation.
   */
  static void report(ConstraintValidatorContext context, String annotationMessage, String defaultMessage,
      List<Violation> problems) {
    if (context == null || !annotationMessage.equals(defaultMessage) || problems.isEmpty()) {
      return;
    }
    String detail = problems.stream().map(Violation::message).collect(Collectors.joining("; "));
    context.disableDefaultConstraintViolation();
    context.buildConstraintViolationWithTemplate(literal(defaultMessage + ": " + detail)).addConstraintViolation();
  }

  /** {@code text} escaped so that message interpolation leaves it as it is. */
  static String literal(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '{' || c == '}' || c == '$' || c == '\\') {
        escaped.append('\\');
      }
      escaped.append(c);
    }
    return escaped.toString();
  }
}
