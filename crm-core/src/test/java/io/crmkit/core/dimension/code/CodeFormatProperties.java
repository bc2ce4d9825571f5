package io.crmkit.core.dimension.code;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.dimension.BuiltInSchemes;
import io.crmkit.core.dimension.DimensionCode;
import io.crmkit.core.dimension.Dimensions;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class CodeFormatProperties {
  private static final CodeFormat FORMAT = CodeFormatTest.TYPE_PROVINCE_SEQUENCE;
  private static final String TYPED = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ*-abz ";

  @Provide
  Arbitrary<CustomerCode.Parts> parts() {
    Arbitrary<String> types = Arbitraries.of(BuiltInSchemes.customerTypes().codes()).map(DimensionCode::code);
    Arbitrary<String> provinces = Arbitraries.of(BuiltInSchemes.gbt2260().codes("province")).map(DimensionCode::code);
    Arbitrary<Long> sequences = Arbitraries.longs().between(1, FORMAT.maxSequence());
    return Combinators.combine(types, provinces, sequences)
        .as((type, province, sequence) -> new CustomerCode.Parts(
            Map.of(Dimensions.CUSTOMER_TYPE, type, Dimensions.REGION, province), sequence));
  }

  @Property
  void parsingAFormattedCodeGivesBackItsParts(@ForAll("parts") CustomerCode.Parts parts) {
    CustomerCode code = FORMAT.format(parts);
    assertThat(code.value()).hasSize(FORMAT.length());
    assertThat(FORMAT.parse(code.value())).isEqualTo(new CodeParse.Parsed(code));
  }

  @Property
  void everySingleCharacterSubstitutionIsRejected(@ForAll("parts") CustomerCode.Parts parts,
      @ForAll @IntRange(min = 0, max = 12) int position, @ForAll @IntRange(min = 0, max = 41) int replacement) {
    String code = FORMAT.format(parts).value();
    char typed = TYPED.charAt(replacement);
    if (typed == code.charAt(position)) {
      typed = TYPED.charAt((replacement + 1) % TYPED.length());
    }
    String typo = code.substring(0, position) + typed + code.substring(position + 1);
    assertThat(FORMAT.parse(typo).isValid()).as(typo).isFalse();
  }
}
