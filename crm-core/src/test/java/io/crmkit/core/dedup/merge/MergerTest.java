package io.crmkit.core.dedup.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.crmkit.core.activity.ActivityId;
import io.crmkit.core.activity.Purchase;
import io.crmkit.core.common.CrmValidationException;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.CustomerKind;
import io.crmkit.core.customer.CustomerNotFoundException;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.core.customer.Gender;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.PersonName;
import io.crmkit.core.customer.PostalAddress;
import io.crmkit.core.dedup.CustomersMerged;
import io.crmkit.core.dedup.DedupStore;
import io.crmkit.core.dedup.MergeUndone;
import io.crmkit.core.dedup.merge.SurvivorshipRules.Attribute;
import io.crmkit.core.event.DomainEvent;
import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.core.memory.InMemoryExtensions;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

class MergerTest {
  private static final Instant NOW = Instant.parse("2026-05-01T08:00:00Z");

  private final InMemoryCrmStore store = InMemoryCrmStore.create();
  private final DedupStore dedup = store.attach(InMemoryExtensions.dedup());
  private final List<DomainEvent> events = new CopyOnWriteArrayList<>();
  private final Merger merger = Merger.builder().store(dedup).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();

  MergerTest() {
    store.events().subscribe(events::add);
  }

  @Test
  void aMergePublishesOneCustomersMergedEventNamingTheSurvivorAndTheAbsorbed() {
    Customer survivor = save(customer(1, "erp").build());
    Customer other = save(customer(2, "shop").build());
    Customer third = save(customer(3, "web").build());

    Merger.Result result = merger.merge(survivor.id(), List.of(other.id(), third.id()), "steward");

    assertThat(events).singleElement().isInstanceOfSatisfying(CustomersMerged.class, event -> {
      assertThat(event.customerId()).isEqualTo(survivor.id());
      assertThat(event.mergeId()).isEqualTo(result.merge().id());
      assertThat(event.absorbed()).containsExactly(other.id(), third.id());
      assertThat(event.version()).isEqualTo(result.golden().version());
      assertThat(event.occurredAt()).isEqualTo(NOW);
    });
  }

  @Test
  void anUnmergePublishesMergeUndoneAndGivesBackEveryRecordAsItWas() {
    Customer survivor = save(customer(1, "erp").build());
    Customer other = save(customer(2, "shop").build());
    Merge merge = merger.merge(survivor.id(), List.of(other.id()), "steward").merge();

    List<Customer> restored = merger.unmerge(merge.id(), "steward");

    assertThat(restored).extracting(c -> c.withVersion(0))
        .containsExactly(survivor.withVersion(0), other.withVersion(0));
    assertThat(events).last().isInstanceOfSatisfying(MergeUndone.class, event -> {
      assertThat(event.mergeId()).isEqualTo(merge.id());
      assertThat(event.restored()).containsExactly(other.id());
    });
    assertThat(dedup.mergeLineage().find(merge.id()).orElseThrow().undone()).hasValueSatisfying(undo -> {
      assertThat(undo.actor()).isEqualTo("steward");
      assertThat(undo.survivorVersion()).isEqualTo(restored.get(0).version());
    });
  }

  @Test
  void theGoldenRecordCollectsContactPointsTagsAndReferencesWithoutRepeatsSurvivorFirst() {
    Customer survivor = save(customer(1, "erp").addContactPoint(ContactPoint.phone("+8613800138000"))
        .addTag("vip").build());
    Customer other = save(customer(2, "shop").addContactPoint(ContactPoint.phone("+8613800138000"))
        .addContactPoint(ContactPoint.email("wang@example.com")).addTag("vip").addTag("newsletter").build());

    GoldenRecord golden = merger.preview(survivor.id(), List.of(other.id()));

    assertThat(golden.customer().contactPoints()).containsExactly(ContactPoint.phone("+8613800138000"),
        ContactPoint.email("wang@example.com"));
    assertThat(golden.customer().tags()).containsExactly("vip", "newsletter");
    assertThat(golden.customer().externalReferences()).containsExactlyInAnyOrder(
        new ExternalReference("erp", "C-1"), new ExternalReference("shop", "C-2"));
    assertThat(golden.provenance().get(Attribute.CONTACT_POINTS))
        .isEqualTo(new Provenance(Survivorship.COLLECT_ALL, List.of(survivor.id(), other.id())));
  }

