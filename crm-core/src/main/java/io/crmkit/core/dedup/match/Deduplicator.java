package io.crmkit.core.dedup.match;

import io.crmkit.core.common.Require;
import io.crmkit.core.dedup.MatchRecord;
import io.crmkit.core.dedup.ScoredPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Finds the records that name the same customer, without labels: blocking, comparison,
 * Fellegi-Sunter parameters estimated from the data (u from random pairs, m and the prior by
 * expectation-maximisation over the candidate pairs, m anchored on the pairs that share a rarely
 * shared value: {@link AnchoredEstimation}), scoring with term-frequency adjustment,
 * two thresholds, and clustering of the matches into entities.
 *
 * <pre>{@code
 * Deduplicator.Result result = Deduplicator.withDefaults().run(records);
 * result.pairs();        // MATCH and REVIEW pairs, each with its per-field explanation
 * result.entities();     // record id -> entity id (the smallest record id of its cluster)
 * result.parameters();   // the fitted m, u and prior; print it
 * }</pre>
 *
 * <p>The same input gives the same result whatever its order: records are sorted by id first,
 * random pairs come from a fixed seed, sums run in a fixed order. A deduplicator is immutable and
 * may be shared between threads. Comparing and scoring, pure per pair, run in slices on the
 * common fork-join pool (all processors); their results do not depend on it.
 */
public final class Deduplicator {
  private static final int SLICE = 4_096;
  /** A field whose exact agreement happens by chance in at most 1 of 10,000 random pairs anchors m. */
  private static final double STRONG_U = 1e-4;
  private static final long MIN_SESSION_PAIRS = 20;
  private final Blocking blocking;
  private final List<Comparison> comparisons;
  private final Thresholds thresholds;
  private final List<Override> overrides;
  private final int randomPairs;
  private final long seed;
  private final ExpectationMaximisation em;
  private final Clustering clustering;

  private Deduplicator(Builder b) {
    this.blocking = b.blocking;
    this.comparisons = List.copyOf(b.comparisons);
    this.thresholds = b.thresholds;
    this.overrides = List.copyOf(b.overrides);
    this.randomPairs = b.randomPairs;
    this.seed = b.seed;
    this.em = b.em;
    this.clustering = b.clustering;
  }

  /** A deduplicator with the default blocking rules, comparisons, thresholds and clustering. */
  public static Deduplicator withDefaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The comparisons used unless told otherwise: name parts by Jaro-Winkler bands with a level for parts
   * written in each other's field (term-frequency adjusted), organisation names by token sets, birth dates, identifier by edit distance, phones
   * and e-mails by overlap, street and locality by Jaro-Winkler, postcode by edit distance, region
   * exactly.
   */
  public static List<Comparison> defaultComparisons() {
    return List.of(
        Comparison.nameJaroWinkler("familyName", MatchRecord::familyName, MatchRecord::givenName, 0.94, 0.88)
            .withTermFrequencies(MatchRecord::familyName),
        Comparison.nameJaroWinkler("givenName", MatchRecord::givenName, MatchRecord::familyName, 0.94, 0.88)
            .withTermFrequencies(MatchRecord::givenName),
        Comparison.tokenSet("organisationName", MatchRecord::organisationName, 0.75, 0.5)
            .withTermFrequencies(MatchRecord::organisationName),
        Comparison.date("birthDate", MatchRecord::birthDate, 2),
        Comparison.levenshtein("identifier", MatchRecord::identifier, 1, 2),
        Comparison.overlap("phones", MatchRecord::phones),
        Comparison.overlap("emails", MatchRecord::emails),
        Comparison.jaroWinkler("street", MatchRecord::street, 0.94, 0.85),
        Comparison.jaroWinkler("locality", MatchRecord::locality, 0.94, 0.88)
            .withTermFrequencies(MatchRecord::locality),
        Comparison.levenshtein("postcode", MatchRecord::postcode, 1),
        Comparison.exact("region", r -> r.regionCode().or(r::region)));
  }

  /**
   * Deduplicates one list: compares records within it.
   *
   * @throws NullPointerException if {@code records} or a record is null
   * @throws IllegalArgumentException if two records share an id
   */
  public Result run(List<MatchRecord> records) {
    List<MatchRecord> sorted = sortedById(records, "records");
    checkUniqueIds(sorted);
    return pipeline(sorted, sorted.size(), false);
  }

