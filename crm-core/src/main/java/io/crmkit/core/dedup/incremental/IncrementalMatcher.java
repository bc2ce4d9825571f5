package io.crmkit.core.dedup.incremental;

import io.crmkit.core.common.Require;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.dedup.BlockingKeyIndex;
import io.crmkit.core.dedup.DedupStore;
import io.crmkit.core.dedup.MatchInput;
import io.crmkit.core.dedup.MatchRecord;
import io.crmkit.core.dedup.ScoredPair;
import io.crmkit.core.dedup.match.Blocking;
import io.crmkit.core.dedup.match.MatchModel;
import io.crmkit.core.dedup.review.ReviewDecision;
import io.crmkit.core.dedup.review.ReviewItem;
import io.crmkit.core.dedup.standardise.MatchInputs;
import io.crmkit.core.dedup.standardise.Standardiser;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Answers the import-time question "do we already know this customer?" with the model and rules
 * of the batch run: an incoming record is standardised, its blocking keys (the batch's
 * {@link Blocking#keys}) look up the stored customers that share one in the
 * {@link BlockingKeyIndex}, and each candidate is standardised and scored by the same
 * {@link MatchModel}. A key held by more stored customers than the block cap allows is skipped,
 * as the batch skips a block over the cap, so a switchboard number costs one index lookup and no
 * comparisons.
 *
 * <pre>{@code
 * Deduplicator dedup = Deduplicator.withDefaults();
 * MatchModel model = dedup.model(dedup.run(stored).parameters(), stored);   // stored: MatchRecords
 * IncrementalMatcher matcher = IncrementalMatcher.builder().store(dedupStore).model(model).build();
 * matcher.indexAll(customers);                  // once; then index(customer) after every save
 * IncrementalMatcher.Check check = matcher.check(incoming);
 * check.matches();                              // the stored customers it is, most probable first
 * matcher.queueReviews(check);                  // the undecided pairs between the thresholds
 * }</pre>
 *
 * <p><b>Entities stay stable.</b> A stored customer is its own entity, named by its customer id.
 * A check changes no customer: an incoming record that matches joins the entity of its most
 * probable stored match ({@link Check#entityId()}), and an existing entity is never renamed by a
 * record that arrives later, even one with a smaller id (unlike a batch run, which names a
 * cluster by its smallest id). A merge is the only way two stored entities become one.
 *
 * <p><b>Decisions are kept.</b> A pair a person decided is never queued again, and a pair decided
 * {@code DIFFERENT} is never proposed as a match (its {@link Candidate#decision()} is
 * {@code NON_MATCH}); one decided {@code SAME} is a match.
 *
 * <p><b>Differences from a batch run.</b> Window rules (sorted neighbourhoods) need every record
 * at once and find nothing here, and an oversized key is skipped even where the batch searches it
 * with a window; with key rules only and {@link Blocking.Oversized#SKIP}, a check finds exactly
 * the batch's pairs of the record. The index must be kept current: {@link #index} after every save
 * of a customer, {@link #forget} after a removal (a merge carries keys over itself).
 *
 * <p>Thread-safe if the store's ports are.
 */
public final class IncrementalMatcher {
  private final DedupStore store;
  private final Standardiser standardiser;
  private final MatchModel model;
  private final Function<Customer, MatchInput> inputs;
  private final Clock clock;

  private IncrementalMatcher(Builder b) {
    this.store = Require.notNull(b.store, "store");
    this.model = Require.notNull(b.model, "model");
    this.standardiser = b.standardiser;
    this.inputs = b.inputs;
    this.clock = b.clock;
  }

  /** A builder; a store and a model are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The model candidates are scored with. */
  public MatchModel model() {
    return model;
  }

  /**
   * Stores the customer's blocking keys, replacing those it had: call it after every save.
   *
   * @return the keys stored
   * @throws NullPointerException if {@code customer} is null
   */
  public Set<String> index(Customer customer) {
    Set<String> keys = keysOf(customer);
    store.blockingKeys().replace(customer.id(), keys);
    return keys;
  }

  /**
   * The keys {@link #index} would store for the customer, without storing them: for a bulk load of
   * the index (a million customers' keys written by {@code COPY} rather than one replace each).
   * A key longer than {@link BlockingKeyIndex#MAX_KEY_LENGTH} is given as its first 100
   * characters and the SHA-256 of the whole key, so equal keys stay equal.
   *
   * @throws NullPointerException if {@code customer} is null
   */
  public Set<String> keysOf(Customer customer) {
    Require.notNull(customer, "customer");
    return StoredKeys.of(model.keys(standardise(customer)));
  }

  /**
   * Indexes every customer given (a store's stream, for the first time or after the rules changed).
   *
   * @return how many customers were indexed
   */
  public long indexAll(Iterable<? extends Customer> customers) {
    Require.notNull(customers, "customers");
    long count = 0;
    for (Customer customer : customers) {
      index(customer);
      count++;
    }
    return count;
  }

  /** Removes the customer's keys, so that no check finds it: call it after removing the customer. */
  public void forget(CustomerId customerId) {
    store.blockingKeys().replace(Require.notNull(customerId, "customerId"), Set.of());
  }

  /**
   * Checks a stored or about-to-be-stored customer against the other stored customers.
   *
   * @throws NullPointerException if {@code customer} is null
   */
  public Check check(Customer customer) {
    Require.notNull(customer, "customer");
    return check(standardise(customer));
  }

  /**
   * Checks an incoming record (as its source wrote it) against the stored customers. A stored
   * customer whose id is the record's id is not a candidate: a stored customer can be checked
   * against the others.
   *
   * @throws NullPointerException if {@code input} is null
   */
  public Check check(MatchInput input) {
    Require.notNull(input, "input");
    return check(standardiser.standardise(input));
  }

  private Check check(MatchRecord record) {
    List<String> keys = model.keys(record);
    Map<String, String> byStoredKey = new HashMap<>();
    keys.forEach(key -> byStoredKey.putIfAbsent(StoredKeys.of(key), key));
    Map<CustomerId, Set<String>> found = new HashMap<>(store.blockingKeys().find(byStoredKey.keySet()));
    found.keySet().removeIf(id -> id.value().toString().equals(record.id()));

    Map<String, Integer> holders = new HashMap<>();
    found.values().forEach(held -> held.forEach(key -> holders.merge(key, 1, Integer::sum)));
    List<Blocking.OversizedKey> oversized = new ArrayList<>();
    holders.forEach((key, count) -> {
      if (count + 1 > model.blocking().maxBlockSize()) {
        oversized.add(new Blocking.OversizedKey(byStoredKey.get(key), count + 1));
      }
    });
    oversized.sort(Comparator.comparing(Blocking.OversizedKey::key));
    Set<String> skipped = new HashSet<>();
    oversized.forEach(o -> skipped.add(StoredKeys.of(o.key())));

    List<Candidate> candidates = new ArrayList<>();
    List<CustomerId> ids = new ArrayList<>(found.keySet());
    ids.sort(Comparator.comparing(id -> id.value().toString()));
    for (CustomerId id : ids) {
      if (skipped.containsAll(found.get(id))) {
        continue;
      }
      Optional<Customer> stored = store.base().customers().findById(id);
      if (stored.isPresent()) {
        ScoredPair pair = model.score(record, standardise(stored.get()));
        candidates.add(new Candidate(id, pair, verdict(pair)));
      }
    }
    candidates.sort(Comparator.comparingDouble((Candidate c) -> -c.pair().probability())
        .thenComparing(c -> c.customerId().value().toString()));
    return new Check(record, candidates, oversized);
  }

  private Optional<ReviewDecision.Verdict> verdict(ScoredPair pair) {
    return store.reviewQueue().decision(pair.leftId(), pair.rightId()).map(ReviewDecision::verdict);
  }

  /**
   * Queues the check's undecided pairs between the thresholds for a person's decision. Call it
   * once the checked record is stored under its id, so that the queued pair names two customers.
   *
   * @return how many pairs were queued (a pair waiting already is not queued twice)
   */
  public int queueReviews(Check check) {
    Require.notNull(check, "check");
    int queued = 0;
    for (Candidate candidate : check.reviews()) {
      if (store.reviewQueue().enqueue(ReviewItem.of(candidate.pair(), clock.instant()))) {
        queued++;
      }
    }
    return queued;
  }

  private MatchRecord standardise(Customer customer) {
    return standardiser.standardise(inputs.apply(customer));
  }

  /**
   * A stored customer an incoming record was compared with.
   *
   * @param customerId the stored customer
   * @param pair the pair as the model scored it (the smaller id left), with its explanation
   * @param verdict a person's decision on the pair, if one was made
   */
  public record Candidate(CustomerId customerId, ScoredPair pair, Optional<ReviewDecision.Verdict> verdict) {
    public Candidate {
      Require.notNull(customerId, "customerId");
      Require.notNull(pair, "pair");
      Require.notNull(verdict, "verdict");
    }

    /** The model's decision, overruled by a person's: SAME is a match, DIFFERENT a non-match. */
    public ScoredPair.Decision decision() {
      if (verdict.isPresent()) {
        return verdict.get() == ReviewDecision.Verdict.SAME ? ScoredPair.Decision.MATCH
            : ScoredPair.Decision.NON_MATCH;
      }
      return pair.decision();
    }
  }

  /**
   * What a check found.
   *
   * @param record the incoming record as standardised
   * @param candidates every stored customer compared, the most probable first (ties by id)
   * @param oversizedKeys the record's keys held by too many customers to search, with the block
   *     size they would make
   */
  public record Check(MatchRecord record, List<Candidate> candidates, List<Blocking.OversizedKey> oversizedKeys) {
    public Check {
      Require.notNull(record, "record");
      candidates = List.copyOf(candidates);
      oversizedKeys = List.copyOf(oversizedKeys);
    }

    /** The candidates that are the same customer, most probable first. */
    public List<Candidate> matches() {
      return candidates.stream().filter(c -> c.decision() == ScoredPair.Decision.MATCH).toList();
    }

    /** The undecided candidates between the thresholds, most probable first. */
    public List<Candidate> reviews() {
      return candidates.stream().filter(c -> c.decision() == ScoredPair.Decision.REVIEW).toList();
    }

    /**
     * The entity the record belongs to: its most probable stored match's customer id, or the
     * record's own id when it matches no one. Never renames a stored customer's entity.
     */
    public String entityId() {
      List<Candidate> matches = matches();
      return matches.isEmpty() ? record.id() : matches.get(0).customerId().value().toString();
    }
  }

  /** Configures an {@link IncrementalMatcher}. */
  public static final class Builder {
    private DedupStore store;
    private MatchModel model;
    private Standardiser standardiser = Standardiser.defaults();
    private Function<Customer, MatchInput> inputs = MatchInputs::of;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** The store whose customers, blocking keys and review queue are used (required). */
    public Builder store(DedupStore value) {
      this.store = Require.notNull(value, "store");
      return this;
    }

    /** The fitted model (required): see {@code Deduplicator.model}. */
    public Builder model(MatchModel value) {
      this.model = Require.notNull(value, "model");
      return this;
    }

    /** The standardiser; the batch run's (default {@link Standardiser#defaults()}). */
    public Builder standardiser(Standardiser value) {
      this.standardiser = Require.notNull(value, "standardiser");
      return this;
    }

    /**
     * How a stored customer is read as a match input; the batch run's (default
     * {@link MatchInputs#of(Customer)}).
     */
    public Builder inputs(Function<Customer, MatchInput> value) {
      this.inputs = Require.notNull(value, "inputs");
      return this;
    }

    /** The clock that dates queued reviews (default UTC system clock). */
    public Builder clock(Clock value) {
      this.clock = Require.notNull(value, "clock");
      return this;
    }

    /**
     * The matcher.
     *
     * @throws NullPointerException if the store or the model is missing
     */
    public IncrementalMatcher build() {
      return new IncrementalMatcher(this);
    }
  }
}
