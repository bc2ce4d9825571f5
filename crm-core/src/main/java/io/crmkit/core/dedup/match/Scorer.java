package io.crmkit.core.dedup.match;

import io.crmkit.core.dedup.FieldScore;
import io.crmkit.core.dedup.MatchRecord;
import io.crmkit.core.dedup.ScoredPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Scores one compared pair: each field's weight log2(m/u) (with u the value's frequency for exact
 * agreement on a term-frequency adjusted field, never below the next level's weight), their sum, the probability the prior gives, and
 * the decision of the thresholds.
 */
final class Scorer {
  private final List<Comparison> comparisons;
  private final MatchParameters parameters;
  private final TermFrequencies frequencies;
  private final Deduplicator.Thresholds thresholds;
  private final double priorLogOdds;

  Scorer(List<Comparison> comparisons, MatchParameters parameters, TermFrequencies frequencies,
      Deduplicator.Thresholds thresholds) {
    this.comparisons = comparisons;
    this.parameters = parameters;
    this.frequencies = frequencies;
    this.thresholds = thresholds;
    this.priorLogOdds = MatchParameters.log2(parameters.lambda() / (1 - parameters.lambda()));
  }

  /**
   * The scored pair, or null when it is a non-match (only matches and reviews are kept).
   *
   * @param keepOrder true to keep {@code a} as the left record (linking), false to put the smaller id left
   */
  ScoredPair score(MatchRecord a, MatchRecord b, long pattern, boolean keepOrder) {
    return score(a, b, pattern, keepOrder, weight(a, b, pattern));
  }

  /**
   * As {@link #score(MatchRecord, MatchRecord, long, boolean)}, with the pair's weight already
   * known ({@link RecordWeights#weight}).
   */
  ScoredPair score(MatchRecord a, MatchRecord b, long pattern, boolean keepOrder, double weight) {
    double probability = probability(weight);
    ScoredPair.Decision decision = thresholds.decide(probability);
    if (decision == ScoredPair.Decision.NON_MATCH) {
      return null;
    }
    return explained(a, b, pattern, keepOrder, weight, probability, decision);
  }

  /**
   * The scored pair whatever its decision, non-matches included (an incremental check shows every
   * candidate it compared).
   */
  ScoredPair scoreAny(MatchRecord a, MatchRecord b, long pattern, boolean keepOrder) {
    double weight = weight(a, b, pattern);
    double probability = probability(weight);
    return explained(a, b, pattern, keepOrder, weight, probability, thresholds.decide(probability));
  }

  private ScoredPair explained(MatchRecord a, MatchRecord b, long pattern, boolean keepOrder, double weight,
      double probability, ScoredPair.Decision decision) {
    List<FieldScore> fields = new ArrayList<>(comparisons.size());
    for (int f = 0; f < comparisons.size(); f++) {
      int level = AgreementCounts.level(pattern, f);
      String name = level == Comparison.MISSING ? "missing" : comparisons.get(f).levels().get(level);
      fields.add(new FieldScore(comparisons.get(f).field(), name, fieldWeight(f, level, a)));
    }
    boolean swap = !keepOrder && a.id().compareTo(b.id()) > 0;
    return new ScoredPair(swap ? b.id() : a.id(), swap ? a.id() : b.id(), weight, probability, decision,
        List.copyOf(fields));
  }

  private double weight(MatchRecord a, MatchRecord b, long pattern) {
    double weight = 0;
    for (int f = 0; f < comparisons.size(); f++) {
      weight += fieldWeight(f, AgreementCounts.level(pattern, f), a);
    }
    return weight;
  }

  /**
   * The weights of a run's records, for scoring many pairs among them: exact agreement on a
   * term-frequency adjusted field weighs by the left record's value, so that weight is looked up
   * once per record instead of once per pair (a map lookup and a logarithm each).
   */
  RecordWeights recordWeights(MatchRecord[] records) {
    double[][] exact = new double[comparisons.size()][];
    for (int f = 0; f < exact.length; f++) {
      if (frequencies.adjusts(f)) {
        int field = f;
        exact[f] = IntStream.range(0, records.length).parallel()
            .mapToDouble(i -> fieldWeight(field, 0, records[i])).toArray();
      }
    }
    return new RecordWeights(exact);
  }

  /** Pair weights from a pattern and the left record's index, as {@link #weight} gives them. */
  final class RecordWeights {
    private final double[][] exact;

    private RecordWeights(double[][] exact) {
      this.exact = exact;
    }

    /** The weight of a pair whose left record is {@code left} and whose levels are {@code pattern}. */
    double weight(long pattern, int left) {
      double weight = 0;
      for (int f = 0; f < exact.length; f++) {
        int level = AgreementCounts.level(pattern, f);
        weight += level == 0 && exact[f] != null ? exact[f][left] : parameters.weight(f, level);
      }
      return weight;
    }
  }

  private double fieldWeight(int field, int level, MatchRecord a) {
    if (level == 0 && frequencies.adjusts(field)) {
      Optional<String> value = comparisons.get(field).termFrequencyValue().orElseThrow().apply(a);
      if (value.isPresent()) {
        double u = Math.max(frequencies.frequency(field, value.get()), MatchParameters.FLOOR);
        // Exact agreement on a common value still weighs at least what near agreement does.
        return Math.max(MatchParameters.log2(parameters.m(field, 0) / u), parameters.weight(field, 1));
      }
    }
    return parameters.weight(field, level);
  }

  private double probability(double weight) {
    return 1.0 / (1.0 + Math.pow(2, -(weight + priorLogOdds)));
  }
}