  /**
   * Links two lists: pairs only a record of {@code left} with one of {@code right} (a CRM's
   * customers against an ERP's customer master). In the result, a pair's {@code leftId} names
   * the record of {@code left}.
   *
   * @throws NullPointerException if a list or a record is null
   * @throws IllegalArgumentException if two records of either list share an id
   */
  public Result link(List<MatchRecord> left, List<MatchRecord> right) {
    List<MatchRecord> all = new ArrayList<>(sortedById(left, "left"));
    all.addAll(sortedById(right, "right"));
    checkUniqueIds(all);
    return pipeline(all, left.size(), true);
  }

  /**
   * This deduplicator's rules, comparisons and thresholds with fitted parameters, for checking one
   * record at a time against stored ones (incremental matching). Term frequencies are counted over
   * {@code frequencyRecords}: give the records the parameters were fitted on (a batch run's input)
   * so that a pair scores as it did in that run; an empty list scores without the adjustment.
   *
   * <pre>{@code
   * Deduplicator dedup = Deduplicator.withDefaults();
   * MatchModel model = dedup.model(dedup.run(records).parameters(), records);
   * }</pre>
   *
   * @throws NullPointerException if an argument or a record is null
   * @throws IllegalArgumentException if the parameters are not over this deduplicator's fields and levels
   */
  public MatchModel model(MatchParameters parameters, List<MatchRecord> frequencyRecords) {
    Require.notNull(parameters, "parameters");
    return new MatchModel(blocking, comparisons, parameters, thresholds, sortedById(frequencyRecords, "frequencyRecords"));
  }

  private Result pipeline(List<MatchRecord> records, int leftCount, boolean crossOnly) {
    Map<String, Duration> timings = new LinkedHashMap<>();
    long start = System.nanoTime();
    Blocking.Candidates candidates = crossOnly ? blocking.crossCandidates(records, leftCount)
        : blocking.candidates(records);
    start = lap(timings, "blocking", start);

    long[] pairs = candidates.encoded();
    AgreementCounts shape = AgreementCounts.empty(comparisons);
    long[] patterns = new long[pairs.length];
    MatchRecord[] byIndex = records.toArray(MatchRecord[]::new);
    Comparison[] fields = comparisons.toArray(Comparison[]::new);
    inSlices(pairs.length, (from, to) -> {
      int[] levels = new int[fields.length];
      for (int p = from; p < to; p++) {
        MatchRecord a = byIndex[Blocking.Candidates.left(pairs[p])];
        MatchRecord b = byIndex[Blocking.Candidates.right(pairs[p])];
        for (int f = 0; f < levels.length; f++) {
          levels[f] = fields[f].level(a, b);
        }
        patterns[p] = shape.encode(levels);
      }
    });
    AgreementCounts.Counter counter = new AgreementCounts.Counter(shape);
    for (long pattern : patterns) {
      counter.addEncoded(pattern);
    }
    AgreementCounts counts = counter.counts();
    start = lap(timings, "comparing", start);

    double[][] u = RandomPairs.uProbabilities(records, comparisons, leftCount, crossOnly, randomPairs, seed);
    MatchParameters parameters;
    int iterations = 0;
    if (counts.total() == 0) {
      parameters = startingParameters(u, 1.0 / Math.max(2, candidates.comparablePairs()));
    } else {
      ExpectationMaximisation.Fit fit = new AnchoredEstimation(em, STRONG_U, MIN_SESSION_PAIRS)
          .fit(counts, startingParameters(u, 0.1));
      iterations = fit.iterations();
      double expectedMatches = fit.parameters().lambda() * counts.total();
      double prior = Math.min(Math.max(expectedMatches / candidates.comparablePairs(), MatchParameters.FLOOR),
          0.5);
      parameters = MatchParameters.of(fieldNames(), levelNames(), fit.parameters().mTable(), u, prior);
    }
    for (Override o : overrides) {
      parameters = o.m ? parameters.withM(o.field, o.level, o.value) : parameters.withU(o.field, o.level, o.value);
    }
    start = lap(timings, "estimating", start);

    Scorer scorer = new Scorer(comparisons, parameters, new TermFrequencies(records, comparisons), thresholds);
    Scorer.RecordWeights weights = scorer.recordWeights(byIndex);
    ScoredPair[] scoredOrNull = new ScoredPair[pairs.length];
    inSlices(pairs.length, (from, to) -> {
      for (int p = from; p < to; p++) {
        int left = Blocking.Candidates.left(pairs[p]);
        scoredOrNull[p] = scorer.score(byIndex[left], byIndex[Blocking.Candidates.right(pairs[p])], patterns[p],
            crossOnly, weights.weight(patterns[p], left));
      }
    });
    List<ScoredPair> scored = new ArrayList<>();
    List<ScoredPair> matches = new ArrayList<>();
    for (ScoredPair pair : scoredOrNull) {
      if (pair != null) {
        scored.add(pair);
        if (pair.decision() == ScoredPair.Decision.MATCH) {
          matches.add(pair);
        }
      }
    }
    start = lap(timings, "scoring", start);

    Map<String, String> entities = clustering.entities(records.stream().map(MatchRecord::id).toList(), matches);
    lap(timings, "clustering", start);
    Statistics statistics = new Statistics(records.size(), candidates.blocks(), candidates.size(),
        candidates.oversizedKeys(), iterations, timings);
    return new Result(scored, entities, parameters, statistics, candidates);
  }

