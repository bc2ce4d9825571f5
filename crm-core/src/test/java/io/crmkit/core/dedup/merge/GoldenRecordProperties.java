package io.crmkit.core.dedup.merge;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.CustomerKind;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.core.customer.PersonName;
import io.crmkit.core.dedup.merge.SurvivorshipRules.Attribute;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of survivorship over random records and rules. */
class GoldenRecordProperties {
  private static final Instant NOW = Instant.parse("2026-05-01T08:00:00Z");

  @Property(tries = 200)
  void theGoldenRecordLosesNoContactPointTagOrReferenceOfAnyMergedRecord(@ForAll("records") List<Customer> records,
      @ForAll("rules") SurvivorshipRules rules) {
    Customer golden = GoldenRecords.build(records, rules, NOW).customer();

    for (Customer record : records) {
      if (rules.rule(Attribute.CONTACT_POINTS) == Survivorship.COLLECT_ALL) {
        assertThat(golden.contactPoints()).containsAll(record.contactPoints());
      }
      if (rules.rule(Attribute.TAGS) == Survivorship.COLLECT_ALL) {
        assertThat(golden.tags()).containsAll(record.tags());
      }
      assertThat(golden.externalReferences()).containsAll(record.externalReferences());
    }
    assertThat(golden.contactPoints()).doesNotHaveDuplicates();
  }

  @Property(tries = 200)
  void everyChosenValueComesFromTheRecordItsProvenanceNames(@ForAll("records") List<Customer> records,
      @ForAll("rules") SurvivorshipRules rules) {
    GoldenRecord golden = GoldenRecords.build(records, rules, NOW);

    Provenance gender = golden.provenance().get(Attribute.GENDER);
    if (gender.from().isEmpty()) {
      assertThat(golden.customer().gender()).isEmpty();
    } else {
      Customer source = byId(records, gender.from().get(0));
      assertThat(golden.customer().gender()).isEqualTo(source.gender());
    }
    Provenance name = golden.provenance().get(Attribute.DISPLAY_NAME);
    assertThat(golden.customer().displayName()).isEqualTo(byId(records, name.from().get(0)).displayName());
    assertThat(golden.provenance()).containsOnlyKeys(Attribute.values());
    assertThat(golden.provenance()).allSatisfy((attribute, provenance) ->
        assertThat(provenance.rule()).isEqualTo(rules.rule(attribute)));
  }

  @Property(tries = 100)
  void theSameRecordsAndRulesAlwaysGiveTheSameGoldenRecord(@ForAll("records") List<Customer> records,
      @ForAll("rules") SurvivorshipRules rules) {
    assertThat(GoldenRecords.build(records, rules, NOW)).isEqualTo(GoldenRecords.build(records, rules, NOW));
  }

  @Provide
  Arbitrary<List<Customer>> records() {
    Arbitrary<Customer> one = Combinators.combine(
            Arbitraries.of("Wang Wei", "Wang W", "W. Wang", "Li Na"),
            Arbitraries.of("+8613800138000", "+8613900139000", "+14155550100").set().ofMaxSize(2),
            Arbitraries.of("vip", "newsletter", "b2b").set().ofMaxSize(3),
            Arbitraries.of("erp", "shop", "web").set().ofMinSize(0).ofMaxSize(2),
            Arbitraries.of(io.crmkit.core.customer.Gender.values()).optional(),
            Arbitraries.integers().between(0, 10_000))
        .as((display, phones, tags, systems, gender, age) -> {
          Customer.Builder builder = new Customer.Builder();
          builder.id(CustomerId.of(UUID.randomUUID())).version(1).kind(CustomerKind.PERSON)
              .personName(PersonName.of("Wang", display)).displayName(display).gender(gender)
              .tags(tags).createdAt(NOW.minusSeconds(20_000)).updatedAt(NOW.minusSeconds(age));
          phones.forEach(p -> builder.addContactPoint(ContactPoint.phone(p)));
          systems.forEach(s -> builder.addExternalReference(new ExternalReference(s, UUID.randomUUID().toString())));
          return builder.build();
        });
    return one.list().ofMinSize(2).ofMaxSize(5);
  }

  @Provide
  Arbitrary<SurvivorshipRules> rules() {
    List<Survivorship> single = List.of(Survivorship.SURVIVOR, Survivorship.MOST_RECENT, Survivorship.MOST_COMPLETE,
        Survivorship.SOURCE_PRIORITY);
    return Combinators.combine(Arbitraries.of(single), Arbitraries.of(single),
            Arbitraries.of(Survivorship.values()), Arbitraries.of(Survivorship.values()),
            Arbitraries.of("erp", "shop", "web").list().uniqueElements().ofMaxSize(3))
        .as((gender, display, contacts, tags, sources) -> SurvivorshipRules.defaults().toBuilder()
            .rule(Attribute.GENDER, gender).rule(Attribute.DISPLAY_NAME, display)
            .rule(Attribute.CONTACT_POINTS, contacts).rule(Attribute.TAGS, tags).sourcePriority(sources).build());
  }

  private static Customer byId(List<Customer> records, CustomerId id) {
    return records.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
  }
}
