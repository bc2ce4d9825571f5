package io.crmkit.core.dedup.standardise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextFoldingTest {
  private final List<String> warnings = new ArrayList<>();

  private String fold(String raw) {
    return TextFolding.fold(raw, "field", 50, warnings);
  }

  @Test
  void fullWidthLettersDigitsAndSpacesBecomeHalfWidth() {
    assertThat(fold("ＡＢＣ　１２３")).isEqualTo("abc 123");
    assertThat(warnings).isEmpty();
  }

  @Test
  void caseIsFoldedWithTheRootLocale() {
    assertThat(fold("TITLE Iİ")).isEqualTo("title ii̇");
  }

  @Test
  void compatibilityFormsAreNormalisedByNfkc() {
    assertThat(fold("ﬁle ①")).isEqualTo("file 1");
  }

  @Test
  void whitespaceOfEveryKindIsCollapsedAndTrimmed() {
    assertThat(fold(" \t Mary \u00a0\u2003 Ann\n ")).isEqualTo("mary ann");
  }

  @Test
  void nulAndControlCharactersAreRemovedWithAWarning() {
    assertThat(fold("Zh\u0000ang\u0007")).isEqualTo("zhang");
    assertThat(warnings).containsExactly("field: control characters removed");
  }

  @Test
  void invisibleFormatCharactersAreRemovedSilently() {
    assertThat(fold("\ufeffzhang\u200bwei")).isEqualTo("zhangwei");
    assertThat(warnings).isEmpty();
  }

  @Test
  void unpairedSurrogatesAreRemovedWithAWarning() {
    assertThat(fold("a\ud800b\udc00c")).isEqualTo("abc");
    assertThat(warnings).containsExactly("field: unpaired surrogates removed");
  }

  @Test
  void aValueLongerThanTheLimitIsCutWithAWarning() {
    assertThat(fold("x".repeat(10_000))).isEqualTo("x".repeat(50));
    assertThat(warnings).containsExactly("field: longer than 50 characters, cut");
  }

  @Test
  void cuttingCountsCodePointsAndNeverSplitsASurrogatePair() {
    String text = "𠀀".repeat(60);
    assertThat(fold(text)).isEqualTo("𠀀".repeat(50));
  }

  @Test
  void whitespaceOnlyFoldsToEmpty() {
    assertThat(fold(" \u3000\t ")).isEmpty();
  }

  @Test
  void spacesBesideHanCharactersAreRemoved() {
    assertThat(TextFolding.removeSpacesBesideHan("建国路 88 号 room 5")).isEqualTo("建国路88号room 5");
  }
}
