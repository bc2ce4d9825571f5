package io.crmkit.testkit;

import io.crmkit.core.common.Require;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Free text that crmkit's text constraints accept (printable, not blank, within a length limit)
 * but that storage adapters find hard: CJK, Hangul, Cyrillic, Arabic, accents, combining marks,
 * emoji (surrogate pairs and ZWJ sequences), inner and outer spaces, and values filling the whole
 * length limit. Lengths count UTF-16 units, as {@code @Size} does; surrogate pairs are never split.
 */
final class TextArbitraries {
  private static final int[] LETTERS = codePoints(
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
          + "éèüöäßøåñçłŁğİı"
          + "张王李刘陈杨黄赵吴周徐孙马朱胡郭何高林罗伟芳娜敏静丽强磊军洋"
          + "さくらカタカナ한국어서울"
          + "ДмитрийОльга"
          + "محمدعلي"
          + "😀🎉👍🏽🚀🇨🇳🐉");
  private static final int[] OTHERS = codePoints(" -_.,;:!?'\"/\\()[]{}&%$#@*+=<>|~^`€£¥©®™·…\u0301\u200d\u00a0\u3000");
  private static final int[] ALL = IntStream.concat(IntStream.of(LETTERS), IntStream.of(OTHERS)).toArray();
  private static final int[] LINE_BREAKS = codePoints("\n\r\t");
  private static final List<String> LONG_PATTERNS = List.of(
      "a", "长", "😀", "👩\u200d💻", "e\u0301", "Ab1 ", "客户-", "Ü ß ", "한", " x ");

  private TextArbitraries() {}

  /** Single-line printable text, never blank, of at most {@code maxLength} UTF-16 units. */
  static Arbitrary<String> text(int maxLength) {
    return text(maxLength, false);
  }

  /** Like {@link #text(int)}, also with line feeds, carriage returns and tabs inside. */
  static Arbitrary<String> multilineText(int maxLength) {
    return text(maxLength, true);
  }

  /** Mostly {@code realistic} values, sometimes unusual text, sometimes text filling the limit. */
  static Arbitrary<String> realisticOr(Arbitrary<String> realistic, int maxLength) {
    return Arbitraries.frequencyOf(
        Tuple.of(8, realistic.map(s -> truncate(s, maxLength))),
        Tuple.of(2, text(maxLength)));
  }

  /** Like {@link #realisticOr}, with multi-line unusual text. */
  static Arbitrary<String> realisticOrMultiline(Arbitrary<String> realistic, int maxLength) {
    return Arbitraries.frequencyOf(
        Tuple.of(8, realistic.map(s -> truncate(s, maxLength))),
        Tuple.of(2, multilineText(maxLength)));
  }

  /** Cuts {@code text} to at most {@code maxLength} UTF-16 units without splitting a surrogate pair. */
  static String truncate(String text, int maxLength) {
    if (text.length() <= maxLength) {
      return text;
    }
    int end = maxLength;
    if (Character.isLowSurrogate(text.charAt(end)) && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end);
  }

  private static Arbitrary<String> text(int maxLength, boolean multiline) {
    Require.atLeast(maxLength, 1, "maxLength");
    int[] rest = multiline ? IntStream.concat(IntStream.of(ALL), IntStream.of(LINE_BREAKS)).toArray() : ALL;
    // A first letter of two UTF-16 units would not fit in one: the text must never come out blank.
    int[] firstLetters = IntStream.of(LETTERS).filter(cp -> Character.charCount(cp) <= maxLength).toArray();
    Arbitrary<String> mixed = Combinators.combine(
            Arbitraries.of(boxed(firstLetters)),
            Arbitraries.of(boxed(rest)).list().ofMaxSize(Math.min(maxLength, 40)))
        .as((first, others) -> {
          StringBuilder text = new StringBuilder().appendCodePoint(first);
          others.forEach(text::appendCodePoint);
          return truncate(text.toString(), maxLength);
        });
    Arbitrary<String> filling = Combinators.combine(
            Arbitraries.of(LONG_PATTERNS), Arbitraries.integers().between(0, Math.min(3, maxLength - 1)))
        .as((pattern, shortBy) -> fill(pattern, maxLength - shortBy));
    return Arbitraries.frequencyOf(Tuple.of(9, mixed), Tuple.of(1, filling));
  }

  /** {@code pattern} repeated to exactly {@code length} units, padded with {@code x} where a pair would not fit. */
  private static String fill(String pattern, int length) {
    StringBuilder text = new StringBuilder(length + pattern.length());
    while (text.length() < length) {
      text.append(pattern);
    }
    String cut = truncate(text.toString(), length);
    String padded = cut + "x".repeat(length - cut.length());
    // A pattern starting with a space must not leave a blank value behind (impossible at length > 1).
    return padded.isBlank() ? "x".repeat(length) : padded;
  }

  private static int[] codePoints(String text) {
    return text.codePoints().distinct().toArray();
  }

  private static Integer[] boxed(int[] values) {
    return IntStream.of(values).boxed().toArray(Integer[]::new);
  }
}