  @Test
  void theGoldenRecordKeepsTheSurvivorsIdStageAndOwnerAndTheEarliestCreationTime() {
    Customer survivor = save(customer(1, "erp").stage(LifecycleStage.ACTIVE).owner("alice")
        .createdAt(NOW.minusSeconds(100)).updatedAt(NOW.minusSeconds(50)).build());
    Customer other = save(customer(2, "shop").owner("bob").createdAt(NOW.minusSeconds(900))
        .updatedAt(NOW.minusSeconds(10)).build());

    Customer golden = merger.preview(survivor.id(), List.of(other.id())).customer();

    assertThat(golden.id()).isEqualTo(survivor.id());
    assertThat(golden.version()).isEqualTo(survivor.version());
    assertThat(golden.stage()).isEqualTo(LifecycleStage.ACTIVE);
    assertThat(golden.owner()).contains("alice");
    assertThat(golden.createdAt()).isEqualTo(NOW.minusSeconds(900));
    assertThat(golden.updatedAt()).isEqualTo(NOW);
  }

  @Test
  void mostRecentTakesTheValueOfTheLatestUpdatedRecordThatHasOne() {
    Customer survivor = save(customer(1, "erp").displayName("Wang Wei (old)").updatedAt(NOW.minusSeconds(500)).build());
    Customer newer = save(customer(2, "shop").displayName("Wang Wei").updatedAt(NOW.minusSeconds(5)).build());

    GoldenRecord golden = merger.preview(survivor.id(), List.of(newer.id()));

    assertThat(golden.customer().displayName()).isEqualTo("Wang Wei");
    assertThat(golden.provenance().get(Attribute.DISPLAY_NAME))
        .isEqualTo(new Provenance(Survivorship.MOST_RECENT, List.of(newer.id())));
  }

  @Test
  void mostCompleteTakesTheValueOfTheRecordWithTheMostAttributesFilledIn() {
    Customer sparse = save(customer(1, "erp").personName(PersonName.of("Wang", "W")).build());
    Customer full = save(customer(2, "shop").personName(PersonName.of("Wang", "Wei")).gender(Gender.MALE)
        .birthDate(LocalDate.of(1980, 5, 1)).addTag("vip").build());

    GoldenRecord golden = merger.preview(sparse.id(), List.of(full.id()));

    assertThat(golden.customer().personName()).contains(PersonName.of("Wang", "Wei"));
    assertThat(golden.provenance().get(Attribute.PERSON_NAME).from()).containsExactly(full.id());
  }

  @Test
  void sourcePriorityTakesTheValueOfTheMostTrustedSourceAndTiesGoToTheSurvivor() {
    Customer fromShop = save(customer(1, "shop").birthDate(LocalDate.of(1980, 5, 1)).build());
    Customer fromErp = save(customer(2, "erp").birthDate(LocalDate.of(1980, 1, 5)).build());
    Customer unlisted = save(customer(3, "web").birthDate(LocalDate.of(1970, 1, 1)).build());
    SurvivorshipRules rules = SurvivorshipRules.defaults().toBuilder().sourcePriority("erp", "shop").build();
    Merger trusting = Merger.builder().store(dedup).rules(rules).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();

    assertThat(trusting.preview(fromShop.id(), List.of(fromErp.id(), unlisted.id())).customer().birthDate())
        .contains(LocalDate.of(1980, 1, 5));
    assertThat(merger.preview(fromShop.id(), List.of(fromErp.id(), unlisted.id())).customer().birthDate())
        .contains(LocalDate.of(1980, 5, 1));
  }

  @Test
  void aValueNoRecordHasStaysAbsentWithAnEmptyProvenance() {
    Customer survivor = save(customer(1, "erp").build());
    Customer other = save(customer(2, "shop").build());

    GoldenRecord golden = merger.preview(survivor.id(), List.of(other.id()));

    assertThat(golden.customer().gender()).isEmpty();
    assertThat(golden.provenance().get(Attribute.GENDER))
        .isEqualTo(new Provenance(Survivorship.SOURCE_PRIORITY, List.of()));
  }

  @Test
  void aConfiguredRuleReplacesTheDefaultForItsAttribute() {
    Customer survivor = save(customer(1, "erp").addTag("a").build());
    Customer other = save(customer(2, "shop").addTag("b").addTag("c").updatedAt(NOW).build());
    SurvivorshipRules rules = SurvivorshipRules.defaults().toBuilder()
        .rule(Attribute.TAGS, Survivorship.SURVIVOR).build();

    Customer golden = Merger.builder().store(dedup).rules(rules).build()
        .preview(survivor.id(), List.of(other.id())).customer();

    assertThat(golden.tags()).containsExactly("a");
  }

