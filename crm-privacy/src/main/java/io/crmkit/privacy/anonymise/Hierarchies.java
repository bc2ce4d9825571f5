package io.crmkit.privacy.anonymise;

import io.crmkit.core.common.Require;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

/**
 * Built-in hierarchies for values whose generalisation follows a rule, so no list of values has to
 * be written: age bands, dates coarsened, postcode prefixes, GB/T 2260 region codes. Each tops out
 * at {@code *}.
 */
public final class Hierarchies {
  /** The most general value, as ARX writes it. */
  public static final String ANY = "*";

  private Hierarchies() {}

  /**
   * Integer ages in ever wider bands: level 0 is the age, level i its band of {@code widths[i-1]}
   * years written {@code low-high} (bands start at multiples of the width), the top {@code *}.
   *
   * @param widths band widths, each a multiple of the one before so bands nest (5, 10, 20)
   * @return the hierarchy
   */
  public static Hierarchy ageBands(int... widths) {
    Require.notNull(widths, "widths");
    int[] bands = Arrays.copyOf(widths, widths.length);
    for (int i = 0; i < bands.length; i++) {
      Require.positive(bands[i], "band width");
      Require.argument(i == 0 || bands[i] % bands[i - 1] == 0,
          "band widths must nest (each a multiple of the one before): %s", Arrays.toString(bands));
    }
    return new RuleHierarchy(bands.length + 2) {
      @Override
      String rule(String value, int level) {
        int age = parseAge(value);
        if (level == 0) {
          return value;
        }
        int width = bands[level - 1];
        int low = Math.floorDiv(age, width) * width;
        return low + "-" + (low + width - 1);
      }
    };
  }

  /**
   * ISO dates ({@code 2024-03-17}) coarsened: level 1 the month ({@code 2024-03}), level 2 the year,
   * level 3 {@code *}.
   *
   * @return the hierarchy
   */
  public static Hierarchy dates() {
    return new RuleHierarchy(4) {
      @Override
      String rule(String value, int level) {
        LocalDate date;
        try {
          date = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
          throw new IllegalArgumentException("not an ISO date: " + value, e);
        }
        return switch (level) {
          case 0 -> value;
          case 1 -> value.substring(0, 7);
          default -> String.valueOf(date.getYear());
        };
      }
    };
  }

  /**
   * Postcodes of a fixed length with ever more trailing characters masked: level i masks the last i
   * ({@code 80000}, {@code 8000*}, ... {@code 8****}), and the top level (i = length) is {@code *}.
   *
   * @param length the postcode length (6 in China, 5 in the United States)
   * @return the hierarchy
   */
  public static Hierarchy postcodePrefixes(int length) {
    Require.positive(length, "length");
    return new RuleHierarchy(length + 1) {
      @Override
      String rule(String value, int level) {
        Require.argument(value.length() == length,
            "postcode %s does not have %s characters", value, length);
        return value.substring(0, length - level) + ANY.repeat(level);
      }
    };
  }

  /**
   * GB/T 2260 administrative division codes up their own hierarchy: level 0 the six-digit code
   * ({@code 110105}, a district), level 1 its prefecture ({@code 110100}), level 2 its province
   * ({@code 110000}), level 3 {@code *}. The levels are read from the code's digits (two each for
   * province, prefecture and county), so codes retired or added by later editions of the standard
   * generalise alike and no gazetteer is needed; a code that already names a prefecture or province
   * stays itself on the levels below it.
   *
   * @return the hierarchy
   */
  public static Hierarchy regionCodes() {
    return new RuleHierarchy(4) {
      @Override
      String rule(String value, int level) {
        Require.argument(value.length() == 6 && value.chars().allMatch(c -> c >= '0' && c <= '9'),
            "not a six-digit GB/T 2260 region code: %s", value);
        return switch (level) {
          case 0 -> value;
          case 1 -> value.substring(0, 4) + "00";
          default -> value.substring(0, 2) + "0000";
        };
      }
    };
  }

  private static int parseAge(String value) {
    try {
      int age = Integer.parseInt(value.strip());
      Require.argument(age >= 0, "an age cannot be negative: %s", value);
      return age;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not an age: " + value, e);
    }
  }

  /** A hierarchy by rule whose top level is {@link #ANY}. */
  private abstract static class RuleHierarchy implements Hierarchy {
    private final int height;

    RuleHierarchy(int height) {
      this.height = height;
    }

    abstract String rule(String value, int level);

    @Override
    public int height() {
      return height;
    }

    @Override
    public String generalise(String value, int level) {
      Require.notNull(value, "value");
      Require.inRange(level, 0, height - 1, "level");
      if (level == height - 1) {
        rule(value, 0);
        return ANY;
      }
      return rule(value, level);
    }
  }
}
