package io.crmkit.core.dedup.standardise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Organisation names prepared for matching, from text {@link TextFolding} has already folded:
 * brackets of every kind unified to {@code ( )}, other punctuation dropped, the legal form removed
 * from the end (有限公司, 股份有限公司, 集团, Co., Ltd., Inc., GmbH, LLC, S.A. ...), and a branch
 * (北京分公司, 上海分行, 第一营业部) kept apart so that a branch never matches its head office by
 * name alone. Applying the rules to their own output changes nothing.
 */
final class OrganisationNames {
  /** Chinese legal forms and group words, longest first so that 股份有限公司 wins over 有限公司. */
  private static final List<String> CHINESE_FORMS = byLengthDescending(
      "股份有限公司", "有限责任公司", "有限公司", "股份公司", "集团公司", "总公司", "公司", "集团", "有限合伙",
      "合伙企业", "个人独资企业", "有限責任公司", "集團");
  /** Where a Chinese branch name ends. */
  private static final List<String> BRANCH_MARKERS = byLengthDescending(
      "分公司", "分店", "分行", "支行", "分厂", "办事处", "营业部", "分部", "分所", "分社", "分院", "分中心");
  /** Words that end a head-office name before a branch, though they are kept in the name. */
  private static final List<String> HEAD_ENDINGS = List.of("银行", "保险", "证券", "医院");
  /** Western legal forms as tokens, dots and slashes removed (s.a. → sa, a/s → as). */
  private static final Set<String> WESTERN_FORMS = Set.of(
      "co", "company", "ltd", "limited", "inc", "incorporated", "corp", "corporation", "gmbh", "llc", "llp", "lp",
      "plc", "sa", "sas", "sarl", "ag", "kg", "ohg", "ug", "ev", "bv", "nv", "srl", "spa", "pty", "pte", "ab", "oy",
      "as", "aps", "kk", "sdn", "bhd", "&", "and", "group", "holding", "holdings");
  /** Organisation words that make a name an organisation's even without a legal form. */
  private static final List<String> INSTITUTION_WORDS = List.of(
      "公司", "集团", "企业", "银行", "医院", "大学", "学院", "学校", "研究所", "研究院", "协会", "事务所", "合作社",
      "委员会", "商行", "工作室", "有限合伙", "集團");

  /** An organisation name for matching and the branch it names, empty when it names none. */
  record Parts(String name, String branch) {}

  private OrganisationNames() {}

  /**
   * The name without legal form and the branch, from a folded name; {@code isPlace} says which
   * texts are place names, to find where a branch without a legal form before it starts
   * (华为北京分公司).
   */
  static Parts standardise(String folded, Predicate<String> isPlace) {
    String text = unifyPunctuation(folded);
    String branch = "";
    int marker = firstBranchMarker(text);
    if (marker > 0) {
      int start = branchStart(text, marker, isPlace);
      branch = text.substring(start).replace(" ", "");
      text = text.substring(0, start).strip();
    }
    String name = stripLegalForms(text);
    return new Parts(name.isEmpty() ? text : name, branch);
  }

