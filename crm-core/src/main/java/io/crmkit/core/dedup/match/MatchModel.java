package io.crmkit.core.dedup.match;

import io.crmkit.core.common.Require;
import io.crmkit.core.dedup.MatchRecord;
import io.crmkit.core.dedup.ScoredPair;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A fitted matcher for one pair at a time: the blocking rules, comparisons, thresholds, the fitted
 * {@link MatchParameters} and the term frequencies of the records it was fitted on. An
 * incremental check ("do we already know this customer?") uses it to score an incoming record
 * against stored ones exactly as the batch run scores the same pair, because it is the same code:
 * {@link Blocking#keys} for the keys, {@link Comparison#level} for the levels, the batch's scorer
 * for weights, probability and decision.
 *
 * <p>Get one from {@link Deduplicator#model(MatchParameters, List)}: the parameters of a batch run
 * (or set by hand with {@link MatchParameters#of}) and the records whose value frequencies adjust
 * common names. Immutable and safe to share; refit it when the stored customers have changed
 * enough that their value frequencies or the estimated m and u have moved.
 */
public final class MatchModel {
  private final Blocking blocking;
  private final List<Comparison> comparisons;
  private final MatchParameters parameters;
  private final Deduplicator.Thresholds thresholds;
  private final AgreementCounts shape;
  private final Scorer scorer;

  MatchModel(Blocking blocking, List<Comparison> comparisons, MatchParameters parameters,
      Deduplicator.Thresholds thresholds, List<MatchRecord> frequencyRecords) {
    this.blocking = blocking;
    this.comparisons = List.copyOf(comparisons);
    this.parameters = parameters;
    this.thresholds = thresholds;
    Require.argument(parameters.fields().equals(this.comparisons.stream().map(Comparison::field).toList()),
        "parameters must be over the comparisons' fields %s, got %s",
        this.comparisons.stream().map(Comparison::field).toList(), parameters.fields());
    for (int f = 0; f < this.comparisons.size(); f++) {
      Require.argument(parameters.levels(f).equals(this.comparisons.get(f).levels()),
          "parameters of %s must have the levels %s, got %s", parameters.fields().get(f),
          this.comparisons.get(f).levels(), parameters.levels(f));
    }
    this.shape = AgreementCounts.empty(this.comparisons);
    this.scorer = new Scorer(this.comparisons, parameters, new TermFrequencies(frequencyRecords, this.comparisons),
        thresholds);
  }

  /** The blocking rules and the size cap over which a key is not searched. */
  public Blocking blocking() {
    return blocking;
  }

  /** The fitted m, u and prior. */
  public MatchParameters parameters() {
    return parameters;
  }

  /** The merge and review thresholds. */
  public Deduplicator.Thresholds thresholds() {
    return thresholds;
  }

  /**
   * The record's blocking keys under the key rules, each once, in rule order: the keys the batch
   * groups it by. Window rules give no keys (a sorted neighbourhood needs every record at once).
   *
   * @throws NullPointerException if {@code record} is null
   */
  public List<String> keys(MatchRecord record) {
    Require.notNull(record, "record");
    return List.copyOf(new LinkedHashSet<>(blocking.keys(record)));
  }

  /**
   * The pair scored as the batch scores it, whatever its decision: the smaller id is compared as
   * the left record and named {@code leftId}, as in a batch run.
   *
   * @throws NullPointerException if a record is null
   * @throws IllegalArgumentException if the two records have the same id
   */
  public ScoredPair score(MatchRecord one, MatchRecord other) {
    Require.notNull(one, "one");
    Require.notNull(other, "other");
    int order = one.id().compareTo(other.id());
    Require.argument(order != 0, "a pair needs two different records, got %s twice", one.id());
    MatchRecord a = order < 0 ? one : other;
    MatchRecord b = order < 0 ? other : one;
    int[] levels = new int[comparisons.size()];
    for (int f = 0; f < levels.length; f++) {
      levels[f] = comparisons.get(f).level(a, b);
    }
    return scorer.scoreAny(a, b, shape.encode(levels), false);
  }

  @Override
  public String toString() {
    return "MatchModel[" + blocking + ", fields=" + parameters.fields() + ", " + thresholds + "]";
  }
}
