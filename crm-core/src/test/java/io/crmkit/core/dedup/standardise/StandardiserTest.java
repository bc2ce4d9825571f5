package io.crmkit.core.dedup.standardise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.customer.CustomerKind;
import io.crmkit.core.dedup.MatchInput;
import io.crmkit.core.dedup.MatchRecord;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StandardiserTest {
  private final Standardiser standardiser = Standardiser.defaults();

  private static MatchInput.Builder input() {
    MatchInput.Builder builder = new MatchInput.Builder();
    builder.id("r1");
    return builder;
  }

  @Test
  void aChinesePersonIsStandardisedFieldByField() {
    MatchRecord record = standardiser.standardise(input().source(" ERP ").fullName("欧阳　娜娜")
        .identifier("11010519491231002x").addPhone("138-1234-5678").addEmail("NaNa@Example.COM")
        .addressLine("广西南宁市青秀区民族大道 100 号").birthDate(LocalDate.of(1949, 12, 31)).build());

    assertThat(record.id()).isEqualTo("r1");
    assertThat(record.source()).contains("erp");
    assertThat(record.kind()).isEqualTo(CustomerKind.PERSON);
    assertThat(record.familyName()).contains("欧阳");
    assertThat(record.givenName()).contains("娜娜");
    assertThat(record.organisationName()).isEmpty();
    assertThat(record.identifier()).contains("11010519491231002X");
    assertThat(record.phones()).containsExactly("+8613812345678");
    assertThat(record.emails()).containsExactly("NaNa@example.com");
    assertThat(record.regionCode()).contains("450103");
    assertThat(record.region()).isEmpty();
    assertThat(record.street()).contains("民族大道100号");
    assertThat(record.birthDate()).contains(LocalDate.of(1949, 12, 31));
    assertThat(record.warnings()).isEmpty();
  }

  @Test
  void familyAndGivenNamesGivenApartAreUsedAsGiven() {
    MatchRecord record = standardiser.standardise(input().fullName("Whatever Else")
        .familyName("Van der Berg").givenName("Jan").build());
    assertThat(record.familyName()).contains("van der berg");
    assertThat(record.givenName()).contains("jan");
  }

  @Test
  void aLegalNameMakesAnOrganisationWhenTheKindIsNotGiven() {
    MatchRecord record = standardiser.standardise(input().legalName("华为技术有限公司北京分公司")
        .identifier("91310000MA1FL8TQ36").build());
    assertThat(record.kind()).isEqualTo(CustomerKind.ORGANISATION);
    assertThat(record.organisationName()).contains("华为技术");
    assertThat(record.branch()).contains("北京分公司");
    assertThat(record.familyName()).isEmpty();
  }

  @Test
  void aFullNameWithALegalFormMakesAnOrganisation() {
    MatchRecord record = standardiser.standardise(input().fullName("ACME Co., Ltd.").build());
    assertThat(record.kind()).isEqualTo(CustomerKind.ORGANISATION);
    assertThat(record.organisationName()).contains("acme");
  }

  @Test
  void aGivenKindWins() {
    MatchRecord record = standardiser.standardise(input().kind(CustomerKind.ORGANISATION).fullName("Smith").build());
    assertThat(record.kind()).isEqualTo(CustomerKind.ORGANISATION);
    assertThat(record.organisationName()).contains("smith");
  }

  @Test
  void anAustralianAddressKeepsItsPartsFolded() {
    MatchRecord record = Standardiser.withDefaultRegion("AU").standardise(input().givenName("lachlan")
        .familyName("berry").street("69 Giblin Street Killarney").city("Bittern").region("QLD").postcode("4814")
        .addPhone("02 9876 5432").build());
    assertThat(record.regionCode()).isEmpty();
    assertThat(record.region()).contains("qld");
    assertThat(record.locality()).contains("bittern");
    assertThat(record.street()).contains("69 giblin street killarney");
    assertThat(record.postcode()).contains("4814");
    assertThat(record.phones()).containsExactly("+61298765432");
  }

  @Test
  void chineseAddressPartsResolveWithShortForms() {
    MatchRecord record = standardiser.standardise(input().fullName("张伟").region("广东").city("深圳")
        .district("南山").street("科技园 1 号").postcode("518 057").build());
    assertThat(record.regionCode()).contains("440305");
    assertThat(record.region()).isEmpty();
    assertThat(record.locality()).isEmpty();
    assertThat(record.street()).contains("科技园1号");
    assertThat(record.postcode()).contains("518057");
  }

  @Test
  void anAmbiguousDistrictWithoutItsCityGetsNoCodeButAWarning() {
    MatchRecord record = standardiser.standardise(input().fullName("张伟").district("朝阳区").build());
    assertThat(record.regionCode()).isEmpty();
    assertThat(record.locality()).contains("朝阳区");
    assertThat(record.warnings()).containsExactly(
        "address: '朝阳区' names several divisions and nothing before it says which, no code for it");
  }

  @Test
  void aDivisionCodeGivenAsRegionIsResolvedByCode() {
    MatchRecord record = standardiser.standardise(input().fullName("张伟").region("110000").district("朝阳区").build());
    assertThat(record.regionCode()).contains("110105");
  }

  @Test
  void garbageYieldsWarningsAndAUsableRecord() {
    MatchRecord record = standardiser.standardise(input().fullName("  \u0000 ").familyName("").givenName("\t")
        .legalName("   ").addPhone("12345").addEmail("@").identifier("---").addressLine("x".repeat(10_000))
        .addWarning("birthDate: '31/02/1990' is not a date").build());
    assertThat(record.id()).isEqualTo("r1");
    assertThat(record.kind()).isEqualTo(CustomerKind.PERSON);
    assertThat(record.phones()).isEmpty();
    assertThat(record.emails()).isEmpty();
    assertThat(record.identifier()).isEmpty();
    assertThat(record.street()).hasValueSatisfying(street -> assertThat(street).hasSize(200));
    assertThat(record.warnings()).startsWith("birthDate: '31/02/1990' is not a date").contains(
        "fullName: control characters removed", "fullName: blank, ignored", "legalName: blank, ignored",
        "name: a person without a name", "phones: '12345' is not a valid phone number in region CN, dropped",
        "emails: '@' is not a plausible e-mail address, dropped", "identifier: no letters or digits, ignored",
        "addressLine: longer than 200 characters, cut");
  }

  @Test
  void theMaximumFieldLengthIsConfigurable() {
    MatchRecord record = Standardiser.builder().maxFieldLength(20).build()
        .standardise(input().familyName("x".repeat(30)).build());
    assertThat(record.familyName()).contains("x".repeat(20));
  }

  @Test
  void oneStandardiserSharedByManyThreadsGivesWhatItGivesOnOne() {
    List<MatchInput> inputs = IntStream.range(0, 2_000).mapToObj(i -> input().id("r" + i)
        .fullName(i % 2 == 0 ? "欧阳娜娜" : "Jan van der Berg").addPhone("138-1234-" + String.format("%04d", i))
        .addressLine(i % 3 == 0 ? "广东深圳南山科技园" + i + "号" : "北京朝阳区建国路" + i + "号").build()).toList();
    List<MatchRecord> sequential = inputs.stream().map(standardiser::standardise).toList();
    List<MatchRecord> parallel = inputs.parallelStream().map(standardiser::standardise).toList();
    assertThat(parallel).isEqualTo(sequential);
  }

  @Test
  void aNullInputOrABlankIdIsAProgrammingError() {
    assertThatThrownBy(() -> standardiser.standardise(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("input");
    assertThatThrownBy(() -> standardiser.standardise(new MatchInput.Builder().id(" ").build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("input id must not be blank");
  }

  @Test
  void theDefaultRegionMustBeOneLibphonenumberKnows() {
    assertThat(Standardiser.defaults().defaultRegion()).isEqualTo("CN");
    assertThat(Standardiser.withDefaultRegion(" au ").defaultRegion()).isEqualTo("AU");
    assertThatThrownBy(() -> Standardiser.withDefaultRegion("XX")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("region must be an ISO 3166-1 alpha-2 region libphonenumber knows, got 'XX'");
    assertThatThrownBy(() -> Standardiser.withDefaultRegion(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Standardiser.builder().maxFieldLength(5)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxFieldLength must be in 16..10000, got 5");
  }
}
