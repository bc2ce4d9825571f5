package io.crmkit.core.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LookupKeyTest {

  @ParameterizedTest
  @ValueSource(strings = {"138 1234 5678", "138-1234-5678", "+86 138 1234 5678", "0086 13812345678",
      "+8613812345678", "(+86) 138-1234-5678", "１３８１２３４５６７８"})
  void aMainlandMobileInAnyWrittenFormIsOneE164Key(String written) {
    assertThat(LookupKey.phone(written, "CN")).isEqualTo(new LookupKey(LookupKey.PHONE, "+8613812345678"));
  }

  @Test
  void aLandlineWithItsAreaCodeIsFoundInE164() {
    assertThat(LookupKey.phone("010-6552 9988", "CN").value()).isEqualTo("+861065529988");
  }

  @Test
  void anInternationalNumberNeedsNoRegion() {
    assertThat(LookupKey.phone("+49 30 901820").value()).isEqualTo("+4930901820");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "not a number", "12", "+86 138", "138 1234 5678 9999"})
  void anUnparsablePhoneIsAClearIllegalArgument(String written) {
    assertThatThrownBy(() -> LookupKey.phone(written, "CN"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a valid phone number");
  }

  @Test
  void aNationalNumberWithoutRegionIsRejectedWithAHint() {
    assertThatThrownBy(() -> LookupKey.phone("138 1234 5678"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("country code");
  }

  @Test
  void anEmailKeepsItsLocalPartAndLowerCasesItsDomain() {
    assertThat(LookupKey.email("  Wei.Zhang@Example.COM \t").value()).isEqualTo("Wei.Zhang@example.com");
    assertThat(LookupKey.email("wei.zhang@example.com")).isNotEqualTo(LookupKey.email("Wei.Zhang@example.com"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "no-at-sign", "@example.com", "wei@", " @ "})
  void anEmailWithoutLocalPartAtAndDomainIsRejected(String written) {
    assertThatThrownBy(() -> LookupKey.email(written))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not an e-mail address");
  }

  @Test
  void identifierValuesAreComparedInUpperCaseWithoutSpacesOrDashes() {
    assertThat(LookupKey.organisationIdentifier("CN_USCC", "91350100-m000 100y43"))
        .isEqualTo(new LookupKey("org:CN_USCC", "91350100M000100Y43"));
    assertThat(LookupKey.personIdentifier("CN_RIN", "11010519491231002x"))
        .isEqualTo(new LookupKey("person:CN_RIN", "11010519491231002X"));
    assertThat(LookupKey.personIdentifier("CN_RIN", "１１０１０５１９４９１２３１００２Ｘ").value())
        .isEqualTo("11010519491231002X");
  }

  @Test
  void identifierSchemesAreExactAndKeptApartFromEachOther() {
    assertThat(LookupKey.organisationIdentifier("VAT", "DE1")).isNotEqualTo(LookupKey.organisationIdentifier("vat", "DE1"));
    assertThat(LookupKey.organisationIdentifier("X", "1")).isNotEqualTo(LookupKey.personIdentifier("X", "1"));
    assertThat(LookupKey.organisationIdentifier("VAT", "DE1").identifierScheme()).contains("VAT");
    assertThat(LookupKey.email("a@b.cn").identifierScheme()).isEmpty();
  }

  @Test
  void identifiersWithoutSchemeOrValueAreRejected() {
    assertThatThrownBy(() -> LookupKey.organisationIdentifier(" ", "1")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("scheme");
    assertThatThrownBy(() -> LookupKey.organisationIdentifier("S".repeat(33), "1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LookupKey.personIdentifier("CN_RIN", " - -")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nothing but spaces and dashes");
  }

  @Test
  void namesFoldCaseAndWidth() {
    assertThat(LookupKey.name("ＡＢＣ Trading")).isEqualTo("abc trading");
    assertThat(LookupKey.name("Straße")).isEqualTo(LookupKey.name("STRASSE"));
    assertThat(LookupKey.name("ΟΔΥΣΣΕΥΣ")).isEqualTo(LookupKey.name("οδυσσευς")).isEqualTo(LookupKey.name("Οδυσσευς"));
    assertThat(LookupKey.name("王伟")).isEqualTo("王伟");
  }

  @Test
  void aCustomerHasKeysForItsPhonesEmailsIdentifiersAndNames() {
    NewCustomer person = NewCustomer.person("Zhang", "Wei")
        .addContactPoint(ContactPoint.phone("+8613812345678"))
        .addContactPoint(ContactPoint.email("Wei@Example.com"))
        .addContactPoint(new ContactPoint.Builder().channel(ContactPoint.Channel.OTHER).value("wxid_1").build())
        .addPersonIdentifier(PersonIdentifier.residentIdentityNumber("11010519491231002X"))
        .displayName("Ｗｅｉ Zhang")
        .build();
    assertThat(LookupKey.of(person)).containsExactly(
        new LookupKey(LookupKey.PHONE, "+8613812345678"),
        new LookupKey(LookupKey.EMAIL, "Wei@example.com"),
        new LookupKey("person:CN_RIN", "11010519491231002X"),
        new LookupKey(LookupKey.NAME, "wei zhang"),
        new LookupKey(LookupKey.NAME, "zhang"),
        new LookupKey(LookupKey.NAME, "wei"));
  }

  @Test
  void anOrganisationHasKeysForItsLegalNameAndIdentifiers() {
    NewCustomer org = NewCustomer.organisation("福州示例有限公司").displayName("福州示例")
        .addOrganisationIdentifier(OrganisationIdentifier.of(OrganisationIdentifier.CN_USCC, "91350100M000100Y43"))
        .build();
    assertThat(LookupKey.of(org)).containsExactly(
        new LookupKey("org:CN_USCC", "91350100M000100Y43"),
        new LookupKey(LookupKey.NAME, "福州示例"),
        new LookupKey(LookupKey.NAME, "福州示例有限公司"));
  }

  @Test
  void longNamesAreCutWithoutSplittingASurrogatePair() {
    String name = "a".repeat(LookupKey.MAX_NAME_LENGTH - 1) + "😀tail";
    assertThat(LookupKey.nameKey(name)).isEqualTo("a".repeat(LookupKey.MAX_NAME_LENGTH - 1));
    assertThat(LookupKey.nameKey("b".repeat(300))).hasSize(LookupKey.MAX_NAME_LENGTH);
  }

  @Test
  void aKeyCannotBeEmptyOrHoldWhatNoDatabaseStores() {
    assertThatThrownBy(() -> new LookupKey(LookupKey.EMAIL, "")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LookupKey.email("a\u0000@b.cn")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NUL");
  }
}
