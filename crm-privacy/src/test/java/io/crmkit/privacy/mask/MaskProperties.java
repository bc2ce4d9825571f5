package io.crmkit.privacy.mask;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.customer.PersonName;
import java.util.List;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/** Invariants every mask keeps, on any text: idempotent, shape-preserving, revealing no more than configured. */
class MaskProperties {
  private static final MaskingPolicy POLICY = MaskingPolicy.defaults();

  private static final List<UnaryOperator<String>> TEXT_MASKS = List.of(
      POLICY.phones()::mask,
      POLICY.emails()::mask,
      new EmailMask(2, false)::mask,
      POLICY.names()::mask,
      new NameMask(false)::mask,
      POLICY.text()::mask,
      v -> POLICY.identifiers().mask("CN_RIN", v),
      v -> POLICY.identifiers().mask("CN_USCC", v),
      v -> POLICY.identifiers().mask("PASSPORT", v));

  @Property(tries = 300)
  void maskingAMaskedValueChangesNothing(@ForAll("anyText") String text) {
    for (UnaryOperator<String> mask : TEXT_MASKS) {
      String once = mask.apply(text);
      assertThat(mask.apply(once)).as("mask of %s", text).isEqualTo(once);
    }
  }

  @Property(tries = 200)
  void masksAcceptBrokenUtf16WithoutThrowing(@ForAll("rawChars") String text) {
    for (UnaryOperator<String> mask : TEXT_MASKS) {
      assertThat(mask.apply(text)).isNotNull();
    }
  }

  @Property(tries = 300)
  void keepEndsKeepsLayoutAndRevealsOnlyItsEnds(@ForAll("anyText") String text,
      @ForAll @IntRange(max = 6) int keepFirst, @ForAll @IntRange(max = 6) int keepLast,
      @ForAll @IntRange(min = 1, max = 6) int minHidden) {
    KeepEnds mask = KeepEnds.of(keepFirst, keepLast, minHidden);
    int[] in = text.codePoints().toArray();
    int[] out = mask.mask(text).codePoints().toArray();

    assertThat(out).hasSameSizeAs(in);
    int content = 0;
    int revealed = 0;
    for (int i = 0; i < in.length; i++) {
      if (CodePoints.isSeparator(in[i])) {
        assertThat(out[i]).as("separator at %d", i).isEqualTo(in[i]);
        continue;
      }
      content++;
      assertThat(out[i]).as("content at %d is itself or hidden", i).isIn(in[i], CodePoints.MASK);
      if (out[i] != CodePoints.MASK) {
        revealed++;
      }
    }
    assertThat(revealed).isLessThanOrEqualTo(keepFirst + keepLast);
    assertThat(content - revealed).as("hidden").isGreaterThanOrEqualTo(Math.min(minHidden, content));
    assertThat(mask.mask(mask.mask(text))).isEqualTo(mask.mask(text));
  }

  @Property(tries = 300)
  void emailRevealsAtMostItsKeptStartBeforeTheDomain(@ForAll("anyText") String local,
      @ForAll("anyText") String domain, @ForAll @IntRange(max = 4) int keepFirst) {
    String masked = new EmailMask(keepFirst, true).mask(local.replace("@", "") + "@" + domain.replace("@", ""));
    String maskedLocal = masked.substring(0, masked.lastIndexOf('@'));

    assertThat(maskedLocal).endsWith("***");
    assertThat(maskedLocal.codePoints().filter(cp -> cp != '*').count()).isLessThanOrEqualTo(keepFirst);
    assertThat(local.replace("@", "")).startsWith(maskedLocal.substring(0, maskedLocal.length() - 3));
  }

  @Property(tries = 200)
  void chineseMobileNumbersKeepCountryCodeFirstThreeAndLastFour(@ForAll("mobiles") String nsn) {
    String masked = POLICY.phones().mask("+86" + nsn);

    assertThat(masked).isEqualTo("+86" + nsn.substring(0, 3) + "****" + nsn.substring(7));
    assertThat(POLICY.phones().mask(nsn)).isEqualTo(nsn.substring(0, 3) + "****" + nsn.substring(7));
  }

