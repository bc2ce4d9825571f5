package io.crmkit.core.dedup.match;

/**
 * Jaro-Winkler similarity computed as commons-text's {@code JaroWinklerSimilarity} computes it
 * (matching window, half transpositions, a common prefix of at most four characters weighted 0.1,
 * boosted only from a Jaro score of 0.7), on plain chars. Comparing spends most of its time here:
 * commons-text 1.15 reads both strings through an object per character, which made it the largest
 * cost of a million-record run. Strings of up to 64 characters (every name, street and locality
 * in practice) keep their matched positions in two {@code long} bit sets, so a call allocates
 * nothing; longer ones use arrays. A property checks that both paths give commons-text's score.
 *
 * <p>A comparison only asks whether the similarity reaches its weakest band, and most candidate
 * pairs are far below it (two streets in one postcode). {@link #similarity(String, String, double)}
 * stops as soon as the characters left to match cannot lift the score to that floor, even if
 * all of them matched without transpositions and the common prefix were kept: a sound upper
 * bound, so every score at or above the floor is the exact one (a property checks it).
 */
final class JaroWinkler {
  private static final double SCALING = 0.1;
  private static final double BOOST_FROM = 0.7;
  private static final int MAX_PREFIX = 4;

  private JaroWinkler() {}

  /** The similarity of {@code first} and {@code second}, in [0, 1]; 1 for equal strings. */
  static double similarity(String first, String second) {
    return similarity(first, second, 0.0);
  }

  /**
   * The similarity of {@code first} and {@code second} when it is at least {@code floor};
   * otherwise some value below {@code floor} (0 when the bound stopped the computation early).
   */
  static double similarity(String first, String second, double floor) {
    if (first.equals(second)) {
      return 1.0;
    }
    String max = first.length() > second.length() ? first : second;
    String min = max == first ? second : first;
    if (max.length() > Long.SIZE) {
      return longStrings(first, second, max, min);
    }
    int needed = matchesNeeded(first, second, min.length(), floor);
    return needed < 0 ? 0.0 : shortStrings(first, second, max, min, needed);
  }

  /**
   * The fewest matched characters with which the score could still reach {@code floor}, or -1
   * when no number of them could: the score with m matches is at most the Jaro score with no
   * transpositions, (m/|first| + m/|second| + 1) / 3, boosted by the strings' actual common prefix.
   */
  private static int matchesNeeded(String first, String second, int minLength, double floor) {
    if (floor <= 0) {
      return 0;
    }
    int prefix = prefix(first, second, minLength);
    for (int m = 1; m <= minLength; m++) {
      double jaro = ((double) m / first.length() + (double) m / second.length() + 1.0) / 3;
      double bound = jaro < BOOST_FROM ? jaro : jaro + SCALING * prefix * (1 - jaro);
      // A margin far above rounding error keeps the bound sound in floating point.
      if (bound + 1e-9 >= floor) {
        return m;
      }
    }
    return -1;
  }

  /** Both strings at most 64 chars: bit i of a mask says that char i found its match. */
  private static double shortStrings(String first, String second, String max, String min, int needed) {
    int range = Math.max(max.length() / 2 - 1, 0);
    long minMatched = 0;
    long maxMatched = 0;
    int matches = 0;
    for (int mi = 0; mi < min.length(); mi++) {
      if (matches + min.length() - mi < needed) {
        return 0.0;
      }
      char c = min.charAt(mi);
      for (int xi = Math.max(mi - range, 0), xn = Math.min(mi + range + 1, max.length()); xi < xn; xi++) {
        if ((maxMatched & (1L << xi)) == 0 && c == max.charAt(xi)) {
          minMatched |= 1L << mi;
          maxMatched |= 1L << xi;
          matches++;
          break;
        }
      }
    }
    if (matches == 0) {
      return 0.0;
    }
    // The k-th matched char of one string against the k-th matched char of the other.
    int halfTranspositions = 0;
    for (long mm = minMatched, xm = maxMatched; mm != 0; mm &= mm - 1, xm &= xm - 1) {
      if (min.charAt(Long.numberOfTrailingZeros(mm)) != max.charAt(Long.numberOfTrailingZeros(xm))) {
        halfTranspositions++;
      }
    }
    return score(first, second, min.length(), matches, halfTranspositions);
  }

  private static double longStrings(String first, String second, String max, String min) {
    int range = Math.max(max.length() / 2 - 1, 0);
    int[] matchIndexes = new int[min.length()];
    boolean[] matchFlags = new boolean[max.length()];
    int matches = 0;
    for (int mi = 0; mi < min.length(); mi++) {
      matchIndexes[mi] = -1;
      char c = min.charAt(mi);
      for (int xi = Math.max(mi - range, 0), xn = Math.min(mi + range + 1, max.length()); xi < xn; xi++) {
        if (!matchFlags[xi] && c == max.charAt(xi)) {
          matchIndexes[mi] = xi;
          matchFlags[xi] = true;
          matches++;
          break;
        }
      }
    }
    if (matches == 0) {
      return 0.0;
    }
    int halfTranspositions = 0;
    for (int mi = 0, xi = 0; mi < min.length(); mi++) {
      if (matchIndexes[mi] == -1) {
        continue;
      }
      while (!matchFlags[xi]) {
        xi++;
      }
      if (min.charAt(mi) != max.charAt(xi)) {
        halfTranspositions++;
      }
      xi++;
    }
    return score(first, second, min.length(), matches, halfTranspositions);
  }

  private static int prefix(String first, String second, int minLength) {
    int prefix = 0;
    for (int i = 0; i < Math.min(MAX_PREFIX, minLength) && first.charAt(i) == second.charAt(i); i++) {
      prefix++;
    }
    return prefix;
  }

  private static double score(String first, String second, int minLength, int matches, int halfTranspositions) {
    int prefix = prefix(first, second, minLength);
    double m = matches;
    double jaro = (m / first.length() + m / second.length() + (m - halfTranspositions / 2.0) / m) / 3;
    return jaro < BOOST_FROM ? jaro : jaro + SCALING * prefix * (1 - jaro);
  }
}
