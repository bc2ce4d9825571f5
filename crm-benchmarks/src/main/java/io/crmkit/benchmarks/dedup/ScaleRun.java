package io.crmkit.benchmarks.dedup;

import io.crmkit.core.dedup.MatchRecord;
import io.crmkit.core.dedup.ScoredPair;
import io.crmkit.core.dedup.match.Blocking;
import io.crmkit.core.dedup.match.Deduplicator;
import io.crmkit.testkit.dedup.GroundTruth;
import io.crmkit.testkit.dedup.PairQuality;
import io.crmkit.testkit.dedup.RecordPair;
import io.crmkit.testkit.dedup.Variation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One deduplication of generated records, measured: time per step, heap, candidate pairs and
 * accuracy against the truth. {@link #breakdown()} tells recall by variation and by kind of
 * record, to show which duplicates a run misses.
 */
final class ScaleRun {
  private static final String ROW = "%-9s %8d %9d %9.4f %9.4f %9.4f %9.4f %9.4f %8.6f %8d %8d %7d %7d";

  private final String name;
  private final DedupScale.Generated generated;
  private final Deduplicator.Result result;
  private final long dedupNanos;
  private final HeapWatch.Heap heap;
  private final PairQuality pairs;
  private final PairQuality clusters;
  private final Blocking.Quality blocking;

  private ScaleRun(String name, DedupScale.Generated generated, Deduplicator.Result result, long dedupNanos,
      HeapWatch.Heap heap) {
    this.name = name;
    this.generated = generated;
    this.result = result;
    this.dedupNanos = dedupNanos;
    this.heap = heap;
    GroundTruth truth = generated.truth();
    List<RecordPair> predicted = new ArrayList<>();
    for (ScoredPair pair : result.matches()) {
      predicted.add(RecordPair.of(pair.leftId(), pair.rightId()));
    }
    this.pairs = truth.evaluate(predicted);
    this.clusters = truth.evaluate(clusterPairs(result.entities()));
    Set<io.crmkit.core.dedup.match.RecordPair> truePairs = new HashSet<>();
    for (RecordPair pair : truth.truePairs()) {
      truePairs.add(io.crmkit.core.dedup.match.RecordPair.of(pair.first(), pair.second()));
    }
    this.blocking = truePairs.isEmpty() ? new Blocking.Quality(1, 1) : result.candidates().quality(truePairs);
  }

  /** Deduplicates the generated records with {@code deduplicator}, watching time and heap. */
  static ScaleRun of(String name, DedupScale.Generated generated, Deduplicator deduplicator) {
    System.gc();
    HeapWatch watch = HeapWatch.start();
    long start = System.nanoTime();
    Deduplicator.Result result = deduplicator.run(generated.records());
    long nanos = System.nanoTime() - start;
    return new ScaleRun(name, generated, result, nanos, watch.stop());
  }

  static String header() {
    return String.format(Locale.ROOT, "%-9s %8s %9s %9s %9s %9s %9s %9s %8s %8s %8s %7s %7s", "run", "records",
        "cands", "precision", "recall", "F1", "F1(clus)", "PC", "RR", "std ms", "dedup ms", "peakMB", "liveMB");
  }

  String line() {
    return String.format(Locale.ROOT, ROW, name, records(), candidates(), pairs.precision(), pairs.recall(),
        pairs.f1(), clusters.f1(), blocking.pairCompleteness(), blocking.reductionRatio(),
        generated.standardising().toMillis(), dedupMillis(), heap.peakUsed() >> 20, heap.maxLiveAfterGc() >> 20);
  }

  /** Each step's wall time, standardising first, and the collections that ran. */
  String steps() {
    StringBuilder steps = new StringBuilder("standardising " + generated.standardising().toMillis() + " ms");
    for (Map.Entry<String, Duration> step : result.statistics().timings().entrySet()) {
      steps.append(", ").append(step.getKey()).append(' ').append(step.getValue().toMillis()).append(" ms");
    }
    return steps.append("; total ").append(totalMillis()).append(" ms; ").append(heap.collections())
        .append(" collections; ").append(result.statistics().oversizedKeys().size()).append(" oversized keys")
        .toString();
  }

  int records() {
    return generated.records().size();
  }

  int candidates() {
    return result.statistics().candidatePairs();
  }

  long dedupMillis() {
    return dedupNanos / 1_000_000;
  }

  /** Standardising and deduplicating, end to end (generation not counted). */
  long totalMillis() {
    return generated.standardising().toMillis() + dedupMillis();
  }

  double comparingNanosPerPair() {
    Duration comparing = result.statistics().timings().getOrDefault("comparing", Duration.ZERO);
    return (double) comparing.toNanos() / Math.max(1, candidates());
  }

  /**
   * Recall of the entities (every two records given one entity) by the variations the pair's
   * records carry and by kind of record (organisation or person, Han or Latin name), and the
   * wrongly joined pairs by kind: where the misses are.
   */
  String breakdown() {
    Map<String, String> entities = result.entities();
    Map<String, MatchRecord> byId = new HashMap<>();
    generated.records().forEach(r -> byId.put(r.id(), r));
    Map<Variation, long[]> byVariation = new EnumMap<>(Variation.class);
    Map<String, long[]> byKind = new TreeMap<>();
    for (RecordPair pair : generated.truth().truePairs()) {
      boolean found = entities.get(pair.first()).equals(entities.get(pair.second()));
      Set<Variation> variations = new HashSet<>(generated.variations().get(pair.first()));
      variations.addAll(generated.variations().get(pair.second()));
      for (Variation v : variations) {
        count(byVariation.computeIfAbsent(v, k -> new long[2]), found);
      }
      count(byKind.computeIfAbsent(kind(byId.get(pair.first())), k -> new long[2]), found);
    }
    Map<String, Long> wrong = new TreeMap<>();
    for (RecordPair pair : clusterPairs(entities)) {
      if (!generated.truth().isTruePair(pair.first(), pair.second())) {
        wrong.merge(kind(byId.get(pair.first())), 1L, Long::sum);
      }
    }
    StringBuilder out = new StringBuilder("  recall of true pairs by variation (pairs, recall):");
    byVariation.forEach((v, c) -> out.append(String.format(Locale.ROOT, " %s %d %.4f;", v, c[0], recall(c))));
    out.append(System.lineSeparator()).append("  recall by kind:");
    byKind.forEach((k, c) -> out.append(String.format(Locale.ROOT, " %s %d %.4f;", k, c[0], recall(c))));
    out.append(System.lineSeparator()).append("  wrongly joined pairs by kind: ").append(wrong)
        .append(System.lineSeparator());
    return out.toString();
  }

  private static void count(long[] counts, boolean found) {
    counts[0]++;
    if (found) {
      counts[1]++;
    }
  }

  private static double recall(long[] counts) {
    return counts[0] == 0 ? 1 : (double) counts[1] / counts[0];
  }

  /** Organisation or person, and whether the name is written in Han characters. */
  static String kind(MatchRecord record) {
    String name = record.organisationName().orElseGet(() -> record.familyName().orElse("")
        + record.givenName().orElse(""));
    boolean han = name.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    return (record.organisationName().isPresent() ? "organisation" : "person") + (han ? "/han" : "/latin");
  }

  /** Every two records that share an entity. */
  static List<RecordPair> clusterPairs(Map<String, String> entities) {
    Map<String, List<String>> byEntity = new HashMap<>();
    entities.forEach((id, entity) -> byEntity.computeIfAbsent(entity, k -> new ArrayList<>(2)).add(id));
    List<RecordPair> pairs = new ArrayList<>();
    for (List<String> group : byEntity.values()) {
      for (int i = 0; i < group.size(); i++) {
        for (int j = i + 1; j < group.size(); j++) {
          pairs.add(RecordPair.of(group.get(i), group.get(j)));
        }
      }
    }
    return pairs;
  }
}
