package io.crmkit.core.checkdigit;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The check-character systems crmkit ships, as shared stateless instances, and lookup by
 * {@linkplain CheckCharacterSystem#name() name} so that a configuration (a dimension scheme, an
 * identifier format) can store which system protects a code.
 *
 * <p>Which to choose for a new code: {@link #MOD_97_10} when two check digits are affordable
 * (catches nearly everything); {@link #DAMM} for one decimal check digit with no extra
 * character; {@link #MOD_37_2} or {@link #MOD_37_36} for alphanumeric codes. {@link #MOD_11_2}
 * is what the Chinese resident identity number uses, {@link #LUHN} what payment cards use.
 *
 * <p>What each detects (verified by {@code CheckCharacterProperties}): every system detects
 * every single-character substitution. The pure ISO 7064 systems and Damm also detect every
 * adjacent transposition. The hybrid systems miss the swap of two characters with consecutive
 * values when the running sum meets them at {@code M/2} and {@code M/2 + 1} (MOD 11,10 accepts
 * both {@code 560} and {@code 650}): 2.2% of adjacent transpositions for MOD 11,10 and 0.16% for
 * MOD 37,36, within ISO 7064's "all or nearly all". Luhn misses {@code 09} ↔ {@code 90}.
 */
public final class CheckCharacters {

  /** ISO/IEC 7064 MOD 11-2: digits, one check character {@code 0}-{@code 9} or {@code X}. */
  public static final CheckCharacterSystem MOD_11_2 =
      new Iso7064PureSystem("ISO 7064 MOD 11-2", 11, 2, Digits.DIGITS, Digits.DIGITS + "X", 1);

  /** ISO/IEC 7064 MOD 37-2: {@code 0-9A-Z}, one check character from the same set or {@code *}. */
  public static final CheckCharacterSystem MOD_37_2 =
      new Iso7064PureSystem("ISO 7064 MOD 37-2", 37, 2, Digits.ALPHANUMERIC, Digits.ALPHANUMERIC + "*", 1);

  /** ISO/IEC 7064 MOD 97-10: digits, two check digits (the system under IBAN and LEI). */
  public static final CheckCharacterSystem MOD_97_10 =
      new Iso7064PureSystem("ISO 7064 MOD 97-10", 97, 10, Digits.DIGITS, Digits.DIGITS, 2);

  /** ISO/IEC 7064 hybrid MOD 11,10: digits, one check digit. */
  public static final CheckCharacterSystem MOD_11_10 = new Iso7064HybridSystem("ISO 7064 MOD 11,10", Digits.DIGITS);

  /** ISO/IEC 7064 hybrid MOD 37,36: {@code 0-9A-Z}, one check character from the same set. */
  public static final CheckCharacterSystem MOD_37_36 =
      new Iso7064HybridSystem("ISO 7064 MOD 37,36", Digits.ALPHANUMERIC);

  /** Luhn (mod 10, ISO/IEC 7812-1): digits, one check digit. */
  public static final CheckCharacterSystem LUHN = new Luhn();

  /** Damm: digits, one check digit, no supplementary character. */
  public static final CheckCharacterSystem DAMM = new Damm();

  private static final List<CheckCharacterSystem> ALL =
      List.of(MOD_11_2, MOD_37_2, MOD_97_10, MOD_11_10, MOD_37_36, LUHN, DAMM);

  private CheckCharacters() {}

  /** Every shipped system, ISO 7064 pure systems first, then hybrids, Luhn and Damm. */
  public static List<CheckCharacterSystem> all() {
    return ALL;
  }

  /**
   * The system whose {@link CheckCharacterSystem#name() name} equals {@code name}, ignoring case
   * and surrounding blanks, for example {@code "ISO 7064 MOD 97-10"} or {@code "damm"}; empty if
   * there is none.
   *
   * @throws NullPointerException if {@code name} is null
   */
  public static Optional<CheckCharacterSystem> byName(String name) {
    String wanted = Objects.requireNonNull(name, "name").strip().toUpperCase(Locale.ROOT);
    return ALL.stream().filter(system -> system.name().toUpperCase(Locale.ROOT).equals(wanted)).findFirst();
  }

  /** The alphabets the shipped systems use. */
  private static final class Digits {
    static final String DIGITS = "0123456789";
    static final String ALPHANUMERIC = DIGITS + "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  }
}
