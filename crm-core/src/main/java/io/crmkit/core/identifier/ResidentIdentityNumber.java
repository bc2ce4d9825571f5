package io.crmkit.core.identifier;

import io.crmkit.core.checkdigit.CheckCharacterSystem;
import io.crmkit.core.checkdigit.CheckCharacters;
import io.crmkit.core.common.CrmValidationException;
import io.crmkit.core.common.Require;
import io.crmkit.core.common.Violation;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Chinese resident identity number (公民身份号码, GB 11643-1999), for example
 * {@code 11010519491231002X}: 17 digits and a check character.
 *
 * <table>
 *   <caption>Layout</caption>
 *   <tr><th>position</th><th>meaning</th><th>accessor</th></tr>
 *   <tr><td>1-6</td><td>region code where the number was issued (GB/T 2260)</td>
 *       <td>{@link #regionCode()}</td></tr>
 *   <tr><td>7-14</td><td>birth date, {@code YYYYMMDD}</td><td>{@link #birthDate()}</td></tr>
 *   <tr><td>15-17</td><td>sequence code; the 17th digit is odd for men, even for women</td>
 *       <td>{@link #sequenceCode()}, {@link #sex()}</td></tr>
 *   <tr><td>18</td><td>check character, ISO 7064 MOD 11-2 ({@code 0}-{@code 9} or {@code X})</td>
 *       <td>{@link #checkCharacter()}</td></tr>
 * </table>
 *
 * <p>A valid number has a real birth date that is neither in the future nor before
 * {@value #EARLIEST_BIRTH_YEAR} (earlier years are typing errors, not people), and a correct
 * check character. The text is taken as written: no trimming and no case folding, so a
 * lower-case {@code x} is rejected with a message saying so. The 15-digit first-generation
 * numbers (GB 11643-1989) are not accepted. "The future" is judged by a {@link Clock}; the
 * overloads without one use the system clock in the default time zone.
 *
 * <p>This is personal data: {@link #toString()} masks the birth date, and violation messages
 * never repeat the number. Immutable and thread-safe; equal when the numbers are equal.
 */
public final class ResidentIdentityNumber {
  /** Every number has this many characters. */
  public static final int LENGTH = 18;
  /** Birth years before this are rejected as typing errors. */
  public static final int EARLIEST_BIRTH_YEAR = 1800;

  private static final CheckCharacterSystem CHECK = CheckCharacters.MOD_11_2;

  /** Sex as the 17th digit records it. */
  public enum Sex {
    /** An odd 17th digit. */
    MALE,
    /** An even 17th digit. */
    FEMALE
  }

  private final String value;
  private final LocalDate birthDate;

  private ResidentIdentityNumber(String value, LocalDate birthDate) {
    this.value = value;
    this.birthDate = birthDate;
  }

  /** {@link #parse(String, Clock)} on the system clock. */
  public static Optional<ResidentIdentityNumber> parse(String text) {
    return parse(text, Clock.systemDefaultZone());
  }

  /**
   * The number in {@code text}, or empty if {@code text} is null or not a valid number as of
   * {@code clock}'s date; {@link #validate(String, Clock)} says why.
   *
   * @throws NullPointerException if {@code clock} is null
   */
  public static Optional<ResidentIdentityNumber> parse(String text, Clock clock) {
    Objects.requireNonNull(clock, "clock");
    if (!isValid(text, clock)) {
      return Optional.empty();
    }
    return Optional.of(new ResidentIdentityNumber(text, birthDateOf(text)));
  }

  /** {@link #of(String, Clock)} on the system clock. */
  public static ResidentIdentityNumber of(String text) {
    return of(text, Clock.systemDefaultZone());
  }

  /**
   * The number in {@code text}, for input that should be valid.
   *
   * @throws CrmValidationException listing every problem if {@code text} is not a valid number
   * @throws NullPointerException if {@code text} or {@code clock} is null
   */
  public static ResidentIdentityNumber of(String text, Clock clock) {
    Objects.requireNonNull(text, "text");
    List<Violation> problems = validate(text, clock);
    if (!problems.isEmpty()) {
      throw new CrmValidationException("ResidentIdentityNumber", problems);
    }
    return new ResidentIdentityNumber(text, birthDateOf(text));
  }

  /** {@link #isValid(String, Clock)} on the system clock. */
  public static boolean isValid(String text) {
    return isValid(text, Clock.systemDefaultZone());
  }

  /**
   * Whether {@code text} is a valid number as of {@code clock}'s date. Never throws for any
   * {@code text}; null is invalid.
   *
   * @throws NullPointerException if {@code clock} is null
   */
  public static boolean isValid(String text, Clock clock) {
    Objects.requireNonNull(clock, "clock");
    if (text == null || text.length() != LENGTH) {
      return false;
    }
    for (int i = 0; i < LENGTH - 1; i++) {
      if (!isDigit(text.charAt(i))) {
        return false;
      }
    }
    int birth = birthDateDigits(text);
    return isRealDate(birth) && birth <= asDigits(LocalDate.now(clock)) && CHECK.isValid(text);
  }

  /** {@link #validate(String, Clock)} on the system clock. */
  public static List<Violation> validate(String text) {
    return validate(text, Clock.systemDefaultZone());
  }

  /**
   * Every problem with {@code text} as a number as of {@code clock}'s date, each with path
   * {@code ""} and one of the rules {@code resident-id-length}, {@code resident-id-characters},
   * {@code resident-id-birth-date}, {@code resident-id-check-character}. Empty if, and only if,
   * the number is valid. Messages name positions, never digits.
   *
   * @throws NullPointerException if {@code clock} is null
   */
  public static List<Violation> validate(String text, Clock clock) {
    Objects.requireNonNull(clock, "clock");
    if (text == null || text.length() != LENGTH) {
      return List.of(new Violation("", "resident-id-length", "must have " + LENGTH + " characters, "
          + (text == null ? "there is no value" : "has " + text.length()
              + (text.length() == 15 ? " (15-digit first-generation numbers are not accepted)" : ""))));
    }
    List<Integer> notDigits = new ArrayList<>();
    for (int i = 0; i < LENGTH - 1; i++) {
      if (!isDigit(text.charAt(i))) {
        notDigits.add(i + 1);
      }
    }
    char last = text.charAt(LENGTH - 1);
    if (!notDigits.isEmpty() || !isDigit(last) && last != 'X') {
      List<Violation> problems = new ArrayList<>();
      if (!notDigits.isEmpty()) {
        problems.add(new Violation("", "resident-id-characters", Messages.positions(notDigits)
            + " not a digit; characters 1-17 must be digits 0-9"));
      }
      if (!isDigit(last) && last != 'X') {
        problems.add(new Violation("", "resident-id-characters", "character 18 must be a digit or a capital X"
            + (last == 'x' ? ", not a lower-case x" : "")));
      }
      return List.copyOf(problems);
    }
    List<Violation> problems = new ArrayList<>();
    int birth = birthDateDigits(text);
    if (!isRealDate(birth)) {
      problems.add(new Violation("", "resident-id-birth-date", "characters 7-14 must be a real birth date "
          + "(YYYYMMDD) in or after " + EARLIEST_BIRTH_YEAR));
    } else if (birth > asDigits(LocalDate.now(clock))) {
      problems.add(new Violation("", "resident-id-birth-date", "the birth date in characters 7-14 is in the future"));
    }
    if (!CHECK.isValid(text)) {
      problems.add(new Violation("", "resident-id-check-character",
          "the check character (position 18) does not match characters 1-17; a digit is mistyped or two are swapped"));
    }
    return List.copyOf(problems);
  }

  /**
   * The check character (ISO 7064 MOD 11-2) for the first 17 digits of a number, for building
   * numbers such as test data.
   *
   * @throws IllegalArgumentException if {@code first17} is not 17 digits; the message names the
   *     offending character and its position
   * @throws NullPointerException if {@code first17} is null
   */
  public static char computeCheckCharacter(String first17) {
    Objects.requireNonNull(first17, "first17");
    Require.argument(first17.length() == LENGTH - 1, "a resident identity number's check covers 17 digits, not %s",
        first17.length());
    return CHECK.compute(first17).charAt(0);
  }

  /** The whole number, 18 characters. This is personal data; handle it as such. */
  public String value() {
    return value;
  }

  /** Characters 1-6: the GB/T 2260 region code where the number was issued, for example {@code 110105}. */
  public String regionCode() {
    return value.substring(0, 6);
  }

  /** Characters 7-14: the birth date. */
  public LocalDate birthDate() {
    return birthDate;
  }

  /** Characters 15-17: the sequence code that tells apart people born on one day in one region. */
  public String sequenceCode() {
    return value.substring(14, 17);
  }

  /** Sex as the 17th digit records it: odd for {@link Sex#MALE}, even for {@link Sex#FEMALE}. */
  public Sex sex() {
    return (value.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
  }

  /** Character 18: the check character, a digit or {@code X}. */
  public char checkCharacter() {
    return value.charAt(17);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ResidentIdentityNumber number && number.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  /**
   * The number with its birth date masked, as Chinese forms print it ({@code 110105********002X}),
   * so that logging an instance does not leak it whole. Use {@link #value()} for the number.
   */
  @Override
  public String toString() {
    return value.substring(0, 6) + "********" + value.substring(14);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Characters 7-14 as the number YYYYMMDD; the caller has checked they are digits. */
  private static int birthDateDigits(String text) {
    int digits = 0;
    for (int i = 6; i < 14; i++) {
      digits = digits * 10 + (text.charAt(i) - '0');
    }
    return digits;
  }

  private static boolean isRealDate(int yyyymmdd) {
    int year = yyyymmdd / 10_000;
    int month = yyyymmdd / 100 % 100;
    int day = yyyymmdd % 100;
    if (year < EARLIEST_BIRTH_YEAR || month < 1 || month > 12 || day < 1) {
      return false;
    }
    return day <= YearMonth.of(year, month).lengthOfMonth();
  }

  private static int asDigits(LocalDate date) {
    return date.getYear() * 10_000 + date.getMonthValue() * 100 + date.getDayOfMonth();
  }

  private static LocalDate birthDateOf(String text) {
    int digits = birthDateDigits(text);
    return LocalDate.of(digits / 10_000, digits / 100 % 100, digits % 100);
  }
}
