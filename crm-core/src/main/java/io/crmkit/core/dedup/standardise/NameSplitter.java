package io.crmkit.core.dedup.standardise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Splits and cleans person names that {@link TextFolding} has already folded.
 *
 * <p>Chinese names are written family name first without a space; the family name is one
 * character unless the name starts with a compound surname (欧阳, 司马, 诸葛 ...) and has a
 * character left for the given name. A Chinese name written with spaces is split at the first
 * space; a transliterated name with a middle dot (约翰·史密斯) puts the family name last.
 * Western names put the family name last, together with the particles before it (van, von, de,
 * da, van der, de la ...), or first when written {@code Family, Given}; titles and suffixes (Mr,
 * Dr, Jr ...) are dropped, and {@code Mc Donald} and {@code O Brien} are joined as the family
 * names {@code mcdonald} and {@code o'brien}.
 */
final class NameSplitter {
  private static final Set<String> COMPOUND_SURNAMES = Set.of(
      "欧阳", "司马", "诸葛", "上官", "司徒", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "夏侯", "令狐",
      "端木", "澹台", "独孤", "轩辕", "南宫", "西门", "百里", "呼延", "万俟", "闻人", "东郭", "公羊", "赫连", "太史",
      "申屠", "钟离", "宗政", "濮阳", "淳于", "单于", "公冶", "仲孙", "拓跋", "第五", "梁丘", "左丘", "谷梁", "司空",
      "司寇", "亓官", "巫马", "公西", "漆雕", "壤驷", "公良", "宰父", "夹谷", "颛孙", "微生", "羊舌", "鲜于", "闾丘",
      "乐正", "呼伦", "东门",
      "歐陽", "司馬", "諸葛", "東方", "尉遲", "公孫", "長孫", "澹臺", "獨孤", "軒轅", "南宮", "鍾離", "聞人");
  /** Honorifics written after a Chinese family name (王先生, 李女士). */
  private static final List<String> CHINESE_HONORIFICS = List.of("先生", "女士", "小姐", "太太", "夫人");
  private static final Set<String> PARTICLES = Set.of(
      "van", "von", "der", "den", "de", "del", "della", "degli", "di", "da", "das", "dos", "do", "du", "la", "le",
      "ter", "ten", "te", "vander", "zu", "bin", "binti", "ibn", "al", "el", "st", "saint", "san", "mc", "mac", "o");
  private static final Set<String> TITLES = Set.of(
      "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "madam", "rev", "jr", "sr", "ii", "iii", "iv",
      "phd", "md", "esq");
  private static final char MIDDLE_DOT = '·';

  /** A person's name in two parts; either may be empty. */
  record Parts(String family, String given) {}

  private NameSplitter() {}

  /** A whole name in one field, split by the rules of its script. */
  static Parts split(String folded) {
    int comma = indexOfComma(folded);
    if (comma >= 0) {
      String family = family(folded.substring(0, comma));
      String given = given(folded.substring(comma + 1));
      return family.isEmpty() ? split(given) : new Parts(family, given);
    }
    String name = clean(folded, false);
    if (name.isEmpty()) {
      return new Parts("", "");
    }
    return isHan(name) ? splitChinese(name) : splitWestern(name);
  }

  /** A family name given in its own field: cleaned, honorifics and titles off, Mc and O' joined. */
  static String family(String folded) {
    String name = clean(folded, true);
    if (isHan(name)) {
      return stripHonorific(name);
    }
    return joinPrefixes(dropTitles(tokens(name)));
  }

  /** A given name in its own field, cleaned. */
  static String given(String folded) {
    String name = clean(folded, true);
    return isHan(name) ? name : String.join(" ", dropTitles(tokens(name)));
  }

  private static Parts splitChinese(String name) {
    int dot = name.lastIndexOf(MIDDLE_DOT);
    if (dot >= 0) {
      return new Parts(trimDots(name.substring(dot + 1)), trimDots(name.substring(0, dot)));
    }
    int space = name.indexOf(' ');
    if (space >= 0) {
      return new Parts(name.substring(0, space), name.substring(space + 1).replace(" ", ""));
    }
    String bare = stripHonorific(name);
    int familyLength = bare.length() > 2 && COMPOUND_SURNAMES.contains(bare.substring(0, 2)) ? 2 : 1;
    familyLength = Character.isHighSurrogate(bare.charAt(0)) ? familyLength + 1 : familyLength;
    if (familyLength >= bare.length()) {
      return new Parts(bare, "");
    }
    return new Parts(bare.substring(0, familyLength), bare.substring(familyLength));
  }

  private static Parts splitWestern(String name) {
    List<String> tokens = dropTitles(tokens(name));
    if (tokens.size() <= 1) {
      return new Parts(String.join("", tokens), "");
    }
    int familyStart = tokens.size() - 1;
    while (familyStart > 1 && PARTICLES.contains(tokens.get(familyStart - 1))) {
      familyStart--;
    }
    return new Parts(joinPrefixes(tokens.subList(familyStart, tokens.size())),
        String.join(" ", tokens.subList(0, familyStart)));
  }

  /** {@code mc donald} → {@code mcdonald}, {@code o brien} → {@code o'brien}; other tokens joined by spaces. */
  private static String joinPrefixes(List<String> tokens) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < tokens.size(); i++) {
      String token = tokens.get(i);
      if (out.length() > 0) {
        out.append(' ');
      }
      if (i + 1 < tokens.size() && (token.equals("mc") || token.equals("o"))) {
        out.append(token.equals("o") ? "o'" : token).append(tokens.get(++i));
      } else {
        out.append(token);
      }
    }
    return out.toString();
  }

  private static List<String> dropTitles(List<String> tokens) {
    List<String> kept = new ArrayList<>(tokens.size());
    for (String token : tokens) {
      if (!TITLES.contains(token)) {
        kept.add(token);
      }
    }
    return kept.isEmpty() ? tokens : kept;
  }

  private static List<String> tokens(String name) {
    return name.isEmpty() ? List.of() : Arrays.asList(name.split(" "));
  }

  private static String stripHonorific(String name) {
    for (String honorific : CHINESE_HONORIFICS) {
      if (name.length() > honorific.length() && name.endsWith(honorific)) {
        return name.substring(0, name.length() - honorific.length());
      }
    }
    return name;
  }

  private static String trimDots(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && text.charAt(start) == MIDDLE_DOT) {
      start++;
    }
    while (end > start && text.charAt(end - 1) == MIDDLE_DOT) {
      end--;
    }
    return text.substring(start, end);
  }

  private static int indexOfComma(String text) {
    int comma = text.indexOf(',');
    return comma >= 0 ? comma : text.indexOf('，');
  }

  /**
   * Apostrophes unified to {@code '}, middle dots to {@code ·}, other punctuation and symbols to
   * spaces (hyphens kept), spaces collapsed; with {@code joinHan}, spaces between Han characters
   * removed (欧 阳 → 欧阳), as when a part is given in its own field.
   */
  static String clean(String folded, boolean joinHan) {
    StringBuilder out = new StringBuilder(folded.length());
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      if (c == '\'' || c == '’' || c == '‘' || c == 'ʼ' || c == '`' || c == '´') {
        out.append('\'');
      } else if (c == MIDDLE_DOT || c == '・' || c == '•' || c == '‧' || c == '･') {
        out.append(MIDDLE_DOT);
      } else if (c == '-' || Character.isLetterOrDigit(c) || Character.isSurrogate(c) || isMark(c)) {
        out.append(c);
      } else {
        out.append(' ');
      }
    }
    String cleaned = withoutEmptyTokens(TextFolding.collapseWhitespace(trimApostrophes(out)));
    return joinHan ? joinHanSpaces(cleaned) : cleaned;
  }

  /** Tokens of hyphens or dots alone ({@code -}, {@code ··}) are no part of a name. */
  private static String withoutEmptyTokens(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (String token : tokens(text)) {
      if (hasLetterOrDigit(token)) {
        out.append(out.length() > 0 ? " " : "").append(token);
      }
    }
    return out.toString();
  }

  /** A plain loop over code points: a stream per token cost more than the rest of the name's cleaning. */
  private static boolean hasLetterOrDigit(String token) {
    for (int i = 0; i < token.length(); ) {
      int codePoint = token.codePointAt(i);
      if (Character.isLetterOrDigit(codePoint)) {
        return true;
      }
      i += Character.charCount(codePoint);
    }
    return false;
  }

  /** An apostrophe belongs inside a name (o'brien), not around it ('jo'). */
  private static String trimApostrophes(StringBuilder text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\'' && (i == 0 || i == text.length() - 1 || text.charAt(i - 1) == ' '
          || text.charAt(i + 1) == ' ')) {
        text.setCharAt(i, ' ');
      }
    }
    return text.toString();
  }

  private static String joinHanSpaces(String text) {
    if (text.indexOf(' ') < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean between = c == ' ' && i > 0 && i + 1 < text.length()
          && isHanChar(text.codePointBefore(i)) && isHanChar(text.codePointAt(i + 1));
      if (!between) {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isMark(char c) {
    int type = Character.getType(c);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  /** Whether every letter of {@code text} is Han (spaces and middle dots allowed); false when it has none. */
  static boolean isHan(String text) {
    boolean han = false;
    for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
      int codePoint = text.codePointAt(i);
      if (isHanChar(codePoint)) {
        han = true;
      } else if (codePoint != ' ' && codePoint != MIDDLE_DOT) {
        return false;
      }
    }
    return han;
  }

  static boolean isHanChar(int codePoint) {
    return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
  }
}
