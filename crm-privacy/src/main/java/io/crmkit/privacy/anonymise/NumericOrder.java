package io.crmkit.privacy.anonymise;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which quasi-identifiers local recoding treats as numbers, and the order of their values. A
 * numeric column is split at its median and generalised to a range, which keeps far more detail
 * than its hierarchy's bands; every other column is split along its hierarchy.
 *
 * <p>A column is numeric when every value of it in the table is a plain decimal number written
 * canonically ({@code 0}, {@code 42}, {@code -3.5}: no sign other than a leading minus, no leading
 * zeros, no exponent) and no two of its values are numerically equal. Codes with leading zeros
 * (postcodes such as {@code 01234}) therefore stay categorical and are generalised by their
 * hierarchy.
 */
final class NumericOrder {
  private static final Pattern CANONICAL = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?");

  private NumericOrder() {}

  /**
   * @param leaves a column's distinct values, by leaf index
   * @return leaf index to its rank in numeric order (0 the smallest), or {@code null} if the column
   *     is not numeric
   */
  static int[] ranks(List<String> leaves) {
    Set<BigDecimal> seen = new HashSet<>();
    BigDecimal[] values = new BigDecimal[leaves.size()];
    for (int leaf = 0; leaf < values.length; leaf++) {
      String value = leaves.get(leaf);
      if (!CANONICAL.matcher(value).matches()) {
        return null;
      }
      values[leaf] = new BigDecimal(value);
      if (!seen.add(values[leaf].stripTrailingZeros())) {
        return null;
      }
    }
    Integer[] byValue = new Integer[values.length];
    Arrays.setAll(byValue, i -> i);
    Arrays.sort(byValue, Comparator.comparing(i -> values[i]));
    int[] rank = new int[values.length];
    for (int r = 0; r < byValue.length; r++) {
      rank[byValue[r]] = r;
    }
    return rank;
  }
}