  private MatchParameters startingParameters(double[][] u, double lambda) {
    double[][] m = new double[comparisons.size()][];
    for (int f = 0; f < m.length; f++) {
      int n = comparisons.get(f).levels().size();
      m[f] = new double[n];
      // Most matches agree exactly; the rest spread over the weaker levels, fewer the weaker.
      double rest = 0.2;
      double share = 0;
      for (int l = 1; l < n; l++) {
        share += 1.0 / l;
      }
      m[f][0] = 0.8;
      for (int l = 1; l < n; l++) {
        m[f][l] = rest / l / share;
      }
    }
    return MatchParameters.of(fieldNames(), levelNames(), m, u, lambda);
  }

  private List<String> fieldNames() {
    return comparisons.stream().map(Comparison::field).toList();
  }

  private List<List<String>> levelNames() {
    return comparisons.stream().map(Comparison::levels).toList();
  }

  /**
   * Runs {@code slice} over 0..count in slices of {@value #SLICE} on the common fork-join pool:
   * comparing and scoring are pure per pair and write only their own slots, so the result is the
   * same as in one loop, on as many processors as the machine has.
   */
  private static void inSlices(int count, Slice slice) {
    int slices = (count + SLICE - 1) / SLICE;
    if (slices <= 1) {
      slice.run(0, count);
      return;
    }
    IntStream.range(0, slices).parallel().forEach(i -> slice.run(i * SLICE, Math.min(count, (i + 1) * SLICE)));
  }

  @FunctionalInterface
  private interface Slice {
    void run(int from, int to);
  }

  private static long lap(Map<String, Duration> timings, String step, long start) {
    long now = System.nanoTime();
    timings.put(step, Duration.ofNanos(now - start));
    return now;
  }

  private static List<MatchRecord> sortedById(List<MatchRecord> records, String name) {
    Require.notNull(records, name);
    List<MatchRecord> sorted = new ArrayList<>(records.size());
    for (MatchRecord r : records) {
      sorted.add(Require.notNull(r, "a record of " + name));
    }
    sorted.sort(Comparator.comparing(MatchRecord::id));
    return sorted;
  }

  private static void checkUniqueIds(List<MatchRecord> records) {
    Set<String> seen = new HashSet<>();
    for (MatchRecord r : records) {
      if (!seen.add(r.id())) {
        throw new IllegalArgumentException("record ids must be unique, got " + r.id() + " twice");
      }
    }
  }

  /**
   * The two probability thresholds: at or above {@code match} a pair is merged without asking, at
   * or above {@code review} a person decides, below it the records stay apart.
   *
   * @param match the merge threshold, in (0, 1)
   * @param review the review threshold, in (0, match]
   */
  public record Thresholds(double match, double review) {
    /**
     * @throws IllegalArgumentException if a threshold is outside (0, 1) or review is above match
     */
    public Thresholds {
      Require.inRange(match, Math.nextUp(0.0), Math.nextDown(1.0), "match threshold");
      Require.inRange(review, Math.nextUp(0.0), match, "review threshold");
    }

    ScoredPair.Decision decide(double probability) {
      if (probability >= match) {
        return ScoredPair.Decision.MATCH;
      }
      return probability >= review ? ScoredPair.Decision.REVIEW : ScoredPair.Decision.NON_MATCH;
    }
  }

