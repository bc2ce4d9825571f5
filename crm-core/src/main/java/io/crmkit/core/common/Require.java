package io.crmkit.core.common;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;

/**
 * Guard clauses for programming errors, with messages in one style: what must hold, then what was
 * given ({@code "limit must be in 1..10000, got 0"}, {@code "owner must not be blank"}). Every
 * crmkit module checks its arguments through these methods, so that a caller meets the same
 * exception types and the same wording everywhere: {@link NullPointerException} naming a missing
 * argument, {@link IllegalArgumentException} for a bad one, {@link IllegalStateException} for a
 * call the object's state does not allow.
 *
 * <p>Bad input that a caller may send on purpose (a form, an import row) is not a programming
 * error: it is validated into a {@link CrmValidationException} instead.
 */
public final class Require {
  private Require() {}

  /**
   * Returns {@code value} if it is not null.
   *
   * @param name the argument's name, the exception's whole message
   * @throws NullPointerException if {@code value} is null
   */
  public static <T> T notNull(T value, String name) {
    return Objects.requireNonNull(value, name);
  }

  /**
   * Returns {@code value} if it has a character that is not white space.
   *
   * @throws NullPointerException if {@code value} is null, with {@code name} as message
   * @throws IllegalArgumentException if {@code value} is empty or only white space
   */
  public static String notBlank(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }

  /**
   * Checks that {@code value} is above zero.
   *
   * @throws IllegalArgumentException if it is zero or negative
   */
  public static void positive(long value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
  }

  /**
   * Checks that {@code value} is {@code min} or more.
   *
   * @throws IllegalArgumentException if it is below {@code min}
   */
  public static void atLeast(long value, long min, String name) {
    if (value < min) {
      throw new IllegalArgumentException(name + " must be at least " + min + ", got " + value);
    }
  }

  /**
   * Checks that {@code value} is within {@code min..max}, both included.
   *
   * @throws IllegalArgumentException if it is outside
   */
  public static void inRange(long value, long min, long max, String name) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(name + " must be in " + min + ".." + max + ", got " + value);
    }
  }

  /**
   * Checks that {@code value} is a number within {@code min..max}, both included.
   *
   * @throws IllegalArgumentException if it is outside, or not a number (NaN)
   */
  public static void inRange(double value, double min, double max, String name) {
    if (!(value >= min && value <= max)) {
      throw new IllegalArgumentException(name + " must be in " + min + ".." + max + ", got " + value);
    }
  }

  /**
   * Checks a condition on arguments that the other methods do not express.
   *
   * @param message the whole message, taken as it is
   * @throws IllegalArgumentException with {@code message} if {@code condition} is false
   */
  public static void argument(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }

  /**
   * Checks a condition on arguments, building the message only when it fails.
   *
   * @param template the message, each {@code %s} standing for the next of {@code args}
   * @throws IllegalArgumentException if {@code condition} is false
   */
  public static void argument(boolean condition, String template, Object... args) {
    if (!condition) {
      throw new IllegalArgumentException(format(template, args));
    }
  }

  /**
   * Checks that no customer of a bulk move (from, to) is both moved from and moved to: the moves
   * run in no promised order, so such a customer would end where the order happened to put it.
   *
   * @throws IllegalArgumentException if a key of {@code moves} is also one of its values
   */
  public static void disjointMoves(Map<?, ?> moves) {
    argument(Collections.disjoint(moves.keySet(), moves.values()),
        "a customer cannot be both moved from and moved to in one call: %s", moves);
  }

  /**
   * Checks that the object's state allows a call, or that a result it computed is sound.
   *
   * @param message the whole message, taken as it is
   * @throws IllegalStateException with {@code message} if {@code condition} is false
   */
  public static void state(boolean condition, String message) {
    if (!condition) {
      throw new IllegalStateException(message);
    }
  }

  /**
   * Checks the object's state, building the message only when it fails.
   *
   * @param template the message, each {@code %s} standing for the next of {@code args}
   * @throws IllegalStateException if {@code condition} is false
   */
  public static void state(boolean condition, String template, Object... args) {
    if (!condition) {
      throw new IllegalStateException(format(template, args));
    }
  }

  /**
   * Replaces each {@code %s} in {@code template} with the next argument. Leniently, unlike
   * {@link String#format}: a guard must never fail on its own message, so missing arguments leave
   * their {@code %s} and extra ones are appended in brackets.
   */
  static String format(String template, Object... args) {
    StringBuilder message = new StringBuilder(template.length() + 16 * args.length);
    int from = 0;
    int used = 0;
    while (used < args.length) {
      int at = template.indexOf("%s", from);
      if (at < 0) {
        break;
      }
      message.append(template, from, at).append(args[used++]);
      from = at + 2;
    }
    message.append(template, from, template.length());
    if (used < args.length) {
      message.append(" [");
      for (int i = used; i < args.length; i++) {
        message.append(i > used ? ", " : "").append(args[i]);
      }
      message.append(']');
    }
    return message.toString();
  }
}
