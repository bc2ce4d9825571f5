package io.crmkit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.dedup.DedupStore;
import io.crmkit.core.dedup.MatchRecord;
import io.crmkit.core.dedup.ScoredPair;
import io.crmkit.core.dedup.incremental.IncrementalMatcher;
import io.crmkit.core.dedup.match.Blocking;
import io.crmkit.core.dedup.match.BlockingRule;
import io.crmkit.core.dedup.match.Deduplicator;
import io.crmkit.core.dedup.match.MatchModel;
import io.crmkit.core.dedup.review.ReviewDecision;
import io.crmkit.core.dedup.standardise.MatchInputs;
import io.crmkit.core.dedup.standardise.Standardiser;
import io.crmkit.core.store.CrmStore;
import io.crmkit.core.store.StoreExtension;
import io.crmkit.testkit.dedup.DuplicateGenerator;
import io.crmkit.testkit.dedup.GeneratedCustomers;
import io.crmkit.testkit.dedup.GeneratedRecord;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The contract of incremental matching on a store: the {@link IncrementalMatcher} over a dedup
 * extension's blocking-key index and review queue and the base store's customers. Extend it with a
 * store of your technology and its dedup extension:
 *
 * <pre>{@code
 * class InMemoryIncrementalMatchTest extends IncrementalMatchContract {
 *   protected CrmStore newStore() { return InMemoryCrmStore.create(); }
 *   protected StoreExtension<DedupStore> dedup() { return InMemoryExtensions.dedup(); }
 * }
 * }</pre>
 *
 * <p>{@link #newStore()} must give an empty store: a check finds every stored customer that
 * shares a key, so customers left by another example would be candidates too.
 */
public abstract class IncrementalMatchContract {
  private static final Instant AT = Instant.parse("2026-03-01T10:15:30Z");
  private static final AtomicLong RUNS = new AtomicLong(System.nanoTime());

  /** An empty store of the technology under test; called once per example or property try. */
  protected abstract CrmStore newStore();

  /** The dedup extension of the store's technology. */
  protected abstract StoreExtension<DedupStore> dedup();

  /**
   * The batch's key rules with oversized blocks skipped: the blocking a check reproduces exactly
   * (window rules need every record at once).
   */
  private static Blocking keyRulesOnly(int maxBlockSize) {
    return new Blocking(BlockingRule.defaults().stream().filter(BlockingRule.Keys.class::isInstance).toList(),
        maxBlockSize, Blocking.Oversized.SKIP, 10);
  }

  @Property(tries = 4)
  public void checkingEachRecordAgainstAStoreOfTheOthersFindsTheBatchMatchesWithTheBatchScores(
      @ForAll @LongRange(min = 1, max = 100_000) long seed, @ForAll @IntRange(min = 3, max = 12) int cap) {
    consistentWithTheBatch(seed, cap);
  }

  @Example
  void aSeedWithDuplicatesFindsTheSameMatchesOneRecordAtATimeAsTheBatch() {
    assertThat(consistentWithTheBatch(7, 200)).isPositive();
  }

  @Example
  void aSmallBlockCapSkipsTheSameKeysOneRecordAtATimeAsTheBatchDoes() {
    assertThat(consistentWithTheBatch(7, 3)).isPositive();
  }

  /** Checks every record against the others; returns how many batch matches were compared. */
  private int consistentWithTheBatch(long seed, int cap) {
    DedupStore store = newStore().attach(dedup());
    List<Customer> customers = save(store, DuplicateGenerator.builder().seed(seed).entities(25).build().generate());
    List<MatchRecord> records = customers.stream().map(IncrementalMatchContract::standardise).toList();
    Deduplicator dedup = Deduplicator.builder().blocking(keyRulesOnly(cap)).build();
    Deduplicator.Result batch = dedup.run(records);
    IncrementalMatcher matcher = IncrementalMatcher.builder().store(store)
        .model(dedup.model(batch.parameters(), records)).build();
    matcher.indexAll(customers);

    Map<String, Set<String>> expectedPartners = new HashMap<>();
    Map<String, List<ScoredPair>> batchPairs = new HashMap<>();
    for (ScoredPair pair : batch.pairs()) {
      for (String id : List.of(pair.leftId(), pair.rightId())) {
        batchPairs.computeIfAbsent(id, k -> new ArrayList<>()).add(pair);
        if (pair.decision() == ScoredPair.Decision.MATCH) {
          expectedPartners.computeIfAbsent(id, k -> new TreeSet<>())
              .add(pair.leftId().equals(id) ? pair.rightId() : pair.leftId());
        }
      }
    }
    for (Customer customer : customers) {
      String id = customer.id().value().toString();
      matcher.forget(customer.id());
      IncrementalMatcher.Check check = matcher.check(customer);
      matcher.index(customer);

      Set<String> found = new TreeSet<>();
      check.matches().forEach(c -> found.add(c.customerId().value().toString()));
      assertThat(found).as("MATCH partners of %s", id).isEqualTo(expectedPartners.getOrDefault(id, Set.of()));
      List<ScoredPair> scored = check.candidates().stream().map(IncrementalMatcher.Candidate::pair).toList();
      assertThat(scored).as("pairs of %s", id).containsAll(batchPairs.getOrDefault(id, List.of()));
    }
    return batch.matches().size();
  }

  @Example
  void aReviewIsQueuedOnceAndAPairDecidedDifferentIsNeitherQueuedNorProposedAgain() {
    DedupStore store = newStore().attach(dedup());
    List<Customer> customers = save(store, DuplicateGenerator.builder().seed(11).entities(25).build().generate());
    Customer first = store.base().customers().save(customer(NewCustomer.person("Qian", "Ming")
        .addContactPoint(ContactPoint.phone("+8613700001111")).build()));
    Customer second = store.base().customers().save(customer(NewCustomer.person("Qian", "Mingyu")
        .addContactPoint(ContactPoint.phone("+8613700001111")).build()));
    List<Customer> all = new ArrayList<>(customers);
    all.add(first);
    all.add(second);
    List<MatchRecord> records = all.stream().map(IncrementalMatchContract::standardise).toList();
    MatchModel fitted = Deduplicator.withDefaults().model(Deduplicator.withDefaults().run(records).parameters(),
        records);
    double p = probability(store, fitted, all, first, second);
    Deduplicator reviewing = Deduplicator.builder().thresholds((1 + p) / 2, p / 2).build();
    IncrementalMatcher matcher = IncrementalMatcher.builder().store(store)
        .model(reviewing.model(fitted.parameters(), records)).clock(Clock.fixed(AT, ZoneOffset.UTC)).build();

    IncrementalMatcher.Check check = matcher.check(second);
    assertThat(check.reviews()).extracting(IncrementalMatcher.Candidate::customerId).contains(first.id());
    int queued = matcher.queueReviews(check);
    assertThat(queued).isPositive();
    assertThat(matcher.queueReviews(matcher.check(second))).isZero();
    assertThat(store.reviewQueue().pending(id(first), id(second))).isPresent();

    store.reviewQueue().decide(new ReviewDecision(id(first), id(second), ReviewDecision.Verdict.DIFFERENT,
        "contract", AT));
    IncrementalMatcher.Check after = matcher.check(second);

    assertThat(after.candidates()).filteredOn(c -> c.customerId().equals(first.id())).singleElement()
        .satisfies(c -> assertThat(c.decision()).isEqualTo(ScoredPair.Decision.NON_MATCH));
    assertThat(matcher.queueReviews(after)).isZero();
    assertThat(store.reviewQueue().pending(id(first), id(second))).isEmpty();
    assertThat(after.entityId()).isNotEqualTo(id(first));
  }

  @Example
  void aForgottenCustomerIsNoCandidateAndIndexingBringsItBack() {
    DedupStore store = newStore().attach(dedup());
    Customer stored = store.base().customers().save(customer(NewCustomer.person("Sun", "Li")
        .addContactPoint(ContactPoint.phone("+8613700002222")).build()));
    Customer incoming = customer(NewCustomer.person("Sun", "Li")
        .addContactPoint(ContactPoint.phone("+8613700002222")).build());
    List<MatchRecord> records = List.of(standardise(stored), standardise(incoming));
    MatchModel model = Deduplicator.withDefaults().model(Deduplicator.withDefaults().run(records).parameters(),
        List.of());
    IncrementalMatcher matcher = IncrementalMatcher.builder().store(store).model(model).build();

    assertThat(matcher.check(incoming).candidates()).isEmpty();
    assertThat(matcher.index(stored)).contains("phone:+8613700002222");
    assertThat(matcher.check(incoming).candidates()).extracting(IncrementalMatcher.Candidate::customerId)
        .containsExactly(stored.id());
    matcher.forget(stored.id());
    assertThat(matcher.check(incoming).candidates()).isEmpty();
  }

  private static double probability(DedupStore store, MatchModel model, List<Customer> all, Customer one,
      Customer other) {
    IncrementalMatcher matcher = IncrementalMatcher.builder().store(store).model(model).build();
    matcher.indexAll(all);
    return matcher.check(other).candidates().stream().filter(c -> c.customerId().equals(one.id()))
        .findFirst().orElseThrow().pair().probability();
  }

  private static List<Customer> save(DedupStore store, List<GeneratedRecord> generated) {
    List<Customer> saved = new ArrayList<>();
    for (GeneratedRecord record : generated) {
      saved.add(store.base().customers().save(customer(GeneratedCustomers.toNewCustomer(record))));
    }
    return saved;
  }

  private static Customer customer(NewCustomer details) {
    return new Customer.Builder().from(details).id(CustomerId.of(new UUID(0x1CC, RUNS.incrementAndGet())))
        .version(0).createdAt(AT).updatedAt(AT).build();
  }

  private static MatchRecord standardise(Customer customer) {
    return Standardiser.defaults().standardise(MatchInputs.of(customer));
  }

  private static String id(Customer customer) {
    return customer.id().value().toString();
  }
}