  @Property(tries = 200)
  void residentIdentityNumbersShowOnlyRegionAndLastFour(@ForAll("residentIds") String rin) {
    assertThat(POLICY.identifiers().mask("CN_RIN", rin))
        .isEqualTo(rin.substring(0, 6) + "********" + rin.substring(14));
  }

  @Property(tries = 200)
  void chineseNamesShowOnlyTheSurname(@ForAll("hanNames") String name) {
    String masked = POLICY.names().mask(name);
    int length = name.codePointCount(0, name.length());
    int kept = (int) masked.codePoints().filter(cp -> cp != '*').count();

    assertThat(masked.codePointCount(0, masked.length())).isEqualTo(length);
    assertThat(kept).isLessThanOrEqualTo(Math.min(2, length - 1));
    assertThat(name).startsWith(masked.substring(0, masked.indexOf('*')));
  }

  @Property(tries = 200)
  void personNamesRevealAtMostOneInitialPerGivenNameAndMaskIdempotently(@ForAll("anyText") String family, @ForAll("anyText") String given) {
    PersonName name = PersonName.of("x" + family, "y" + given);
    PersonName once = POLICY.names().mask(name);

    assertThat(POLICY.names().mask(once)).isEqualTo(once);
    assertThat(once.familyName()).isEqualTo(name.familyName());
    String maskedGiven = once.givenName().orElseThrow();
    long words = wordCount("y" + given);
    assertThat(maskedGiven.codePoints().filter(cp -> cp != '*' && !Character.isWhitespace(cp)).count())
        .as("one initial per word at most").isLessThanOrEqualTo(words);
  }

  /** Words as {@link Character#isWhitespace} separates them (regex {@code \\s} misses U+3000). */
  private static long wordCount(String text) {
    long words = 0;
    boolean inWord = false;
    for (int cp : text.codePoints().toArray()) {
      boolean space = Character.isWhitespace(cp);
      if (!space && !inWord) {
        words++;
      }
      inWord = !space;
    }
    return words;
  }

  @Provide
  Arbitrary<String> anyText() {
    Arbitrary<Integer> codePoint = Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.integers().between(0x20, 0x7E)),
        Tuple.of(2, Arbitraries.integers().between(0x4E00, 0x9FA5)),
        Tuple.of(1, Arbitraries.of((int) '*', (int) '@', (int) '+', (int) ' ', 0x3000, 0xA0)),
        Tuple.of(2, Arbitraries.integers().between(0x10000, 0x10FFFF)),
        Tuple.of(1, Arbitraries.integers().between(0, 0xD7FF)));
    return codePoint.list().ofMaxSize(30).map(cps -> {
      StringBuilder text = new StringBuilder();
      cps.forEach(text::appendCodePoint);
      return text.toString();
    });
  }

  @Provide
  Arbitrary<String> rawChars() {
    return Arbitraries.strings().all().ofMaxLength(30);
  }

  @Provide
  Arbitrary<String> mobiles() {
    return Combinators.combine(Arbitraries.of("13", "15", "17", "18", "19"),
        Arbitraries.strings().numeric().ofLength(9)).as(String::concat);
  }

  @Provide
  Arbitrary<String> residentIds() {
    return Combinators.combine(Arbitraries.strings().numeric().ofLength(17),
        Arbitraries.of("0", "5", "X")).as(String::concat);
  }

  @Provide
  Arbitrary<String> hanNames() {
    return Arbitraries.strings().withCharRange('\u4E00', '\u9FA5').ofMinLength(1).ofMaxLength(4)
        .injectDuplicates(0.1)
        .edgeCases(c -> c.add("欧阳娜娜"));
  }
}
