package io.crmkit.core.dedup.incremental;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.dedup.DedupStore;
import io.crmkit.core.dedup.MatchInput;
import io.crmkit.core.dedup.MatchRecord;
import io.crmkit.core.dedup.ScoredPair;
import io.crmkit.core.dedup.match.Blocking;
import io.crmkit.core.dedup.match.Deduplicator;
import io.crmkit.core.dedup.match.MatchModel;
import io.crmkit.core.dedup.match.MatchParameters;
import io.crmkit.core.dedup.review.ReviewDecision;
import io.crmkit.core.dedup.standardise.MatchInputs;
import io.crmkit.core.dedup.standardise.Standardiser;
import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.core.memory.InMemoryExtensions;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IncrementalMatcherTest {
  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
  private static final String[] FAMILY = {"smith", "jones", "williams", "brown", "taylor", "wilson", "martin",
      "anderson", "thompson", "white", "harris", "clarke", "walker", "robinson", "wright", "mitchell"};
  private static final String[] GIVEN = {"james", "mary", "john", "patricia", "robert", "jennifer", "michael",
      "linda", "william", "elizabeth", "david", "barbara", "richard"};

  private DedupStore dedup;
  private List<Customer> population;
  private MatchParameters parameters;
  private List<MatchRecord> fitted;

  @BeforeEach
  void storeAPopulationAndFitTheModelOnIt() {
    dedup = InMemoryCrmStore.create().attach(InMemoryExtensions.dedup());
    population = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      population.add(dedup.base().customers().save(customer(i, person(i, GIVEN[(i / FAMILY.length) % GIVEN.length],
          String.format("+86138%08d", i), LocalDate.of(1930 + i % 70, 1 + i % 12, 1 + i % 28)))));
      if (i > 0 && i % 5 == 0) {
        String given = GIVEN[(i / FAMILY.length) % GIVEN.length];
        String typo = i % 3 == 0 ? given.substring(0, given.length() - 1) : given;
        String phone = String.format(i % 3 == 1 ? "+86139%08d" : "+86138%08d", i);
        LocalDate born = LocalDate.of(1930 + i % 70, 1 + i % 12, 1 + i % 28);
        population.add(dedup.base().customers().save(customer(1000 + i, person(i, typo, phone,
            i % 3 == 2 ? born.plusDays(1) : born))));
      }
    }
    Customer copy = customer(900, NewCustomer.person("smith", "jamie")
        .addContactPoint(ContactPoint.phone("+8613800000000"))
        .birthDate(LocalDate.of(1930, 1, 1)).build());
    population.add(dedup.base().customers().save(copy));
    fitted = population.stream().map(c -> Standardiser.defaults().standardise(MatchInputs.of(c))).toList();
    parameters = Deduplicator.withDefaults().run(fitted).parameters();
  }

  private IncrementalMatcher matcher(Deduplicator dedupRules) {
    MatchModel model = dedupRules.model(parameters, fitted);
    IncrementalMatcher matcher = IncrementalMatcher.builder().store(dedup).model(model)
        .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    matcher.indexAll(dedup.base().customers().stream(Criteria.all()).toList());
    return matcher;
  }

  private IncrementalMatcher matcher() {
    return matcher(Deduplicator.withDefaults());
  }

  @Test
  void aCopyOfAStoredCustomerIsFoundAsAMatchWithItsExplanationMostProbableFirst() {
    MatchInput incoming = incoming("new-1", "smith", "james", "+86 138 0000 0000", LocalDate.of(1930, 1, 1));

    IncrementalMatcher.Check check = matcher().check(incoming);

    assertThat(check.matches()).isNotEmpty();
    assertThat(check.matches().get(0).customerId()).isEqualTo(population.get(0).id());
    ScoredPair best = check.matches().get(0).pair();
    assertThat(best.fields()).isNotEmpty();
    assertThat(best.fields().stream().mapToDouble(f -> f.weight()).sum()).isCloseTo(best.weight(),
        within(1e-9));
    assertThat(check.candidates()).isSortedAccordingTo(
        Comparator.comparingDouble((IncrementalMatcher.Candidate c) -> -c.pair().probability()));
    assertThat(check.record().phones()).containsExactly("+8613800000000");
  }

  @Test
  void theEntityOfAMatchingRecordIsTheStoredCustomerEvenWhenTheIncomingIdIsSmaller() {
    IncrementalMatcher matcher = matcher();
    MatchInput smallerId = incoming("0", "smith", "james", "+8613800000000", LocalDate.of(1930, 1, 1));
    MatchInput stranger = incoming("1", "zhivago", "yuri", "+8613799999999", LocalDate.of(1999, 9, 9));

    String stored = population.get(0).id().value().toString();
    assertThat("0").isLessThan(stored);
    assertThat(matcher.check(smallerId).entityId()).isEqualTo(stored);
    assertThat(matcher.check(stranger).entityId()).isEqualTo("1");
    assertThat(matcher.check(stranger).matches()).isEmpty();
  }

  @Test
  void aStoredCustomerCheckedAgainstTheStoreIsNotItsOwnCandidate() {
    IncrementalMatcher matcher = matcher();
    Customer jamie = population.get(population.size() - 1);

    IncrementalMatcher.Check check = matcher.check(jamie);

    assertThat(check.candidates()).extracting(IncrementalMatcher.Candidate::customerId).doesNotContain(jamie.id())
        .contains(population.get(0).id());
  }

  @Test
  void aKeyHeldByMoreCustomersThanTheBlockCapIsSkippedAndReported() {
    String switchboard = "+861066660000";
    for (int i = 0; i < 3; i++) {
      dedup.base().customers().save(customer(200 + i, NewCustomer.person("zhou", "staff" + i)
          .addContactPoint(ContactPoint.phone(switchboard)).build()));
    }
    Blocking capped = Blocking.defaults().withMaxBlockSize(3, Blocking.Oversized.SKIP);
    IncrementalMatcher matcher = matcher(Deduplicator.builder().blocking(capped).build());
    MatchInput caller = new MatchInput.Builder().id("caller").familyName("qian").givenName("visitor")
        .addPhones(switchboard).build();

    IncrementalMatcher.Check check = matcher.check(caller);

    assertThat(check.oversizedKeys()).containsExactly(new Blocking.OversizedKey("phone:" + switchboard, 4));
    assertThat(check.candidates()).isEmpty();
    Blocking roomy = Blocking.defaults().withMaxBlockSize(4, Blocking.Oversized.SKIP);
    assertThat(matcher(Deduplicator.builder().blocking(roomy).build()).check(caller).candidates()).hasSize(3);
  }

  private Customer zed() {
    return dedup.base().customers().save(customer(950, NewCustomer.person("smith", "zed")
        .addContactPoint(ContactPoint.phone("+8613800000000")).build()));
  }

  @Test
  void pairsBetweenTheThresholdsAreQueuedOnceAndADecidedPairNeverAgain() {
    Customer jamie = zed();
    double p = matcher().check(jamie).candidates().stream()
        .filter(c -> c.customerId().equals(population.get(0).id())).findFirst().orElseThrow().pair().probability();
    assertThat(p).isBetween(0.0, 1.0).isNotEqualTo(1.0).isNotEqualTo(0.0);
    IncrementalMatcher reviewing = matcher(Deduplicator.builder().thresholds((1 + p) / 2, p / 2).build());

    IncrementalMatcher.Check check = reviewing.check(jamie);
    assertThat(check.reviews()).extracting(IncrementalMatcher.Candidate::customerId)
        .contains(population.get(0).id());
    int queued = reviewing.queueReviews(check);

    assertThat(queued).isEqualTo(check.reviews().size()).isPositive();
    assertThat(dedup.reviewQueue().pending(jamie.id().value().toString(), population.get(0).id().value().toString()))
        .hasValueSatisfying(item -> assertThat(item.queuedAt()).isEqualTo(NOW));
    assertThat(reviewing.queueReviews(reviewing.check(jamie))).isZero();

    dedup.reviewQueue().decide(new ReviewDecision(jamie.id().value().toString(),
        population.get(0).id().value().toString(), ReviewDecision.Verdict.DIFFERENT, "steward", NOW));
    IncrementalMatcher.Check after = reviewing.check(jamie);
    IncrementalMatcher.Candidate decided = after.candidates().stream()
        .filter(c -> c.customerId().equals(population.get(0).id())).findFirst().orElseThrow();
    assertThat(decided.verdict()).contains(ReviewDecision.Verdict.DIFFERENT);
    assertThat(decided.decision()).isEqualTo(ScoredPair.Decision.NON_MATCH);
    assertThat(after.reviews()).doesNotContain(decided);
    assertThat(reviewing.queueReviews(after)).isZero();
    assertThat(dedup.reviewQueue().pendingCount()).isEqualTo(queued - 1);
  }

  @Test
  void aPairDecidedSameIsAMatchWhateverTheModelSays() {
    Customer jamie = zed();
    IncrementalMatcher strict = matcher();
    assertThat(strict.check(jamie).candidates()).extracting(IncrementalMatcher.Candidate::customerId)
        .contains(population.get(0).id());
    assertThat(strict.check(jamie).matches()).isEmpty();

    dedup.reviewQueue().decide(new ReviewDecision(jamie.id().value().toString(),
        population.get(0).id().value().toString(), ReviewDecision.Verdict.SAME, "steward", NOW));

    assertThat(strict.check(jamie).matches()).extracting(IncrementalMatcher.Candidate::customerId)
        .containsExactly(population.get(0).id());
    assertThat(strict.check(jamie).entityId()).isEqualTo(population.get(0).id().value().toString());
  }

  @Test
  void indexingReplacesTheKeysAndForgettingTakesTheCustomerOutOfEveryCheck() {
    IncrementalMatcher matcher = matcher();
    Customer first = population.get(0);
    MatchInput incoming = incoming("new-2", "smith", "james", "+8613800000000", LocalDate.of(1930, 1, 1));
    Customer moved = dedup.base().customers().save(new Customer.Builder().from(first)
        .contactPoints(List.of(ContactPoint.phone("+8613700000000"))).build());

    assertThat(matcher.index(moved)).contains("phone:+8613700000000").doesNotContain("phone:+8613800000000");
    assertThat(dedup.blockingKeys().keysOf(first.id())).contains("phone:+8613700000000");

    matcher.forget(first.id());

    assertThat(dedup.blockingKeys().keysOf(first.id())).isEmpty();
    assertThat(matcher.check(incoming).candidates()).extracting(IncrementalMatcher.Candidate::customerId)
        .doesNotContain(first.id());
  }

  @Test
  void anOrganisationWhoseKeyIsLongerThanTheIndexKeepsIsIndexedAndFound() {
    String name = "长".repeat(190) + "贸易";
    Customer long1 = dedup.base().customers().save(customer(300, NewCustomer.organisation(name + "有限公司").build()));
    IncrementalMatcher matcher = matcher();

    assertThat(matcher.index(long1)).allSatisfy(key -> assertThat(key.length()).isLessThanOrEqualTo(200));
    IncrementalMatcher.Check check = matcher.check(new MatchInput.Builder().id("org").legalName(name).build());

    assertThat(check.candidates()).extracting(IncrementalMatcher.Candidate::customerId).contains(long1.id());
  }

  @Test
  void aMatcherNeedsAStoreAndAModel() {
    assertThatThrownBy(() -> IncrementalMatcher.builder().store(dedup).build())
        .isInstanceOf(NullPointerException.class).hasMessageContaining("model");
    assertThatThrownBy(() -> IncrementalMatcher.builder().build())
        .isInstanceOf(NullPointerException.class).hasMessageContaining("store");
  }

  private static NewCustomer person(int i, String given, String phone, LocalDate birthDate) {
    return NewCustomer.person(FAMILY[i % FAMILY.length], given).addContactPoint(ContactPoint.phone(phone))
        .addContactPoint(ContactPoint.email("person" + i + "@example.com")).birthDate(birthDate).build();
  }

  private static MatchInput incoming(String id, String family, String given, String phone, LocalDate birthDate) {
    return new MatchInput.Builder().id(id).familyName(family).givenName(given).addPhones(phone).birthDate(birthDate)
        .build();
  }

  private static Customer customer(int n, NewCustomer details) {
    return new Customer.Builder().from(details).id(CustomerId.of(new UUID(0x1C, n))).version(0).createdAt(NOW)
        .updatedAt(NOW).build();
  }
}
