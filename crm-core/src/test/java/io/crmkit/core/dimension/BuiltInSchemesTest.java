package io.crmkit.core.dimension;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BuiltInSchemesTest {
  private final DimensionScheme regions = BuiltInSchemes.gbt2260();

  @Test
  void gbt2260HasTheCodesInForceAtTheEndOf2024() {
    Map<String, Long> perLevel = regions.codes().stream()
        .collect(Collectors.groupingBy(DimensionCode::level, Collectors.counting()));
    assertThat(perLevel).containsEntry("province", 34L).containsEntry("prefecture", 333L).containsEntry("county", 2846L);
    assertThat(regions.entries()).hasSizeGreaterThan(3213 + 3237);
  }

  @Test
  void chongwenDistrictAbolishedIn2010ResolvesToDongcheng() {
    CodeCheck check = regions.check("110103");
    assertThat(check).isInstanceOf(CodeCheck.Retired.class);
    CodeCheck.Retired retired = (CodeCheck.Retired) check;
    assertThat(retired.since()).isEqualTo(LocalDate.of(2010, 1, 1));
    assertThat(retired.successors()).extracting(DimensionCode.Successor::code).containsExactly("110101");
    assertThat(retired.dimensionCode().labels().text()).isEqualTo("崇文区");
    Resolution resolution = regions.resolve("110103");
    assertThat(resolution).isInstanceOf(Resolution.Replaced.class);
    assertThat(resolution.target().orElseThrow().label(Locale.CHINESE)).isEqualTo("东城区");
  }

  @Test
  void aCodeSplitOrTransferredInPartsIsAmbiguousNotGuessed() {
    // 栾城县 (abolished 2014) became 栾城区 130111, after a part went to 130108 in 2001.
    Resolution resolution = regions.resolve("130124");
    assertThat(resolution).isInstanceOf(Resolution.Ambiguous.class);
    assertThat(((Resolution.Ambiguous) resolution).candidates()).extracting(DimensionCode::code)
        .containsExactly("130108", "130111");
  }

  @Test
  void retiredCodesAreFollowedThroughLaterChanges() {
    // 获鹿县 130122 became 鹿泉市 130185 in 1994, which became 鹿泉区 130110 in 2014.
    assertThat(regions.resolve("130122").target().orElseThrow().code()).isEqualTo("130110");
    // 132201 was 邢台市 until 1983, then reused for 南宫市 (1986-1993, now 130581).
    assertThat(regions.history("132201")).extracting(e -> e.labels().text()).containsExactly("邢台市", "南宫市");
    assertThat(regions.resolve("132201").target().orElseThrow().code()).isEqualTo("130581");
    assertThat(regions.entryOn("132201", LocalDate.of(1982, 6, 1)).orElseThrow().labels().text()).isEqualTo("邢台市");
  }

  @Test
  void aRetiredCodeWithoutSuccessorIsDiscontinued() {
    assertThat(regions.resolve("142200")).isInstanceOf(Resolution.Discontinued.class);
  }

  @Test
  void countiesDirectlyUnderAProvinceHaveTheProvinceAsParent() {
    DimensionCode chaoyang = regions.find("110105").orElseThrow();
    assertThat(chaoyang.parent()).contains("110000");
    assertThat(regions.ancestors("110105")).extracting(DimensionCode::code).containsExactly("110000");
    assertThat(regions.ancestorAt("110105", "prefecture")).isEmpty();
    assertThat(regions.rollUp("110105", "prefecture").code()).isEqualTo("110000");
    assertThat(regions.children("110000")).extracting(DimensionCode::code).contains("110101", "110105");
    assertThat(regions.ancestors("130102")).extracting(DimensionCode::code).containsExactly("130100", "130000");
  }

  @Test
  void eachWayACodeCanFailIsItsOwnOutcome() {
    assertThat(regions.check("11010")).isInstanceOf(CodeCheck.Malformed.class);
    assertThat(regions.check("11010a")).isInstanceOf(CodeCheck.Malformed.class);
    assertThat(regions.check("999999")).isInstanceOf(CodeCheck.Unknown.class);
    assertThat(regions.check("110000", "county")).isInstanceOf(CodeCheck.WrongLevel.class);
    assertThat(regions.check("110105", "county").isValid()).isTrue();
    assertThat(regions.check("110103")).isInstanceOf(CodeCheck.Retired.class);
    assertThat(regions.check("999999").describe()).isEqualTo("999999 is not a known county code");
  }

  @Test
  void gbt4754HasFourLevelsWithSectionsAsLetters() {
    DimensionScheme industries = BuiltInSchemes.gbt4754();
    assertThat(industries.codes("section")).hasSize(20);
    assertThat(industries.codes("division")).hasSize(97);
    assertThat(industries.codes("group")).hasSize(473);
    assertThat(industries.codes("class")).hasSize(1381);
    assertThat(industries.ancestors("0111")).extracting(DimensionCode::code).containsExactly("011", "01", "A");
    assertThat(industries.label("0111", Locale.CHINESE)).contains("稻谷种植");
    assertThat(industries.check("A0111")).isInstanceOf(CodeCheck.Malformed.class);
  }

  @Test
  void countriesComeFromTheJdkWithEnglishAndChineseNames() {
    DimensionScheme countries = BuiltInSchemes.iso3166();
    assertThat(countries.label("CN", Locale.ENGLISH)).contains("China");
    assertThat(countries.label("CN", Locale.SIMPLIFIED_CHINESE)).contains("中国");
    assertThat(countries.codes()).hasSizeGreaterThan(240);
  }

  @Test
  void defaultTypeAndChannelSchemesAreBilingual() {
    assertThat(BuiltInSchemes.customerTypes().label("B2B", Locale.ENGLISH)).contains("Business");
    assertThat(BuiltInSchemes.customerTypes().label("GOV", Locale.CHINESE)).contains("政府机关");
    assertThat(BuiltInSchemes.channels().codes()).extracting(DimensionCode::code).contains("ONL", "STO", "TEL", "PTN", "MKP", "REP");
    assertThat(DimensionSchemes.builtIn().all()).hasSize(5);
  }
}
