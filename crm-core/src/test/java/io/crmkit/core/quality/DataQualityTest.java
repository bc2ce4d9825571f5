package io.crmkit.core.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.core.customer.Gender;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.customer.OrganisationIdentifier;
import io.crmkit.core.customer.PersonIdentifier;
import io.crmkit.core.customer.PostalAddress;
import io.crmkit.core.dimension.BuiltInSchemes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every measure on three hand-built customers whose numbers are worked out by hand: 张伟 (complete
 * and clean), 李娜 (bad phone and e-mail, Shanghai code on a Beijing address, born in the future,
 * an organisation's credit code, an unknown region code) and an organisation sharing 李娜's code.
 */
class DataQualityTest {
  static final Instant NOW = Instant.parse("2026-06-30T00:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final String USCC = "91310000MA1FL8TQ36";

  static final Customer ZHANG = stored(1, NewCustomer.person("张", "伟")
      .addContactPoint(ContactPoint.phone("+8613812345678"))
      .addContactPoint(ContactPoint.email("zhang.wei@example.com"))
      .addAddress(address("110105", "北京市", "北京市", "朝阳区"))
      .addPersonIdentifier(PersonIdentifier.residentIdentityNumber("11010519491231002X"))
      .birthDate(LocalDate.of(1949, 12, 31)).gender(Gender.MALE).owner("sales-north")
      .putDimensionCode("region", "110105").build(), 10);
  static final Customer LI = stored(2, NewCustomer.person("李", "娜")
      .addContactPoint(ContactPoint.phone("+8613812345678"))
      .addContactPoint(ContactPoint.phone("+86123"))
      .addContactPoint(ContactPoint.email("not-an-address"))
      .addAddress(address("310101", "北京市", "北京市", "朝阳区"))
      .addOrganisationIdentifier(OrganisationIdentifier.of(OrganisationIdentifier.CN_USCC, USCC))
      .birthDate(LocalDate.of(2030, 1, 1))
      .putDimensionCode("region", "999999").build(), 400);
  static final Customer ACME = stored(3, NewCustomer.organisation("上海极光贸易有限公司")
      .addAddress(address("310101", "上海市", "上海市", "黄浦区"))
      .addOrganisationIdentifier(OrganisationIdentifier.of(OrganisationIdentifier.CN_USCC, USCC))
      .addExternalReference(ExternalReference.of("erp", "C-00042")).build(), 2000);

  static Customer stored(long id, NewCustomer details, long daysAgo) {
    Instant updated = NOW.minus(Duration.ofDays(daysAgo));
    return new Customer.Builder().from(details).id(CustomerId.of(new UUID(0, id))).version(1)
        .createdAt(updated).updatedAt(updated).build();
  }

  static PostalAddress address(String code, String region, String city, String district) {
    return new PostalAddress.Builder().country("CN").regionCode(code).region(region).city(city).district(district)
        .build();
  }

  private final DataQuality quality = DataQuality.builder().clock(CLOCK)
      .scheme("region", BuiltInSchemes.gbt2260()).build();

  private QualityReport measureAll() {
    return quality.measure(Stream.of(ZHANG, LI, ACME));
  }

  @Test
  void completenessCountsEachFieldOverTheCustomersItAppliesTo() {
    QualityReport report = measureAll();

    assertThat(report.customers()).isEqualTo(3);
    assertThat(report.completeness()).extracting(QualityReport.FieldCompleteness::field).containsExactly(
        "name", "phone", "email", "address", "regionCode", "identifier", "birthDate", "gender", "owner", "tier",
        "externalReference", "dimension:region");
    assertThat(report.completenessOf("phone")).contains(new QualityReport.FieldCompleteness("phone", 3, 2, 2.0 / 3));
    assertThat(report.completenessOf("identifier")).contains(
        new QualityReport.FieldCompleteness("identifier", 3, 2, 2.0 / 3));
    assertThat(report.completenessOf("birthDate")).contains(
        new QualityReport.FieldCompleteness("birthDate", 2, 2, 1.0));
    assertThat(report.completenessOf("gender")).contains(new QualityReport.FieldCompleteness("gender", 2, 1, 0.5));
    assertThat(report.completenessOf("tier")).contains(new QualityReport.FieldCompleteness("tier", 3, 0, 0.0));
    assertThat(report.completenessOf("externalReference")).contains(
        new QualityReport.FieldCompleteness("externalReference", 3, 1, 1.0 / 3));
    assertThat(report.completenessOf("dimension:region")).contains(
        new QualityReport.FieldCompleteness("dimension:region", 3, 2, 2.0 / 3));
  }

  @Test
  void validityCountsCustomersWithABadValueOncePerRuleAndNamesThemById() {
    QualityReport report = measureAll();

    assertThat(report.validity()).containsExactly(
        new QualityReport.RuleResult("phone-e164", 2, 1, 0.5, List.of(LI.id())),
        new QualityReport.RuleResult("email-plausible", 2, 1, 0.5, List.of(LI.id())),
        new QualityReport.RuleResult("uscc-check", 2, 0, 0.0, List.of()),
        new QualityReport.RuleResult("resident-id-check", 1, 0, 0.0, List.of()),
        new QualityReport.RuleResult("address-region-code", 3, 0, 0.0, List.of()),
        new QualityReport.RuleResult("dimension-code:region", 2, 1, 0.5, List.of(LI.id())));
  }

  @Test
  void consistencyFindsTheShanghaiCodeOnABeijingAddressAndThePersonWithACreditCode() {
    QualityReport report = measureAll();

    assertThat(report.consistency()).containsExactly(
        new QualityReport.RuleResult("region-code-vs-address", 3, 1, 1.0 / 3, List.of(LI.id())),
        new QualityReport.RuleResult("person-with-organisation-identifier", 2, 1, 0.5, List.of(LI.id())),
        new QualityReport.RuleResult("organisation-with-person-identifier", 1, 0, 0.0, List.of()),
        new QualityReport.RuleResult("birth-date-in-future", 2, 1, 0.5, List.of(LI.id())),
        new QualityReport.RuleResult("birth-date-vs-resident-id", 1, 0, 0.0, List.of()),
        new QualityReport.RuleResult("timestamp-in-future", 3, 0, 0.0, List.of()));
  }

  @Test
  void aBirthDateOtherThanTheResidentIdentityNumberSaysIsInconsistent() {
    Customer wrongBirthDate = stored(4, NewCustomer.person("王", "芳")
        .addPersonIdentifier(PersonIdentifier.residentIdentityNumber("11010519491231002X"))
        .birthDate(LocalDate.of(1950, 1, 1)).build(), 1);

    QualityReport report = quality.measure(Stream.of(wrongBirthDate));

    assertThat(report.resultOf("birth-date-vs-resident-id")).contains(
        new QualityReport.RuleResult("birth-date-vs-resident-id", 1, 1, 1.0, List.of(wrongBirthDate.id())));
  }

  @Test
  void anOrganisationWithAPersonIdentifierIsInconsistent() {
    Customer odd = stored(6, NewCustomer.organisation("Acme")
        .addPersonIdentifier(PersonIdentifier.of(PersonIdentifier.PASSPORT, "E12345678")).build(), 1);

    QualityReport report = quality.measure(Stream.of(odd, ACME));

    assertThat(report.resultOf("organisation-with-person-identifier")).contains(
        new QualityReport.RuleResult("organisation-with-person-identifier", 2, 1, 0.5, List.of(odd.id())));
  }

  @Test
  void aCustomerUpdatedAfterTheReportsInstantIsInconsistentAndCountsAsAgeZero() {
    Customer future = new Customer.Builder().from(ZHANG).createdAt(NOW.minusSeconds(60))
        .updatedAt(NOW.plus(Duration.ofDays(3))).build();

    QualityReport report = quality.measure(Stream.of(future));

    assertThat(report.resultOf("timestamp-in-future").orElseThrow().failed()).isEqualTo(1);
    assertThat(report.freshness().sinceUpdate().maxDays()).isZero();
  }

  @Test
  void uniquenessCountsCustomersSharingAnExactStandardisedKey() {
    QualityReport.Uniqueness uniqueness = measureAll().uniqueness();

    assertThat(uniqueness.keys()).containsExactly(
        new QualityReport.KeyUniqueness("phone", 2, 2, 1, 1, 1.0 / 3, true, 1.0),
        new QualityReport.KeyUniqueness("email", 1, 0, 1, 0, 0.0, true, 1.0),
        new QualityReport.KeyUniqueness("identifier", 3, 2, 2, 1, 1.0 / 3, true, 1.0));
    assertThat(uniqueness.estimatedDuplicateRate()).isEqualTo(1.0 / 3);
    assertThat(uniqueness.estimatedDistinctCustomers()).isEqualTo(2);
  }

  @Test
  void freshnessGivesNearestRankPercentilesAndBandsOfDaysSinceTheLastUpdate() {
    QualityReport.Freshness freshness = measureAll().freshness();

    QualityReport.Ages ages = freshness.sinceUpdate();
    assertThat(ages.counted()).isEqualTo(3);
    assertThat(List.of(ages.p50Days(), ages.p90Days(), ages.p99Days(), ages.maxDays()))
        .containsExactly(400L, 2000L, 2000L, 2000L);
    assertThat(ages.buckets()).extracting(QualityReport.AgeBucket::label, QualityReport.AgeBucket::count)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("under-30-days", 1L),
            org.assertj.core.groups.Tuple.tuple("under-90-days", 0L),
            org.assertj.core.groups.Tuple.tuple("under-1-year", 0L),
            org.assertj.core.groups.Tuple.tuple("under-3-years", 1L),
            org.assertj.core.groups.Tuple.tuple("older", 1L));
    assertThat(freshness.sinceContact()).isEmpty();
    assertThat(freshness.horizonDays()).isEqualTo(365);
  }

  @Test
  void lastContactsComeFromTheGivenPortInChunksAndCustomersNeverContactedAreCountedApart() {
    List<Integer> chunkSizes = new java.util.ArrayList<>();
    LastContacts contacts = (ids, asOf) -> {
      chunkSizes.add(ids.size());
      assertThat(asOf).isEqualTo(NOW);
      return ids.contains(ZHANG.id()) ? Map.of(ZHANG.id(), NOW.minus(Duration.ofDays(45))) : Map.of();
    };
    DataQuality withContacts = DataQuality.builder().clock(CLOCK).lastContacts(contacts).build();
    Stream<Customer> many = Stream.concat(Stream.of(ZHANG, LI, ACME),
        Stream.iterate(10, i -> i + 1).limit(DataQuality.CONTACT_CHUNK).map(i -> stored(i, NewCustomer.organisation(
            "Org " + i).build(), 5)));

    QualityReport report = withContacts.measure(many);

    assertThat(chunkSizes).containsExactly(DataQuality.CONTACT_CHUNK, 3);
    QualityReport.Ages sinceContact = report.freshness().sinceContact().orElseThrow();
    assertThat(sinceContact.counted()).isEqualTo(1);
    assertThat(sinceContact.never()).isEqualTo(DataQuality.CONTACT_CHUNK + 2);
    assertThat(sinceContact.p50Days()).isEqualTo(45);
  }

  @Test
  void scoresFollowTheDocumentedFormulas() {
    QualityReport.Scores scores = measureAll().scores();

    // completeness: mean of the 12 field shares = (1 + 2/3 + 2/3 + 1 + 1 + 2/3 + 1 + 1/2 + 1/3 + 0 + 1/3 + 2/3) / 12
    assertThat(scores.completeness()).isEqualTo(65.3);
    assertThat(scores.validity()).isEqualTo(75.0); // 3 of 12 customer checks failed
    assertThat(scores.uniqueness()).isEqualTo(66.7); // a third are duplicates by phone
    assertThat(scores.freshness()).isEqualTo(33.3); // one of three updated within 365 days
    assertThat(scores.consistency()).isEqualTo(75.0); // 3 of 12 customer checks failed
    assertThat(scores.overall()).isEqualTo(63.1); // (65.3 + 75.0 + 66.7 + 33.3 + 75.0) / 5
  }

  @Test
  void noCustomersMeansNothingWrongFound() {
    QualityReport report = quality.measure(Stream.empty());

    assertThat(report.customers()).isZero();
    assertThat(report.scores()).isEqualTo(new QualityReport.Scores(100, 100, 100, 100, 100, 100));
    assertThat(report.completenessOf("dimension:region")).contains(
        new QualityReport.FieldCompleteness("dimension:region", 0, 0, 0.0));
  }

  @Test
  void aRuleNamesAtMostFiveFailingCustomersInReadingOrder() {
    List<Customer> bad = Stream.iterate(100, i -> i + 1).limit(8).map(i -> stored(i, NewCustomer.person("李", "娜")
        .addContactPoint(ContactPoint.phone("+86123")).build(), 1)).toList();

    QualityReport.RuleResult phones = quality.measure(bad.stream()).resultOf("phone-e164").orElseThrow();

    assertThat(phones.failed()).isEqualTo(8);
    assertThat(phones.examples()).containsExactlyElementsOf(bad.stream().limit(5).map(Customer::id).toList());
  }

  @Test
  void dimensionsSeenAreCountedEvenWithoutAScheme() {
    Customer tagged = stored(5, NewCustomer.organisation("Acme").putDimensionCode("channel", "web").build(), 1);

    QualityReport report = DataQuality.builder().clock(CLOCK).dimensions("industry").build()
        .measure(Stream.of(tagged, ACME));

    assertThat(report.completenessOf("dimension:channel")).map(QualityReport.FieldCompleteness::present)
        .contains(1L);
    assertThat(report.completenessOf("dimension:industry")).map(QualityReport.FieldCompleteness::present)
        .contains(0L);
    assertThat(report.validity()).extracting(QualityReport.RuleResult::rule).doesNotContain("dimension-code:channel");
  }

  @Test
  void guardClausesRejectBadSettings() {
    assertThatThrownBy(() -> DataQuality.builder().maxKeysPerKind(8)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxKeys");
    assertThatThrownBy(() -> DataQuality.builder().freshnessHorizon(Duration.ofDays(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("horizon");
    assertThatThrownBy(() -> DataQuality.builder().scheme(" ", BuiltInSchemes.gbt2260()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dimension");
    assertThatThrownBy(() -> DataQuality.defaults().measure((Stream<Customer>) null))
        .isInstanceOf(NullPointerException.class).hasMessage("customers");
    assertThat(Optional.of(quality.toString())).hasValueSatisfying(text -> assertThat(text).contains("region"));
  }
}
