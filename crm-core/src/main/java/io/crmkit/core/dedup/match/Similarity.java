package io.crmkit.core.dedup.match;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * The similarity measures behind the comparisons, each a small static function. Levenshtein comes
 * from commons-text, Jaro-Winkler is commons-text's computed on plain chars ({@link JaroWinkler});
 * dates, numbers and token sets are written here because
 * commons-text has no equivalent with agreement levels.
 */
final class Similarity {
  private Similarity() {}

  static double jaroWinkler(String a, String b) {
    return JaroWinkler.similarity(a, b);
  }

  /** Jaro-Winkler when it is at least {@code floor}, else some value below it (cheaper: see {@link JaroWinkler}). */
  static double jaroWinkler(String a, String b, double floor) {
    return JaroWinkler.similarity(a, b, floor);
  }

  /** The edit distance, or -1 when it is above {@code max} (commons-text stops early then). */
  static int levenshtein(String a, String b, LevenshteinDistance bounded) {
    return bounded.apply(a, b);
  }

  /** How two dates agree, as the date comparison's levels name it. */
  enum DateAgreement { EXACT, SWAPPED_DAY_MONTH, ONE_COMPONENT_OFF, YEARS_CLOSE, DIFFERENT }

  static DateAgreement dates(LocalDate a, LocalDate b, int closeYears) {
    if (a.equals(b)) {
      return DateAgreement.EXACT;
    }
    if (a.getYear() == b.getYear() && a.getMonthValue() == b.getDayOfMonth()
        && a.getDayOfMonth() == b.getMonthValue()) {
      return DateAgreement.SWAPPED_DAY_MONTH;
    }
    int same = (a.getYear() == b.getYear() ? 1 : 0) + (a.getMonthValue() == b.getMonthValue() ? 1 : 0)
        + (a.getDayOfMonth() == b.getDayOfMonth() ? 1 : 0);
    if (same == 2) {
      return DateAgreement.ONE_COMPONENT_OFF;
    }
    long days = Math.abs(ChronoUnit.DAYS.between(a, b));
    return days <= 366L * closeYears ? DateAgreement.YEARS_CLOSE : DateAgreement.DIFFERENT;
  }

  /**
   * The relative difference |a - b| / max(|a|, |b|) of two numbers written as text, 0 for equal
   * numbers, or NaN when either is not a number.
   */
  static double relativeDifference(String a, String b) {
    double x;
    double y;
    try {
      x = Double.parseDouble(a);
      y = Double.parseDouble(b);
    } catch (NumberFormatException notANumber) {
      return Double.NaN;
    }
    if (Double.isNaN(x) || Double.isNaN(y) || Double.isInfinite(x) || Double.isInfinite(y)) {
      return Double.NaN;
    }
    double scale = Math.max(Math.abs(x), Math.abs(y));
    return scale == 0 ? 0 : Math.abs(x - y) / scale;
  }

  /**
   * The tokens of a name: words split at anything but letters and digits; a word in a script
   * written without spaces (Han, kana, Hangul) becomes its character bigrams, so 华为技术 and
   * 华为 share tokens the way "huawei technologies" and "huawei" do.
   */
  static Set<String> tokens(String text) {
    Set<String> tokens = new HashSet<>();
    StringBuilder word = new StringBuilder();
    text.codePoints().forEach(cp -> {
      if (Character.isLetterOrDigit(cp)) {
        word.appendCodePoint(cp);
      } else {
        addWord(tokens, word);
      }
    });
    addWord(tokens, word);
    return tokens;
  }

  private static void addWord(Set<String> tokens, StringBuilder word) {
    if (word.length() == 0) {
      return;
    }
    String w = word.toString();
    word.setLength(0);
    if (!writtenWithoutSpaces(w)) {
      tokens.add(w);
      return;
    }
    int[] cps = w.codePoints().toArray();
    if (cps.length == 1) {
      tokens.add(w);
      return;
    }
    for (int i = 0; i + 1 < cps.length; i++) {
      tokens.add(new String(cps, i, 2));
    }
  }

  private static boolean writtenWithoutSpaces(String word) {
    return word.codePoints().anyMatch(cp -> {
      Character.UnicodeScript script = Character.UnicodeScript.of(cp);
      return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
          || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    });
  }

  /** Jaccard similarity |A ∩ B| / |A ∪ B| of two token sets; 0 when both are empty. */
  static double jaccard(Set<String> a, Set<String> b) {
    if (a.isEmpty() && b.isEmpty()) {
      return 0;
    }
    Set<String> small = a.size() <= b.size() ? a : b;
    Set<String> large = small == a ? b : a;
    int common = 0;
    for (String token : small) {
      if (large.contains(token)) {
        common++;
      }
    }
    return (double) common / (a.size() + b.size() - common);
  }

  static boolean overlap(Set<String> a, Set<String> b) {
    Set<String> small = a.size() <= b.size() ? a : b;
    Set<String> large = small == a ? b : a;
    for (String value : small) {
      if (large.contains(value)) {
        return true;
      }
    }
    return false;
  }
}
