package io.crmkit.core.dedup.standardise;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.dedup.standardise.RegionGazetteer.Division;
import io.crmkit.core.dedup.standardise.RegionGazetteer.Resolution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegionGazetteerTest {
  private final RegionGazetteer gazetteer = RegionGazetteer.instance();

  private String code(String text) {
    return gazetteer.resolve(text, null).division().map(Division::code).orElse("none");
  }

  @Test
  void theShippedListIsLoadedOnceAndHasEveryLevel() {
    assertThat(RegionGazetteer.instance()).isSameAs(gazetteer);
    assertThat(gazetteer.byCode("110000")).map(Division::name).contains("北京市");
    assertThat(gazetteer.byCode("440305")).map(Division::name).contains("南山区");
    assertThat(gazetteer.byCode("440300")).map(Division::level).contains(RegionGazetteer.PREFECTURE);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
      "广西壮族自治区, 450000",
      "广西, 450000",
      "内蒙古自治区, 150000",
      "内蒙古, 150000",
      "新疆, 650000",
      "宁夏, 640000",
      "西藏, 540000",
      "北京市, 110000",
      "北京, 110000",
      "香港特别行政区, 810000",
      "香港, 810000",
      "广东省, 440000",
      "广东, 440000",
      "延边朝鲜族自治州, 222400",
      "延边, 222400",
      "湘西土家族苗族自治州, 433100",
      "湘西, 433100",
  })
  void provincesAndPrefecturesResolveByFullAndShortName(String name, String code) {
    assertThat(code(name)).isEqualTo(code);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
      "广东省深圳市南山区科技园, 440305",
      "广东深圳南山科技园, 440305",
      "深圳市南山区, 440305",
      "北京市朝阳区建国路88号, 110105",
      "北京朝阳区, 110105",
      "北京 朝阳, 110105",
      "广西南宁市青秀区, 450103",
      "吉林省吉林市船营区, 220204",
      "吉林市船营区, 220204",
  })
  void addressLinesResolveToTheMostSpecificDivision(String line, String code) {
    assertThat(code(line)).isEqualTo(code);
  }

  @Test
  void aDistrictNameSharedByCitiesIsAmbiguousWithoutItsCity() {
    Resolution resolution = gazetteer.resolve("朝阳区建国路88号", null);
    assertThat(resolution.division()).isEmpty();
    assertThat(resolution.ambiguousName()).contains("朝阳区");
    assertThat(resolution.rest()).isEqualTo("朝阳区建国路88号");
  }

  @Test
  void aDistrictNameResolvesWithinTheCityGivenApart() {
    Division changchun = gazetteer.byCode("220100").orElseThrow();
    assertThat(gazetteer.resolve("朝阳区", changchun).division()).map(Division::code).contains("220104");
  }

  @Test
  void theRestAfterTheDivisionNamesIsTheStreet() {
    assertThat(gazetteer.resolve("北京市朝阳区建国路88号", null).rest()).isEqualTo("建国路88号");
  }

  @Test
  void aStreetNamedAfterAPlaceIsNotThePlace() {
    assertThat(code("北京路88号")).isEqualTo("none");
    assertThat(gazetteer.resolve("广州市北京路88号", null).division()).map(Division::code).contains("440100");
    assertThat(gazetteer.resolve("广州市北京路88号", null).rest()).isEqualTo("北京路88号");
  }

  @Test
  void textNamingNoDivisionResolvesToNothing() {
    assertThat(code("42 tullaroop street")).isEqualTo("none");
    assertThat(code("")).isEqualTo("none");
  }

  @Test
  void shortFormsDropTheGenericSuffixAndThePeoples() {
    assertThat(RegionGazetteer.namesOf(new Division("650000", "新疆维吾尔自治区", 1, "")))
        .containsExactly("新疆维吾尔自治区", "新疆");
    assertThat(RegionGazetteer.namesOf(new Division("522600", "黔东南苗族侗族自治州", 2, "520000")))
        .containsExactly("黔东南苗族侗族自治州", "黔东南");
    assertThat(RegionGazetteer.namesOf(new Division("110105", "朝阳区", 3, "110000")))
        .containsExactly("朝阳区", "朝阳");
    assertThat(RegionGazetteer.namesOf(new Division("140212", "城区", 3, "140200"))).containsExactly("城区");
  }

  @Test
  void placeNamesAreKnownByFullAndShortForm() {
    assertThat(gazetteer.isPlaceName("北京")).isTrue();
    assertThat(gazetteer.isPlaceName("深圳市")).isTrue();
    assertThat(gazetteer.isPlaceName("华为")).isFalse();
  }
}
