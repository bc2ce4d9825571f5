package io.crmkit.core.dedup.standardise;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.dedup.standardise.OrganisationNames.Parts;
import java.util.ArrayList;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrganisationNamesTest {
  private static final Predicate<String> PLACES = Set.of("北京", "上海", "深圳")::contains;

  private static Parts standardise(String name) {
    return OrganisationNames.standardise(TextFolding.fold(name, "legalName", 200, new ArrayList<>()), PLACES);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
      "华为技术有限公司, 华为技术",
      "上海极光贸易有限责任公司, 上海极光贸易",
      "中国平安保险(集团)股份有限公司, 中国平安保险",
      "海尔集团公司, 海尔",
      "海尔集团有限公司, 海尔",
      "阿里巴巴集团, 阿里巴巴",
      "红杉资本(有限合伙), 红杉资本",
      "'Acme Co., Ltd.', acme",
      "'ACME CO.,LTD', acme",
      "Acme Inc., acme",
      "'Acme, Inc', acme",
      "Siemens AG, siemens",
      "Robert Bosch GmbH, robert bosch",
      "Bosch GmbH & Co. KG, bosch",
      "Banco Santander S.A., banco santander",
      "Acme Widgets LLC, acme widgets",
      "Acme Corp., acme",
      "Tesco PLC, tesco",
      "Maersk A/S, maersk",
  })
  void legalFormsAreRemovedForMatching(String name, String expected) {
    assertThat(standardise(name)).isEqualTo(new Parts(expected, ""));
  }

  @Test
  void fullWidthAndHalfWidthBracketsAreUnified() {
    assertThat(standardise("华为技术（深圳）有限公司")).isEqualTo(standardise("华为技术(深圳)有限公司"));
    assertThat(standardise("华为技术【深圳】有限公司").name()).isEqualTo("华为技术(深圳)");
  }

  @Test
  void aBranchAfterTheLegalFormIsKeptApart() {
    assertThat(standardise("华为技术有限公司北京分公司")).isEqualTo(new Parts("华为技术", "北京分公司"));
    assertThat(standardise("中国工商银行股份有限公司上海分行第一营业部"))
        .isEqualTo(new Parts("中国工商银行", "上海分行第一营业部"));
  }

  @Test
  void aBranchWithoutALegalFormBeforeItStartsAtThePlaceName() {
    assertThat(standardise("华为北京分公司")).isEqualTo(new Parts("华为", "北京分公司"));
    assertThat(standardise("招商银行深圳分行")).isEqualTo(new Parts("招商银行", "深圳分行"));
  }

  @Test
  void punctuationIsDroppedAndSpacesBesideHanRemoved() {
    assertThat(standardise("华为 技术·有限公司").name()).isEqualTo("华为技术");
    assertThat(standardise("Smith-Jones & Partners, Ltd.").name()).isEqualTo("smith jones & partners");
  }

  @Test
  void aNameThatIsOnlyALegalFormIsKeptRatherThanEmptied() {
    assertThat(standardise("有限公司").name()).isEqualTo("有限公司");
    assertThat(standardise("Ltd.").name()).isEqualTo("ltd");
  }

  @Test
  void namesWithLegalFormsOrInstitutionWordsLookLikeOrganisations() {
    assertThat(OrganisationNames.looksLikeOrganisation("华为技术有限公司")).isTrue();
    assertThat(OrganisationNames.looksLikeOrganisation("招商银行")).isTrue();
    assertThat(OrganisationNames.looksLikeOrganisation("acme gmbh")).isTrue();
    assertThat(OrganisationNames.looksLikeOrganisation("acme co., ltd.")).isTrue();
    assertThat(OrganisationNames.looksLikeOrganisation("张伟")).isFalse();
    assertThat(OrganisationNames.looksLikeOrganisation("mary smith")).isFalse();
  }
}