  /** Whether a folded name says it is an organisation's: it has a legal form or an institution word. */
  static boolean looksLikeOrganisation(String folded) {
    for (String word : INSTITUTION_WORDS) {
      if (folded.contains(word)) {
        return true;
      }
    }
    String text = unifyPunctuation(folded);
    for (String token : tokens(text)) {
      if (WESTERN_FORMS.contains(token) && !token.equals("&") && !token.equals("and") && !token.equals("as")
          && !token.equals("co")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Brackets of every kind to {@code ( )}, empty brackets removed, dots and slashes between letters
   * removed (s.a., a/s), other punctuation to spaces, spaces beside Han characters removed.
   */
  static String unifyPunctuation(String folded) {
    StringBuilder out = new StringBuilder(folded.length());
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      if (c == '(' || c == '[' || c == '{' || c == '【' || c == '〔' || c == '〖' || c == '「' || c == '『' || c == '《'
          || c == '〈') {
        out.append('(');
      } else if (c == ')' || c == ']' || c == '}' || c == '】' || c == '〕' || c == '〗' || c == '」' || c == '』'
          || c == '》' || c == '〉') {
        out.append(')');
      } else if (c == '.' || c == '/' || c == '\'' || c == '’') {
        continue; // s.a. → sa, a/s → as, o'neill → oneill: joined, never split
      } else if (c == '&' || Character.isLetterOrDigit(c) || Character.isSurrogate(c) || c == ' ') {
        out.append(c);
      } else if (isMark(c)) {
        out.append(c);
      } else {
        out.append(' ');
      }
    }
    return TextFolding.removeSpacesBesideHan(removeEmptyBrackets(TextFolding.collapseWhitespace(out.toString())));
  }

  private static String removeEmptyBrackets(String text) {
    String result = text.replace("( ", "(").replace(" )", ")");
    String previous;
    do {
      previous = result;
      result = result.replace("()", "");
    } while (!result.equals(previous));
    return TextFolding.collapseWhitespace(result);
  }

  private static int firstBranchMarker(String text) {
    int first = -1;
    for (String marker : BRANCH_MARKERS) {
      int at = text.indexOf(marker);
      if (at > 0 && (first < 0 || at < first)) {
        first = at;
      }
    }
    return first;
  }

  /**
   * Where the branch starts: after the last legal form or head-office word before the marker;
   * failing that, at the longest place name that ends just before it; failing that, at the marker.
   */
  private static int branchStart(String text, int marker, Predicate<String> isPlace) {
    String head = text.substring(0, marker);
    int start = -1;
    for (String form : CHINESE_FORMS) {
      int at = head.lastIndexOf(form);
      start = at >= 0 ? Math.max(start, at + form.length()) : start;
    }
    for (String word : HEAD_ENDINGS) {
      int at = head.lastIndexOf(word);
      start = at >= 0 ? Math.max(start, at + word.length()) : start;
    }
    int bracket = head.lastIndexOf(')');
    start = Math.max(start, bracket >= 0 ? bracket + 1 : -1);
    if (start > 0) {
      return start;
    }
    for (int length = Math.min(marker - 1, 8); length >= 2; length--) {
      if (isPlace.test(head.substring(marker - length))) {
        return marker - length;
      }
    }
    return marker;
  }

  /** Legal forms removed from the end, again and again, and a bracketed legal form too (有限合伙). */
  static String stripLegalForms(String text) {
    String current = text;
    String previous;
    do {
      previous = current;
      current = stripBracketedForm(stripChineseForm(stripWesternForms(current)));
    } while (!current.equals(previous) && !current.isEmpty());
    return current;
  }

  private static String stripChineseForm(String text) {
    for (String form : CHINESE_FORMS) {
      if (text.endsWith(form)) {
        return text.substring(0, text.length() - form.length()).strip();
      }
    }
    return text;
  }

  private static String stripBracketedForm(String text) {
    if (text.endsWith(")")) {
      int open = text.lastIndexOf('(');
      if (open >= 0 && stripLegalForms(text.substring(open + 1, text.length() - 1)).isEmpty()) {
        return text.substring(0, open).strip();
      }
    }
    return text;
  }

  private static String stripWesternForms(String text) {
    List<String> tokens = tokens(text);
    int end = tokens.size();
    while (end > 0 && WESTERN_FORMS.contains(tokens.get(end - 1))) {
      end--;
    }
    if (end == tokens.size()) {
      return text;
    }
    return String.join(" ", tokens.subList(0, end));
  }

  private static List<String> tokens(String text) {
    return text.isEmpty() ? List.of() : Arrays.asList(text.split(" "));
  }

  private static boolean isMark(char c) {
    int type = Character.getType(c);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  private static List<String> byLengthDescending(String... words) {
    List<String> sorted = new ArrayList<>(new LinkedHashSet<>(Arrays.asList(words)));
    sorted.sort(Comparator.comparingInt(String::length).reversed());
    return List.copyOf(sorted);
  }
}
