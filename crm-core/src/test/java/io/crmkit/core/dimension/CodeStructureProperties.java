package io.crmkit.core.dimension;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.dimension.CodeStructure.FixedWidth;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class CodeStructureProperties {
  private static final FixedWidth PADDED = CodeStructure.padded('0', CodeStructure.segment("province", 2, "0-9"),
      CodeStructure.segment("prefecture", 2, "0-9"), CodeStructure.segment("county", 2, "0-9"));
  private static final FixedWidth PREFIXED = CodeStructure.prefixed(CodeStructure.segment("area", 1, "A-Z"),
      CodeStructure.segment("district", 2, "0-9"), CodeStructure.segment("block", 1, "A-F"));
  private static final CodeStructure SEPARATED = CodeStructure.separated(".", CodeStructure.part("a", "A-Z", 3),
      CodeStructure.part("b", "0-9", 2), CodeStructure.part("c", "a-z", 4));

  @Provide
  Arbitrary<String> paddedCodes() {
    return Arbitraries.strings().withChars("0123456789").ofLength(6)
        .filter(code -> !code.startsWith("00") && PADDED.depthOf(code) >= 0);
  }

  @Property
  void aPaddedCodesAncestorsAreShallowerPaddingsOfItsPrefixes(@ForAll("paddedCodes") String code) {
    int depth = PADDED.depthOf(code);
    assertThat(depth).isBetween(0, 2);
    int previous = depth;
    for (String ancestor : PADDED.ancestors(code)) {
      assertThat(PADDED.depthOf(ancestor)).isLessThan(previous);
      assertThat(code).startsWith(PADDED.significant(ancestor));
      previous = PADDED.depthOf(ancestor);
    }
    assertThat(PADDED.expand(PADDED.significant(code))).isEqualTo(code);
  }

  @Property
  void aPrefixedCodeHasOneLevelPerSegment(@ForAll @IntRange(min = 0, max = 2) int depth,
      @ForAll("letters") String area, @ForAll @IntRange(min = 0, max = 99) int district, @ForAll("blocks") String block) {
    String full = area + String.format("%02d", district) + block;
    String code = full.substring(0, PREFIXED.width(depth));
    assertThat(PREFIXED.depthOf(code)).isEqualTo(depth);
    assertThat(PREFIXED.ancestors(code)).hasSize(depth);
    assertThat(PREFIXED.problem(code)).isEmpty();
    assertThat(PREFIXED.depthOf(code.toLowerCase(java.util.Locale.ROOT))).isEqualTo(-1);
  }

  @Property
  void aSeparatedCodeHasOneLevelPerPart(@ForAll("parts") List<String> parts) {
    String code = String.join(".", parts);
    assertThat(SEPARATED.depthOf(code)).isEqualTo(parts.size() - 1);
    assertThat(SEPARATED.ancestors(code)).hasSize(parts.size() - 1)
        .allSatisfy(ancestor -> assertThat(code).startsWith(ancestor + "."));
    assertThat(SEPARATED.depthOf(code + ".")).isEqualTo(-1);
  }

  @Provide
  Arbitrary<String> letters() {
    return Arbitraries.strings().withCharRange('A', 'Z').ofLength(1);
  }

  @Provide
  Arbitrary<String> blocks() {
    return Arbitraries.strings().withCharRange('A', 'F').ofLength(1);
  }

  @Provide
  Arbitrary<List<String>> parts() {
    Arbitrary<String> a = Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(3);
    Arbitrary<String> b = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(2);
    Arbitrary<String> c = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(4);
    return Arbitraries.integers().between(1, 3).flatMap(n -> n == 1 ? a.map(List::of)
        : n == 2 ? net.jqwik.api.Combinators.combine(a, b).as(List::of)
        : net.jqwik.api.Combinators.combine(a, b, c).as(List::of));
  }
}
