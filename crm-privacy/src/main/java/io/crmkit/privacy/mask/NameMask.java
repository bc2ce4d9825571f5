package io.crmkit.privacy.mask;

import io.crmkit.core.common.Require;
import io.crmkit.core.customer.PersonName;
import java.util.Optional;
import java.util.Set;

/**
 * Masks a person's name, keeping the family name if {@code keepFamilyName}: a Chinese name keeps
 * its surname and hides each character of the given name ({@code 张伟} becomes {@code 张*},
 * {@code 欧阳娜娜} becomes {@code 欧阳**}), a Western name keeps the initial of each given name
 * ({@code John Smith} becomes {@code J*** Smith}).
 *
 * <p>A name written without spaces and starting with a Han character is read family name first,
 * with a two-character compound surname when it starts with one of {@link #COMPOUND_SURNAMES}; a
 * name with spaces is read given names first, family name last. A Han word is always hidden whole
 * (its initial would be half of it).
 *
 * @param keepFamilyName whether the family name stays
 */
public record NameMask(boolean keepFamilyName) {
  /** Two-character Chinese surnames, so that {@code 欧阳} stays whole and not as {@code 欧}. */
  public static final Set<String> COMPOUND_SURNAMES = Set.of("欧阳", "司马", "上官", "诸葛", "东方",
      "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "司空", "夏侯", "轩辕", "令狐", "端木",
      "西门", "南宫", "独孤", "呼延", "闻人", "东郭", "百里", "万俟", "澹台", "公冶", "太史", "申屠",
      "钟离", "宗政", "濮阳", "淳于", "单于", "拓跋", "赫连", "第五", "歐陽", "司馬", "諸葛", "東方",
      "長孫", "軒轅", "獨孤", "鍾離");

  /** Family name kept: {@code 张*}, {@code J*** Smith}. */
  public static NameMask defaults() {
    return new NameMask(true);
  }

  /** Masks a name as written ({@link io.crmkit.core.customer.CustomerDetails#displayName()}). */
  public String mask(String name) {
    Require.notNull(name, "name");
    if (name.strip().codePoints().anyMatch(Character::isWhitespace)) {
      return maskWords(name);
    }
    if (!name.isEmpty() && CodePoints.isHan(name.codePointAt(0))) {
      return maskChinese(name);
    }
    // One word (perhaps with spaces around it): a single name, hidden but for its initial.
    return maskWordsOf(name);
  }

  /** Masks both parts of {@code name}: the family name by {@link #keepFamilyName}, the given name always. */
  public PersonName mask(PersonName name) {
    Require.notNull(name, "name");
    Optional<String> family = keepFamilyName ? name.familyName() : name.familyName().map(NameMask::maskWordsOf);
    Optional<String> given = name.givenName().map(NameMask::maskWordsOf);
    return new PersonName.Builder().familyName(family).givenName(given).build();
  }

  /** Given names first, the family name last. */
  private String maskWords(String name) {
    int lastWord = lastWordStart(name);
    String given = name.substring(0, lastWord);
    String family = name.substring(lastWord);
    return maskWordsOf(given) + (keepFamilyName ? family : maskWordsOf(family));
  }

  private String maskChinese(String name) {
    int length = name.codePointCount(0, name.length());
    int family = 0;
    if (keepFamilyName && length > 2 && COMPOUND_SURNAMES.contains(CodePoints.head(name, 2))) {
      family = 2;
    } else if (keepFamilyName && length >= 2) {
      family = 1;
    }
    return CodePoints.head(name, family) + CodePoints.repeatMask(length - family);
  }

  /** Every word masked, the spaces between them kept. */
  private static String maskWordsOf(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int start = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int next = i + Character.charCount(cp);
      if (Character.isWhitespace(cp)) {
        out.append(maskWord(text.substring(start, i))).appendCodePoint(cp);
        start = next;
      }
      i = next;
    }
    return out.append(maskWord(text.substring(start))).toString();
  }

  /** A word: its initial and {@code ***}, or all hidden if Han; a masked word stays as it is. */
  private static String maskWord(String word) {
    if (word.isEmpty() || CodePoints.allMasked(word)) {
      return word;
    }
    if (word.codePoints().anyMatch(CodePoints::isHan)) {
      return CodePoints.repeatMask(word.codePointCount(0, word.length()));
    }
    int first = word.codePointAt(0);
    return first == CodePoints.MASK ? CodePoints.HIDDEN : new String(Character.toChars(first)) + CodePoints.HIDDEN;
  }

  /** Where the last word starts: after the last whitespace that has something after it. */
  private static int lastWordStart(String name) {
    int end = name.length();
    while (end > 0 && Character.isWhitespace(name.codePointBefore(end))) {
      end -= Character.charCount(name.codePointBefore(end));
    }
    int start = end;
    while (start > 0 && !Character.isWhitespace(name.codePointBefore(start))) {
      start -= Character.charCount(name.codePointBefore(start));
    }
    return start;
  }
}
