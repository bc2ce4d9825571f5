package io.crmkit.core.customer;

/** Writing-system tests used to format names the way their culture writes them. */
final class Scripts {
  private Scripts() {}

  /**
   * Whether every letter of {@code text} is Han, Hiragana, Katakana or Hangul. Letters shared by
   * scripts (such as the katakana long-vowel mark ー, script COMMON) go with their neighbours.
   */
  static boolean isCjk(String text) {
    return !text.isEmpty() && text.codePoints().filter(Character::isLetter).allMatch(cp -> {
      Character.UnicodeScript script = Character.UnicodeScript.of(cp);
      return script == Character.UnicodeScript.COMMON
          || script == Character.UnicodeScript.INHERITED
          || script == Character.UnicodeScript.HAN
          || script == Character.UnicodeScript.HIRAGANA
          || script == Character.UnicodeScript.KATAKANA
          || script == Character.UnicodeScript.HANGUL;
    });
  }
}
