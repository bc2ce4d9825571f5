package io.crmkit.testkit.dedup;

import java.util.List;
import java.util.SplittableRandom;

/** One typing error in a text: an insertion, a deletion, a substitution or a transposition. */
final class Typos {
  private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";
  private static final List<Character> CHINESE_FILLERS = List.of('华', '明', '文', '国', '金', '玉');

  private Typos() {}

  /** {@code text} with one typing error; always different from {@code text}, which must not be empty. */
  static String typo(String text, SplittableRandom random) {
    StringBuilder out = new StringBuilder(text);
    int op = text.length() < 2 ? 0 : random.nextInt(4);
    int at = random.nextInt(text.length());
    switch (op) {
      case 1 -> out.deleteCharAt(at);
      case 2 -> out.setCharAt(at, substitute(text.charAt(at), random));
      case 3 -> {
        int first = firstDifferentNeighbour(text, at);
        if (first < 0) {
          return insert(out, at, random);
        }
        char c = out.charAt(first);
        out.setCharAt(first, out.charAt(first + 1));
        out.setCharAt(first + 1, c);
      }
      default -> {
        return insert(out, at, random);
      }
    }
    return out.toString();
  }

  /** A letter of the same kind: a homophone for a Chinese character, another letter in the same case. */
  private static char substitute(char c, SplittableRandom random) {
    if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
      Character homophone = ChineseNames.HOMOPHONES.get(c);
      if (homophone != null) {
        return homophone;
      }
      char filler = CHINESE_FILLERS.get(random.nextInt(CHINESE_FILLERS.size()));
      return filler == c ? '文' == c ? '华' : '文' : filler;
    }
    char letter = LETTERS.charAt(random.nextInt(LETTERS.length()));
    if (Character.toLowerCase(c) == letter) {
      letter = letter == 'z' ? 'a' : (char) (letter + 1);
    }
    return Character.isUpperCase(c) ? Character.toUpperCase(letter) : letter;
  }

  /** A doubled character (伟伟, Smmith), the commonest insertion for both scripts. */
  private static String insert(StringBuilder out, int at, SplittableRandom random) {
    char c = out.charAt(at);
    if (Character.isLetter(c) && Character.UnicodeScript.of(c) != Character.UnicodeScript.HAN && random.nextBoolean()) {
      out.insert(at, substitute(c, random));
    } else {
      out.insert(at, c);
    }
    return out.toString();
  }

  /** The first position from {@code from} on (wrapping round) whose next character differs from it, or -1. */
  private static int firstDifferentNeighbour(String text, int from) {
    int pairs = text.length() - 1;
    for (int i = 0; i < pairs; i++) {
      int at = (from + i) % pairs;
      if (text.charAt(at) != text.charAt(at + 1)) {
        return at;
      }
    }
    return -1;
  }
}
