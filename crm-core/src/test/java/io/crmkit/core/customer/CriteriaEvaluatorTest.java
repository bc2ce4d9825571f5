package io.crmkit.core.customer;

import static io.crmkit.core.customer.Criteria.and;
import static io.crmkit.core.customer.Criteria.not;
import static io.crmkit.core.customer.Criteria.or;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CriteriaEvaluatorTest {
  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

  private static Customer customer(long id, NewCustomer details, Instant created) {
    return new Customer.Builder().from(details).id(CustomerId.of(new UUID(0, id))).version(1)
        .createdAt(created).updatedAt(created).build();
  }

  private final Customer withOwner = customer(1, NewCustomer.person("Zhang", "Wei").owner("alice")
      .putDimensionCode("region", "110105").addTag("fair").tier(ValueTier.VIP)
      .putAttribute("creditLimit", AttributeValue.number(new BigDecimal("5000.00")))
      .birthDate(LocalDate.of(1980, 5, 1)).build(), T0);
  private final Customer withoutOwner = customer(2, NewCustomer.organisation("ACME").build(), T0.plusSeconds(10));

  private static boolean matches(Criteria criteria, Customer customer) {
    return CriteriaEvaluator.matches(criteria, customer);
  }

  @Test
  void aTestOnAnAbsentValueIsFalseAndItsNegationTrue() {
    assertThat(matches(Criteria.ownerIs("alice"), withoutOwner)).isFalse();
    assertThat(matches(not(Criteria.ownerIs("alice")), withoutOwner)).isTrue();
    assertThat(matches(Criteria.tierIs(ValueTier.VIP), withoutOwner)).isFalse();
    assertThat(matches(not(Criteria.codeStartsWith("region", "11")), withoutOwner)).isTrue();
  }

  private final Customer reachable = customer(3, NewCustomer.person("Wang", "Fang")
      .addContactPoint(ContactPoint.phone("+8613812345678"))
      .addContactPoint(ContactPoint.email("Fang.Wang@Example.CN"))
      .addPersonIdentifier(PersonIdentifier.residentIdentityNumber("11010519491231002X"))
      .build(), T0);
  private final Customer company = customer(4, NewCustomer.organisation("ＡＢＣ Trading Co., Ltd.")
      .addOrganisationIdentifier(OrganisationIdentifier.of(OrganisationIdentifier.CN_USCC, "91350100M000100Y43"))
      .build(), T0);

  @Test
  void aPhoneIsFoundInAnyWrittenForm() {
    assertThat(matches(Criteria.hasPhone("138-1234-5678", "CN"), reachable)).isTrue();
    assertThat(matches(Criteria.hasPhone("+86 138 1234 5678"), reachable)).isTrue();
    assertThat(matches(Criteria.hasPhone("138-1234-5679", "CN"), reachable)).isFalse();
    assertThat(matches(Criteria.hasPhone("+8613812345678"), company)).isFalse();
    assertThat(matches(not(Criteria.hasPhone("+8613812345678")), company)).isTrue();
  }

  @Test
  void anEmailIsFoundWithItsDomainInAnyCaseButItsLocalPartAsWritten() {
    assertThat(matches(Criteria.hasEmail(" Fang.Wang@example.cn "), reachable)).isTrue();
    assertThat(matches(Criteria.hasEmail("fang.wang@example.cn"), reachable)).isFalse();
    assertThat(matches(not(Criteria.hasEmail("Fang.Wang@example.cn")), company)).isTrue();
  }

  @Test
  void identifiersAreFoundWithoutCaseSpacesOrDashes() {
    assertThat(matches(Criteria.hasPersonIdentifier(PersonIdentifier.CN_RIN, "110105 19491231 002x"), reachable))
        .isTrue();
    assertThat(matches(Criteria.hasOrganisationIdentifier(OrganisationIdentifier.CN_USCC, "91350100-m000100y43"),
        company)).isTrue();
    assertThat(matches(Criteria.hasOrganisationIdentifier(OrganisationIdentifier.VAT, "91350100M000100Y43"),
        company)).isFalse();
    assertThat(matches(Criteria.hasPersonIdentifier(OrganisationIdentifier.CN_USCC, "91350100M000100Y43"),
        company)).isFalse();
  }

  @Test
  void nameSearchMatchesAPrefixOfAnyNameIgnoringCaseAndWidth() {
    assertThat(matches(Criteria.nameStartsWith("wang"), reachable)).isTrue();
    assertThat(matches(Criteria.nameStartsWith("FANG"), reachable)).isTrue();
    assertThat(matches(Criteria.nameStartsWith("ang"), reachable)).isFalse();
    assertThat(matches(Criteria.nameStartsWith("abc t"), company)).isTrue();
    assertThat(matches(Criteria.nameStartsWith("ＡＢＣ"), company)).isTrue();
    assertThat(matches(Criteria.nameStartsWith("Trading"), company)).isFalse();
  }

  @Test
  void lookupCriteriaRejectUnusableValuesWhenBuilt() {
    assertThatThrownBy(() -> Criteria.hasPhone("call me", "CN")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Criteria.hasEmail("nobody")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Criteria.nameStartsWith("")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> Criteria.nameStartsWith("x".repeat(LookupKey.MAX_NAME_LENGTH + 1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most");
    assertThatThrownBy(() -> Criteria.nameStartsWith("a\uD800")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unpaired");
    assertThatThrownBy(() -> new Criteria.HasKey(new LookupKey(LookupKey.NAME, "x")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nameStartsWith");
  }

  @Test
  void aNamePrefixIsStoredNormalised() {
    assertThat(Criteria.nameStartsWith("ＡＢＣ")).isEqualTo(new Criteria.NameStartsWith("abc"));
  }

  @Test
  void rangesIncludeTheLowerAndExcludeTheUpperBound() {
    assertThat(matches(Criteria.createdBetween(T0, T0.plusSeconds(10)), withOwner)).isTrue();
    assertThat(matches(Criteria.createdBetween(T0, T0.plusSeconds(10)), withoutOwner)).isFalse();
    assertThat(matches(Criteria.atLeast(CustomerField.BIRTH_DATE, LocalDate.of(1980, 5, 1)), withOwner)).isTrue();
    assertThat(matches(Criteria.below(CustomerField.BIRTH_DATE, LocalDate.of(1980, 5, 1)), withOwner)).isFalse();
  }

  @Test
  void codePrefixSelectsABranchOfTheHierarchy() {
    assertThat(matches(Criteria.codeStartsWith("region", "11"), withOwner)).isTrue();
    assertThat(matches(Criteria.codeStartsWith("region", "1101"), withOwner)).isTrue();
    assertThat(matches(Criteria.codeStartsWith("region", "12"), withOwner)).isFalse();
    assertThat(matches(Criteria.codeStartsWith("industry", "1"), withOwner)).isFalse();
    assertThat(matches(Criteria.codeIs("region", "110105"), withOwner)).isTrue();
  }

  @Test
  void attributeEqualityIgnoresTrailingZerosButNotType() {
    assertThat(matches(Criteria.attributeIs("creditLimit", AttributeValue.number(5000)), withOwner)).isTrue();
    assertThat(matches(Criteria.attributeIs("creditLimit", AttributeValue.text("5000")), withOwner)).isFalse();
  }

  @Test
  void emptyAndMatchesEverythingAndEmptyOrNothing() {
    assertThat(matches(and(), withoutOwner)).isTrue();
    assertThat(matches(or(), withoutOwner)).isFalse();
    assertThat(matches(Criteria.all(), withoutOwner)).isTrue();
  }

  @Test
  void booleanCombinationsFollowTheirOperands() {
    Criteria vipOrAcme = or(Criteria.tierIs(ValueTier.VIP), Criteria.eq(CustomerField.LEGAL_NAME, "ACME"));
    assertThat(matches(vipOrAcme, withOwner)).isTrue();
    assertThat(matches(vipOrAcme, withoutOwner)).isTrue();
    assertThat(matches(and(vipOrAcme, Criteria.hasTag("fair")), withoutOwner)).isFalse();
    assertThat(matches(Criteria.kindIs(CustomerKind.PERSON).and(Criteria.hasTag("fair")), withOwner)).isTrue();
    assertThat(matches(Criteria.in(CustomerField.STAGE, LifecycleStage.PROSPECT, LifecycleStage.ACTIVE), withOwner)).isTrue();
  }

  @Test
  void sortingPutsAbsentValuesLastInEitherDirectionAndBreaksTiesById() {
    Customer bob = customer(3, NewCustomer.person("Li", "Bob").owner("bob").build(), T0);
    Customer alice2 = customer(0, NewCustomer.person("Li", "Al").owner("alice").build(), T0);
    List<Customer> all = List.of(withoutOwner, bob, withOwner, alice2);

    assertThat(all.stream().sorted(CriteriaEvaluator.comparator(Sort.ascending(CustomerField.OWNER))))
        .extracting(Customer::id).extracting(id -> id.value().getLeastSignificantBits())
        .containsExactly(0L, 1L, 3L, 2L);
    assertThat(all.stream().sorted(CriteriaEvaluator.comparator(Sort.descending(CustomerField.OWNER))))
        .extracting(Customer::id).extracting(id -> id.value().getLeastSignificantBits())
        .containsExactly(3L, 0L, 1L, 2L);
  }

  @Test
  void idsOrderAsUnsignedBytesLikeDatabases() {
    CustomerId low = CustomerId.parse("00000000-0000-0000-0000-000000000001");
    CustomerId high = CustomerId.parse("ffffffff-0000-0000-0000-000000000000");
    assertThat(low).isLessThan(high);
  }

  @Test
  void textIsOrderedByCodePointNotByUtf16Unit() {
    String emoji = "\uD83D\uDE00";
    String privateUse = "\uE000";
    assertThat(CriteriaEvaluator.compareCodePoints(privateUse, emoji)).isNegative();
    assertThat(privateUse.compareTo(emoji)).isPositive();
  }

  @Test
  void criteriaRejectValuesOfTheWrongTypeAndRangesOnUnorderedFields() {
    assertThatThrownBy(() -> Criteria.between(CustomerField.KIND, CustomerKind.PERSON, CustomerKind.ORGANISATION))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no order");
    assertThatThrownBy(() -> Criteria.in(CustomerField.OWNER, java.util.Set.of()))
        .isInstanceOf(IllegalArgumentException.class);
    @SuppressWarnings({"unchecked", "rawtypes"})
    CustomerField<Object> raw = (CustomerField) CustomerField.OWNER;
    assertThatThrownBy(() -> Criteria.eq(raw, 42)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("takes String");
  }

  @Test
  void repeatedValuesInAnInListAreAcceptedOnce() {
    Criteria criteria = Criteria.stageIn(LifecycleStage.PROSPECT, LifecycleStage.PROSPECT);

    assertThat(criteria).isEqualTo(Criteria.stageIn(LifecycleStage.PROSPECT));
    assertThat(matches(criteria, withOwner)).isTrue();
  }
}
