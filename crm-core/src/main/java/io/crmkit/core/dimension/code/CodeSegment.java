package io.crmkit.core.dimension.code;

import io.crmkit.core.common.Require;
import io.crmkit.core.dimension.DimensionScheme;
import java.util.Objects;

/**
 * One fixed-width piece of a {@link CodeFormat}: a dimension code, a literal, or the sequence
 * number. (The check character is not a segment: a format appends it after the last one.)
 */
public sealed interface CodeSegment {

  /** How many characters the segment takes in a code. */
  int width();

  /**
   * A dimension's code on one level of its scheme. For a fixed-width structure without check
   * characters the segment holds the code's significant part (GB/T 2260 province {@code 110000}
   * as {@code 11}); otherwise the whole code, which then needs one width on that level.
   *
   * @param dimension the customer dimension the code comes from, such as {@code region}
   * @param scheme the dimension's scheme
   * @param level the level the code is taken at (a county is lifted to its province)
   * @param width the characters the segment takes
   */
  record Dimension(String dimension, DimensionScheme scheme, String level, int width) implements CodeSegment {
    public Dimension {
      Objects.requireNonNull(dimension, "dimension");
      Objects.requireNonNull(scheme, "scheme");
      Objects.requireNonNull(level, "level");
    }

    @Override
    public String toString() {
      return "{" + dimension + ":" + scheme.id() + "/" + level + "}";
    }
  }

  /**
   * Fixed text, the same in every code (a separator such as {@code -}). Literals take no part in
   * the check character.
   *
   * @param text at least one character
   */
  record Literal(String text) implements CodeSegment {
    public Literal {
      Objects.requireNonNull(text, "text");
      Require.argument(!text.isEmpty(), "a literal needs at least one character");
    }

    @Override
    public int width() {
      return text.length();
    }

    @Override
    public String toString() {
      return text;
    }
  }

  /**
   * The sequence number, in decimal, zero-padded to {@code width} digits.
   *
   * @param width 1 to 18 digits
   */
  record Sequence(int width) implements CodeSegment {
    public Sequence {
      Require.inRange(width, 1, 18, "width");
    }

    /** The largest number that fits: {@code 10^width - 1}. */
    public long max() {
      long max = 1;
      for (int i = 0; i < width; i++) {
        max *= 10;
      }
      return max - 1;
    }

    @Override
    public String toString() {
      return "{seq:" + width + "}";
    }
  }
}
