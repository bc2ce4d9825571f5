package io.crmkit.core.common;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * {@link PrintableText.Validator#problem} with its shortcut for printable ASCII finds what the
 * character-by-character definition finds, on text mixing ASCII with every kind of character the
 * rule singles out.
 */
class PrintableTextProperties {

  @Provide
  Arbitrary<String> mixedText() {
    Arbitrary<Character> interesting = Arbitraries.of(' ', '\t', '\n', '\r', '\u0000', '\u001f', '\u007f', '\u0085',
        '\u00a0', '\u200b', '\u2007', '\u202f', '\u3000', '\ufeff', '\u2028', '\u2029', '\u202a', '\u202e', '\u2066',
        '\u2069', '\ud83d', '\udc69', '张', 'é', '\u0301');
    Arbitrary<Character> ascii = Arbitraries.chars().range(' ', '~');
    return Arbitraries.frequencyOf(
            Tuple.of(4, ascii), Tuple.of(1, interesting),
            Tuple.of(1, Arbitraries.chars()))
        .list().ofMaxSize(12)
        .map(chars -> chars.stream().map(String::valueOf).reduce("", String::concat));
  }

  @Property(tries = 3000)
  void findsWhatTheCharacterByCharacterDefinitionFinds(@ForAll("mixedText") String text, @ForAll boolean multiline) {
    assertThat(PrintableText.Validator.problem(text, multiline)).isEqualTo(definition(text, multiline));
  }

  /** The rule as written before the ASCII shortcut: every character through the general tests. */
  private static String definition(CharSequence value, boolean multiline) {
    boolean visible = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      int codePoint = c;
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
          return "must not contain unpaired surrogates";
        }
        codePoint = Character.toCodePoint(c, value.charAt(++i));
      } else if (Character.isLowSurrogate(c)) {
        return "must not contain unpaired surrogates";
      } else if (Character.isISOControl(c) && !(multiline && (c == '\n' || c == '\r' || c == '\t'))) {
        return "must not contain control characters";
      } else if (!multiline && (c == '\u2028' || c == '\u2029')) {
        return "must not contain line or paragraph separators";
      } else if ((c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')) {
        return "must not contain bidirectional override characters";
      }
      int type = Character.getType(codePoint);
      visible |= !(Character.isWhitespace(codePoint) || type == Character.SPACE_SEPARATOR || type == Character.FORMAT);
    }
    return visible || value.toString().trim().isEmpty() ? null : "must contain a visible character";
  }
}
