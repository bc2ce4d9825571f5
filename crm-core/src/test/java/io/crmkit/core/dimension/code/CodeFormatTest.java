package io.crmkit.core.dimension.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.checkdigit.CheckCharacters;
import io.crmkit.core.common.CrmValidationException;
import io.crmkit.core.dimension.BuiltInSchemes;
import io.crmkit.core.dimension.Dimensions;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CodeFormatTest {
  static final CodeFormat TYPE_PROVINCE_SEQUENCE = new CodeFormat.Builder("customer")
      .dimension(Dimensions.CUSTOMER_TYPE, BuiltInSchemes.customerTypes(), "type")
      .dimension(Dimensions.REGION, BuiltInSchemes.gbt2260(), "province")
      .literal("-")
      .sequence(6)
      .checkCharacters(CheckCharacters.MOD_37_2)
      .build();

  private static CustomerCode.Parts parts(String type, String region, long sequence) {
    return new CustomerCode.Parts(Map.of(Dimensions.CUSTOMER_TYPE, type, Dimensions.REGION, region), sequence);
  }

  @Test
  void aCodeIsTypeProvinceSequenceAndCheckCharacter() {
    CustomerCode code = TYPE_PROVINCE_SEQUENCE.format(parts("B2B", "110000", 42));
    String check = CheckCharacters.MOD_37_2.compute("B2B11000042");
    assertThat(code.value()).isEqualTo("B2B11-000042" + check);
    assertThat(TYPE_PROVINCE_SEQUENCE.length()).isEqualTo(13);
    assertThat(TYPE_PROVINCE_SEQUENCE.parse(code.value())).isEqualTo(new CodeParse.Parsed(code));
    assertThat(TYPE_PROVINCE_SEQUENCE.sequenceKey(Map.of(Dimensions.CUSTOMER_TYPE, "B2B", Dimensions.REGION, "110000")))
        .isEqualTo("customer:B2B11");
  }

  @Test
  void aSequenceKeyNeedsCodesOnTheFormatsLevels() {
    assertThatThrownBy(() -> TYPE_PROVINCE_SEQUENCE.sequenceKey(
        Map.of(Dimensions.CUSTOMER_TYPE, "B2B", Dimensions.REGION, "110105")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("110105 is not a province code of gbt2260");
  }

  @Test
  void parsingNamesWhatIsWrong() {
    String good = TYPE_PROVINCE_SEQUENCE.format(parts("GOV", "440000", 7)).value();
    assertThat(reason("B2B11-00004")).isEqualTo(CodeParse.Reason.WRONG_LENGTH);
    assertThat(reason(good.replace('-', '/'))).isEqualTo(CodeParse.Reason.BAD_LITERAL);
    assertThat(reason(good.substring(0, 6) + "00000A" + good.charAt(12))).isEqualTo(CodeParse.Reason.BAD_CHARACTER);
    assertThat(reason(good.substring(0, 12) + (good.charAt(12) == '0' ? '1' : '0')))
        .isEqualTo(CodeParse.Reason.BAD_CHECK_CHARACTER);
    String unknownProvince = "GOV99-000007" + CheckCharacters.MOD_37_2.compute("GOV99000007");
    assertThat(reason(unknownProvince)).isEqualTo(CodeParse.Reason.UNKNOWN_DIMENSION_CODE);
    String zero = "GOV44-000000" + CheckCharacters.MOD_37_2.compute("GOV44000000");
    assertThat(reason(zero)).isEqualTo(CodeParse.Reason.BAD_SEQUENCE);
    assertThat(((CodeParse.Invalid) TYPE_PROVINCE_SEQUENCE.parse(unknownProvince)).message())
        .contains("'99' at 4 is not a province code of gbt2260");
  }

  @Test
  void formattingRejectsPartsThatDoNotFit() {
    assertThatThrownBy(() -> TYPE_PROVINCE_SEQUENCE.format(parts("B2B", "110105", 1_000_000)))
        .isInstanceOf(CrmValidationException.class)
        .hasMessageContaining("110105 is not a province code of gbt2260")
        .hasMessageContaining("sequence 1000000 does not fit 6 digits");
  }

  @Test
  void aFormatNeedsOneSequenceAndACheckSystemThatCoversItsCharacters() {
    assertThatThrownBy(() -> new CodeFormat.Builder("x").literal("A").build())
        .hasMessageContaining("exactly one sequence");
    assertThatThrownBy(() -> new CodeFormat.Builder("x").dimension("r", BuiltInSchemes.gbt2260(), "province")
        .dimension("r", BuiltInSchemes.gbt2260(), "county").sequence(3).build())
        .hasMessageContaining("dimension r appears twice");
    assertThatCode(() -> new CodeFormat.Builder("x").dimension("i", BuiltInSchemes.gbt4754(), "group").sequence(2).build())
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> new CodeFormat.Builder("x").dimension("c", BuiltInSchemes.channels(), "channel")
        .sequence(3).checkCharacters(new DigitsOnly()).build())
        .hasMessageContaining("cannot check 'E' of EVT in c");
  }

  private static CodeParse.Reason reason(String text) {
    CodeParse parse = TYPE_PROVINCE_SEQUENCE.parse(text);
    assertThat(parse).isInstanceOf(CodeParse.Invalid.class);
    return ((CodeParse.Invalid) parse).reason();
  }

  /** A check system for digits only, to show the alphabet check. */
  private static final class DigitsOnly implements io.crmkit.core.checkdigit.CheckCharacterSystem {
    @Override
    public String name() {
      return "digits";
    }

    @Override
    public String alphabet() {
      return "0123456789";
    }

    @Override
    public int checkLength() {
      return 1;
    }

    @Override
    public String compute(String payload) {
      return String.valueOf(payload.chars().map(c -> c - '0').sum() % 10);
    }

    @Override
    public boolean isValid(String code) {
      return code.length() > 1 && compute(code.substring(0, code.length() - 1)).charAt(0) == code.charAt(code.length() - 1);
    }
  }
}
