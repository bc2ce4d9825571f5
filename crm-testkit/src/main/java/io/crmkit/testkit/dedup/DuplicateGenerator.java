package io.crmkit.testkit.dedup;

import io.crmkit.core.common.Require;
import io.crmkit.core.dedup.MatchInput;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Generates customer records with realistic duplicates and the ground truth to measure a matcher
 * by: which records belong to the same customer, and what made each record differ.
 *
 * <p>Each true customer (an <em>entity</em>) is a person or an organisation, Chinese or Western,
 * with valid values: a name (common names far more frequent than rare ones, so that term
 * frequency matters), a birth date, an identifier (resident identity number, Unified Social
 * Credit Code or D-U-N-S number), a phone, an e-mail and an address in a real GB/T 2260 division
 * or a US city. Some Chinese organisations are branches (分公司) of another, named almost like it
 * but a different customer. A share of the entities get one to {@code maxDuplicates} further records. Every
 * record, the first included, is written the way one of four sources (crm, erp, web, shop) writes
 * records (a name in one field or two, an address in one line or in parts, with or without the
 * kind), and departs from the truth by each {@link Variation} at its rate.
 *
 * <p>Generation is deterministic: the same settings and seed give the same records in the same
 * order, on every JVM and day. It streams: {@link #iterator()} and {@link #stream()} hold only a
 * window of records (to spread an entity's records through the output rather than side by
 * side), so a million records need no more memory than a thousand; {@link #generate()} collects
 * them into a list for small runs. Records are numbered {@code r1}, {@code r2}, ... in output
 * order; entities {@code e1}, {@code e2}, ... Use a {@link GroundTruth} for the true pairs.
 *
 * <pre>{@code
 * DuplicateGenerator generator = DuplicateGenerator.builder().seed(42).entities(10_000)
 *     .duplicateShare(0.3).chineseShare(0.5).rate(Variation.TYPO, 0.1).build();
 * List<GeneratedRecord> records = generator.generate();
 * GroundTruth truth = GroundTruth.of(records);
 * }</pre>
 *
 * <p>Immutable and thread-safe; each iterator is independent and not thread-safe.
 */
public final class DuplicateGenerator implements Iterable<GeneratedRecord> {
  private final long seed;
  private final long entities;
  private final double duplicateShare;
  private final int maxDuplicates;
  private final double branchShare;
  private final long maxRecords;
  private final int window;
  private final Entities people;
  private final RecordWriter writer;

  private DuplicateGenerator(Builder builder) {
    this.seed = builder.seed;
    this.entities = builder.entities;
    this.duplicateShare = builder.duplicateShare;
    this.maxDuplicates = builder.maxDuplicates;
    this.branchShare = builder.branchShare;
    this.maxRecords = builder.maxRecords;
    this.window = builder.window;
    this.people = new Entities(builder.organisationShare, builder.chineseShare);
    this.writer = new RecordWriter(builder.rates);
  }

  /**
   * A builder with the defaults: seed 0, 1,000 entities, 30 % with duplicates, at most 3 each,
   * 20 % organisations, half Chinese, a tenth of Chinese organisations branches of the one before,
   * every variation at its default rate.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** The records, one at a time, in a window of memory. */
  @Override
  public Iterator<GeneratedRecord> iterator() {
    return new Records();
  }

  /** The records as a sequential, ordered stream that generates them as it goes. */
  public Stream<GeneratedRecord> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(),
        Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.DISTINCT), false);
  }

  /** Every record in a list: for runs small enough to hold. */
  public List<GeneratedRecord> generate() {
    List<GeneratedRecord> records = new ArrayList<>();
    forEach(records::add);
    return records;
  }

  /** The records an entity gives: its first and its duplicates, before any id. */
  private List<RecordWriter.Draft> draftsOf(long index, String entityId) {
    SplittableRandom random = new SplittableRandom(mix(seed, index));
    Entity entity = people.create(entityId, random);
    if (random.nextDouble() < branchShare && entity.chineseOrganisation() && index > 0) {
      // The entity before is made again from its own seed, so a branch needs no memory of it. One
      // that drew to be a branch itself is no head office, so that a branch names a real one.
      SplittableRandom before = new SplittableRandom(mix(seed, index - 1));
      Entity previous = people.create("e" + index, before);
      if (previous.chineseOrganisation() && before.nextDouble() >= branchShare) {
        entity = entity.asBranchOf(previous);
      }
    }
    int copies = 1 + (random.nextDouble() < duplicateShare ? 1 + random.nextInt(maxDuplicates) : 0);
    List<RecordWriter.Draft> drafts = new ArrayList<>(copies);
    for (int i = 0; i < copies; i++) {
      drafts.add(writer.write(entity, random));
    }
    return drafts;
  }

  /**
   * An entity's own seed, unrelated to its neighbours' (SplittableRandom seeds that differ by its
   * increment would give shifted copies of one sequence).
   */
  private static long mix(long seed, long index) {
    long z = seed * 0x9E3779B97F4A7C15L + index;
    z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
    z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
    return z ^ (z >>> 33);
  }

  /** Generates entity after entity into a window and hands records out of it in a seeded random order. */
  private final class Records implements Iterator<GeneratedRecord> {
    private final SplittableRandom order = new SplittableRandom(mix(seed, -1));
    private final List<Pending> pending = new ArrayList<>();
    private long nextEntity;
    private long emitted;

    @Override
    public boolean hasNext() {
      fill();
      return !pending.isEmpty() && emitted < maxRecords;
    }

    @Override
    public GeneratedRecord next() {
      if (!hasNext()) {
        throw new NoSuchElementException("all " + emitted + " records have been generated");
      }
      int last = pending.size() - 1;
      int chosen = order.nextInt(pending.size());
      Pending record = pending.get(chosen);
      pending.set(chosen, pending.get(last));
      pending.remove(last);
      emitted++;
      MatchInput input = record.draft().input().id("r" + emitted).build();
      return new GeneratedRecord(input, record.entityId(), record.draft().applied(), record.draft().eligible());
    }

    private void fill() {
      while (pending.size() < window && nextEntity < entities) {
        String entityId = "e" + (nextEntity + 1);
        for (RecordWriter.Draft draft : draftsOf(nextEntity, entityId)) {
          pending.add(new Pending(draft, entityId));
        }
        nextEntity++;
      }
    }
  }

  private record Pending(RecordWriter.Draft draft, String entityId) {}

  /** Settings of a {@link DuplicateGenerator}; each setter checks its argument. */
  public static final class Builder {
    private long seed;
    private long entities = 1_000;
    private double duplicateShare = 0.3;
    private int maxDuplicates = 3;
    private double organisationShare = 0.2;
    private double chineseShare = 0.5;
    private double branchShare = 0.1;
    private long maxRecords = Long.MAX_VALUE;
    private int window = 1_000;
    private final Map<Variation, Double> rates = new EnumMap<>(Variation.class);

    private Builder() {
      for (Variation variation : Variation.values()) {
        rates.put(variation, variation.defaultRate());
      }
    }

    /** The seed: the same seed and settings give the same records. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * How many true customers to generate.
     *
     * @throws IllegalArgumentException if {@code entities} is not positive
     */
    public Builder entities(long entities) {
      Require.positive(entities, "entities");
      this.entities = entities;
      return this;
    }

    /**
     * The share of entities that have more than one record.
     *
     * @throws IllegalArgumentException if {@code share} is not in 0..1
     */
    public Builder duplicateShare(double share) {
      Require.inRange(share, 0, 1, "duplicateShare");
      this.duplicateShare = share;
      return this;
    }

    /**
     * The most duplicates an entity with duplicates gets; it gets one to this many, evenly.
     *
     * @throws IllegalArgumentException if {@code max} is not in 1..100
     */
    public Builder maxDuplicates(int max) {
      Require.inRange(max, 1, 100, "maxDuplicates");
      this.maxDuplicates = max;
      return this;
    }

    /**
     * The share of entities that are organisations; the rest are persons.
     *
     * @throws IllegalArgumentException if {@code share} is not in 0..1
     */
    public Builder organisationShare(double share) {
      Require.inRange(share, 0, 1, "organisationShare");
      this.organisationShare = share;
      return this;
    }

    /**
     * The share of entities with Chinese names and addresses; the rest are Western (US addresses).
     *
     * @throws IllegalArgumentException if {@code share} is not in 0..1
     */
    public Builder chineseShare(double share) {
      Require.inRange(share, 0, 1, "chineseShare");
      this.chineseShare = share;
      return this;
    }

    /**
     * The share of Chinese organisations that are a branch (分公司) of the organisation generated
     * just before them, when that is a Chinese organisation too: 北京华为技术有限公司上海分公司 after
     * 北京华为技术有限公司. A branch is a customer of its own, with its own identifier, phone and
     * address, whose name nearly repeats its head office's: a pair a matcher must keep apart.
     *
     * @throws IllegalArgumentException if {@code share} is not in 0..1
     */
    public Builder branchShare(double share) {
      Require.inRange(share, 0, 1, "branchShare");
      this.branchShare = share;
      return this;
    }

    /**
     * The rate of one variation: the probability that it is applied to a record where it can apply.
     *
     * @throws NullPointerException if {@code variation} is {@code null}
     * @throws IllegalArgumentException if {@code rate} is not in 0..1
     */
    public Builder rate(Variation variation, double rate) {
      Require.notNull(variation, "variation");
      Require.inRange(rate, 0, 1, "rate of " + variation);
      rates.put(variation, rate);
      return this;
    }

    /** Every variation at rate 0: each record writes its entity's true values (in its source's layout). */
    public Builder withoutVariations() {
      rates.replaceAll((variation, rate) -> 0.0);
      return this;
    }

    /**
     * Stops after this many records, even if entities remain; for runs sized in records. The truth
     * of the records handed out stays exact.
     *
     * @throws IllegalArgumentException if {@code max} is not positive
     */
    public Builder maxRecords(long max) {
      Require.positive(max, "maxRecords");
      this.maxRecords = max;
      return this;
    }

    /**
     * How many records the generator holds to spread an entity's records apart; 1 keeps them side
     * by side. Memory grows with the window, not with the number of records.
     *
     * @throws IllegalArgumentException if {@code window} is not in 1..1,000,000
     */
    public Builder shuffleWindow(int window) {
      Require.inRange(window, 1, 1_000_000, "shuffleWindow");
      this.window = window;
      return this;
    }

    public DuplicateGenerator build() {
      return new DuplicateGenerator(this);
    }
  }
}
