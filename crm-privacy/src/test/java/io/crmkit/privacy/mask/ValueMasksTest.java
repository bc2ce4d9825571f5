package io.crmkit.privacy.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.customer.PersonName;
import io.crmkit.core.customer.PostalAddress;
import io.crmkit.privacy.catalog.ValueKind;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ValueMasksTest {
  private final MaskingPolicy policy = MaskingPolicy.defaults();

  @Test
  void chineseMobileKeepsFirstThreeAndLastFourDigits() {
    assertThat(policy.phones().mask("13812345678")).isEqualTo("138****5678");
  }

  @Test
  void internationalNumberKeepsItsCountryCode() {
    assertThat(policy.phones().mask("+8613812345678")).isEqualTo("+86138****5678");
    assertThat(policy.phones().mask("+86 138 1234 5678")).isEqualTo("+86 138 **** 5678");
    assertThat(policy.phones().mask("+14155552671")).isEqualTo("+141****2671");
    assertThat(policy.phones().mask("+493012345678")).isEqualTo("+4930****5678");
  }

  @Test
  void shortNumberGivesUpItsKeptEndsBeforeShowingItself() {
    assertThat(policy.phones().mask("12345678")).isEqualTo("****5678");
    assertThat(policy.phones().mask("110")).isEqualTo("***");
  }

  @Test
  void nationalFormKeepsItsLayout() {
    assertThat(policy.phones().mask("(010) 6552-9988")).isEqualTo("(010) ****-9988");
  }

  @Test
  void emailKeepsFirstCharacterAndDomain() {
    assertThat(policy.emails().mask("john.smith@example.com")).isEqualTo("j***@example.com");
    assertThat(policy.emails().mask("j@example.com")).isEqualTo("***@example.com");
    assertThat(new EmailMask(1, false).mask("john@example.com")).isEqualTo("j***@***");
  }

  @Test
  void residentIdentityNumberKeepsRegionAndLastFour() {
    assertThat(policy.identifiers().mask("CN_RIN", "110105199001011234")).isEqualTo("110105********1234");
    assertThat(policy.identifiers().mask("CN_RIN", "11010519900101123X")).isEqualTo("110105********123X");
  }

  @Test
  void creditCodeKeepsAuthorityTypeRegionAndLastFour() {
    assertThat(policy.identifiers().mask("CN_USCC", "91310000MA1FL8TQ36")).isEqualTo("91310000******TQ36");
  }

  @Test
  void otherIdentifierSchemesKeepTheirLastFour() {
    assertThat(policy.identifiers().mask("PASSPORT", "E12345678")).isEqualTo("*****5678");
    assertThat(policy.identifiers().withScheme("PASSPORT", KeepEnds.of(1, 2, 4)).mask("PASSPORT", "E12345678"))
        .isEqualTo("E******78");
  }

  @Test
  void chineseNameKeepsTheSurname() {
    assertThat(policy.names().mask("张伟")).isEqualTo("张*");
    assertThat(policy.names().mask("张小明")).isEqualTo("张**");
    assertThat(policy.names().mask("欧阳娜娜")).isEqualTo("欧阳**");
    assertThat(policy.names().mask("欧阳")).isEqualTo("欧*");
    assertThat(policy.names().mask("张")).isEqualTo("*");
  }

  @Test
  void westernNameKeepsTheFamilyNameAndGivenInitials() {
    assertThat(policy.names().mask("John Smith")).isEqualTo("J*** Smith");
    assertThat(policy.names().mask("Mary Ann Smith")).isEqualTo("M*** A*** Smith");
    assertThat(policy.names().mask("Madonna")).isEqualTo("M***");
  }

  @Test
  void nameMaskWithoutFamilyNameHidesEveryPart() {
    NameMask mask = new NameMask(false);
    assertThat(mask.mask("张伟")).isEqualTo("**");
    assertThat(mask.mask("John Smith")).isEqualTo("J*** S***");
  }

  @Test
  void personNameKeepsFamilyAndMasksGivenName() {
    assertThat(policy.names().mask(PersonName.of("张", "伟"))).isEqualTo(PersonName.of("张", "*"));
    assertThat(policy.names().mask(PersonName.of("Smith", "John"))).isEqualTo(PersonName.of("Smith", "J***"));
    assertThat(policy.names().mask(PersonName.of(null, "Madonna"))).isEqualTo(PersonName.of(null, "M***"));
  }

  @Test
  void addressKeepsCountryRegionAndCityOnly() {
    PostalAddress address = new PostalAddress.Builder().country("CN").regionCode("110105").region("北京市")
        .city("北京市").district("朝阳区").street("建国路 88 号").postcode("100020").build();

    PostalAddress masked = policy.addresses().mask(address);

    assertThat(masked).isEqualTo(new PostalAddress.Builder().country("CN").regionCode("110100").region("北京市")
        .city("北京市").district("***").street("***").postcode("10****").build());
  }

  @Test
  void nonChineseRegionCodeStaysAsItIs() {
    assertThat(AddressMask.cityLevel("DE-BY")).isEqualTo("DE-BY");
  }

  @Test
  void datesAreCoarsenedToTheFirstDayOfTheirYearOrMonth() {
    LocalDate date = LocalDate.of(1990, 7, 15);
    assertThat(DateGranularity.YEAR.coarsen(date)).isEqualTo(LocalDate.of(1990, 1, 1));
    assertThat(DateGranularity.MONTH.coarsen(date)).isEqualTo(LocalDate.of(1990, 7, 1));
  }

  @Test
  void freeTextKeepsItsFirstCharacterAndHidesItsLength() {
    assertThat(policy.text().mask("wei_zhang88")).isEqualTo("w***");
    assertThat(policy.mask(ValueKind.CODE, "FEMALE")).isEqualTo("***");
    assertThat(policy.mask(ValueKind.IDENTIFIER, "6222021234567890")).isEqualTo("************7890");
  }

  @Test
  void invalidMaskSettingsAreRejected() {
    assertThatThrownBy(() -> KeepEnds.of(-1, 4, 4)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("keepFirst");
    assertThatThrownBy(() -> KeepEnds.of(3, 4, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("minHidden");
    assertThatThrownBy(() -> new TextMask(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