  /**
   * What a run counted and how long each step took.
   *
   * @param records the records compared
   * @param blocks the blocks the key rules formed
   * @param candidatePairs the distinct candidate pairs compared
   * @param oversizedKeys the blocking keys over the size cap (skipped or windowed)
   * @param emIterations the rounds expectation-maximisation ran
   * @param timings each step's wall time, in pipeline order
   */
  public record Statistics(int records, int blocks, int candidatePairs, List<Blocking.OversizedKey> oversizedKeys,
      int emIterations, Map<String, Duration> timings) {
    public Statistics {
      oversizedKeys = List.copyOf(oversizedKeys);
      timings = Collections.unmodifiableMap(new LinkedHashMap<>(timings));
    }
  }

  /**
   * What a run found.
   *
   * @param pairs the MATCH and REVIEW pairs, ordered by ids, each explaining its fields
   * @param entities every record id → its entity id (the smallest record id of its cluster)
   * @param parameters the fitted model the pairs were scored with
   * @param statistics counts and timings
   * @param candidates the candidate pairs, for measuring blocking against ground truth
   */
  public record Result(List<ScoredPair> pairs, Map<String, String> entities, MatchParameters parameters,
      Statistics statistics, Blocking.Candidates candidates) {
    public Result {
      pairs = List.copyOf(pairs);
      entities = Collections.unmodifiableMap(entities);
    }

    /** The pairs the thresholds merge. */
    public List<ScoredPair> matches() {
      return pairs.stream().filter(p -> p.decision() == ScoredPair.Decision.MATCH).toList();
    }
  }

  private record Override(String field, String level, double value, boolean m) {}

  /** Configures a {@link Deduplicator}; every setting starts at its default. */
  public static final class Builder {
    private Blocking blocking = Blocking.defaults();
    private List<Comparison> comparisons = defaultComparisons();
    private Thresholds thresholds = new Thresholds(0.9, 0.5);
    private final List<Override> overrides = new ArrayList<>();
    private int randomPairs = 30_000;
    private long seed = 1988;
    private ExpectationMaximisation em = ExpectationMaximisation.defaults();
    private Clustering clustering = Clustering.defaults();

    private Builder() {}

    /** The blocking rules and size cap (default {@link Blocking#defaults()}). */
    public Builder blocking(Blocking value) {
      this.blocking = Require.notNull(value, "blocking");
      return this;
    }

    /**
     * The compared fields (default {@link #defaultComparisons()}).
     *
     * @throws IllegalArgumentException if there are none, more than {@value AgreementCounts#MAX_FIELDS},
     *     or two share a field name
     */
    public Builder comparisons(List<Comparison> value) {
      Require.inRange(value.size(), 1, AgreementCounts.MAX_FIELDS, "number of comparisons");
      if (value.stream().map(Comparison::field).distinct().count() != value.size()) {
        throw new IllegalArgumentException("comparisons must name distinct fields, got " + value);
      }
      this.comparisons = List.copyOf(value);
      return this;
    }

    /**
     * The merge and review probability thresholds (default 0.9 and 0.5).
     *
     * @throws IllegalArgumentException as {@link Thresholds} does
     */
    public Builder thresholds(double match, double review) {
      this.thresholds = new Thresholds(match, review);
      return this;
    }

    /** Sets P(level | match) of a field's level by hand, replacing the estimate; checked when a run starts. */
    public Builder overrideM(String field, String level, double value) {
      overrides.add(new Override(Require.notBlank(field, "field"), Require.notBlank(level, "level"), value, true));
      return this;
    }

    /** Sets P(level | non-match) of a field's level by hand, replacing the estimate; checked when a run starts. */
    public Builder overrideU(String field, String level, double value) {
      overrides.add(new Override(Require.notBlank(field, "field"), Require.notBlank(level, "level"), value, false));
      return this;
    }

    /**
     * How many random pairs estimate u (default 30,000), and the seed that draws them (default 1988).
     *
     * @throws IllegalArgumentException if {@code pairs} is below 1
     */
    public Builder randomPairs(int pairs, long randomSeed) {
      Require.atLeast(pairs, 1, "random pairs");
      this.randomPairs = pairs;
      this.seed = randomSeed;
      return this;
    }

    /** The estimation's rounds and tolerance (default {@link ExpectationMaximisation#defaults()}). */
    public Builder estimation(ExpectationMaximisation value) {
      this.em = Require.notNull(value, "estimation");
      return this;
    }

    /** The clustering and its chaining guard (default {@link Clustering#defaults()}). */
    public Builder clustering(Clustering value) {
      this.clustering = Require.notNull(value, "clustering");
      return this;
    }

    /** The configured deduplicator. */
    public Deduplicator build() {
      return new Deduplicator(this);
    }
  }
}