  @Test
  void rulesThatWouldLoseReferencesOrCollectASingleValueAreRefused() {
    SurvivorshipRules.Builder builder = SurvivorshipRules.defaults().toBuilder();

    assertThatThrownBy(() -> builder.rule(Attribute.EXTERNAL_REFERENCES, Survivorship.MOST_RECENT))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("always collected");
    assertThatThrownBy(() -> builder.rule(Attribute.BIRTH_DATE, Survivorship.COLLECT_ALL))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BIRTH_DATE");
    assertThatThrownBy(() -> builder.sourcePriority("erp", "erp")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theGoldenRecordKeepsOnePrimaryPerChannelAndOneEntryPerNumberVerifiedIfAnyRecordVerifiedIt() {
    ContactPoint phone = ContactPoint.phone("+8613800138000");
    Customer survivor = save(customer(1, "erp").addContactPoint(phone.withPrimary(true))
        .addAddress(address("Beijing").withPrimary(true)).build());
    Customer other = save(customer(2, "shop").addContactPoint(phone.withVerified(true))
        .addContactPoint(ContactPoint.phone("+8613900139000").withPrimary(true))
        .addAddress(address("Shanghai").withPrimary(true)).build());

    Customer golden = merger.merge(survivor.id(), List.of(other.id()), "steward").golden();

    assertThat(golden.contactPoints()).containsExactly(phone.withPrimary(true).withVerified(true),
        ContactPoint.phone("+8613900139000"));
    assertThat(golden.addresses()).extracting(PostalAddress::city, PostalAddress::primary)
        .containsExactly(tuple(Optional.of("Beijing"), true), tuple(Optional.of("Shanghai"), false));
  }

  @Test
  void mergingAPersonWithAnOrganisationGivesTheGoldenRecordOnlyTheAttributesOfItsKind() {
    Customer person = save(customer(1, "erp").birthDate(LocalDate.of(1980, 1, 2)).build());
    Customer organisation = save(organisation(2, "shop"));

    Customer golden = merger.preview(person.id(), List.of(organisation.id())).customer();

    assertThat(golden.kind()).isEqualTo(CustomerKind.PERSON);
    assertThat(golden.personName()).isEqualTo(person.personName());
    assertThat(golden.legalName()).isEmpty();
    assertThat(golden.birthDate()).contains(LocalDate.of(1980, 1, 2));
  }

  @Test
  void aMergeWhoseGoldenRecordBreaksACustomerRuleIsRefusedAndChangesNothing() {
    Customer organisation = save(organisation(1, "erp"));
    Customer person = save(customer(2, "shop").build());
    SurvivorshipRules personKindSurvivorsName = SurvivorshipRules.defaults().toBuilder()
        .rule(Attribute.KIND, Survivorship.MOST_RECENT).rule(Attribute.PERSON_NAME, Survivorship.SURVIVOR).build();
    Merger strict = Merger.builder().store(dedup).rules(personKindSurvivorsName)
        .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();

    assertThatThrownBy(() -> strict.merge(organisation.id(), List.of(person.id()), "steward"))
        .isInstanceOf(CrmValidationException.class).hasMessageContaining("person-requires-name");
    assertThat(store.customers().findById(organisation.id())).contains(organisation);
    assertThat(store.customers().findById(person.id())).contains(person);
    assertThat(events).isEmpty();
  }

  @Test
  void aMergeOfAMissingCustomerOrOfOneCustomerTwiceChangesNothing() {
    Customer survivor = save(customer(1, "erp").build());
    CustomerId missing = CustomerId.of(new UUID(9, 9));

    assertThatThrownBy(() -> merger.merge(survivor.id(), List.of(missing), "steward"))
        .isInstanceOf(CustomerNotFoundException.class);
    assertThatThrownBy(() -> merger.merge(survivor.id(), List.of(survivor.id()), "steward"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> merger.merge(survivor.id(), List.of(), "steward"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(store.customers().findById(survivor.id())).contains(survivor);
    assertThat(events).isEmpty();
  }

  private Customer save(Customer customer) {
    return store.customers().save(customer);
  }

  private static Customer.Builder customer(int n, String system) {
    Customer.Builder builder = new Customer.Builder();
    builder.id(CustomerId.of(new UUID(0xC0, n))).version(0).kind(CustomerKind.PERSON)
        .personName(PersonName.of("Wang", "Wei")).displayName("Wei Wang")
        .addExternalReference(new ExternalReference(system, "C-" + n))
        .createdAt(NOW.minusSeconds(1000)).updatedAt(NOW.minusSeconds(1000 - n));
    return builder;
  }

  private static Customer organisation(int n, String system) {
    return customer(n, system).kind(CustomerKind.ORGANISATION).personName(Optional.empty())
        .legalName("Wang Trading Ltd").displayName("Wang Trading Ltd").build();
  }

  private static PostalAddress address(String city) {
    return new PostalAddress.Builder().country("CN").city(city).build();
  }

  private static Purchase purchase(CustomerId owner) {
    return new Purchase.Builder().id(ActivityId.of(new UUID(0xAC, owner.value().getLeastSignificantBits())))
        .customerId(owner).occurredAt(NOW.minusSeconds(3600)).amount(Money.of(CurrencyUnit.of("CNY"), 99))
        .channel("store").build();
  }
}
