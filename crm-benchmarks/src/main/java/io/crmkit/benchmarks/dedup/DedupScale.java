package io.crmkit.benchmarks.dedup;

import io.crmkit.core.dedup.MatchRecord;
import io.crmkit.core.dedup.match.Blocking;
import io.crmkit.core.dedup.match.BlockingRule;
import io.crmkit.core.dedup.match.Deduplicator;
import io.crmkit.core.dedup.standardise.Standardiser;
import io.crmkit.testkit.dedup.DuplicateGenerator;
import io.crmkit.testkit.dedup.GeneratedRecord;
import io.crmkit.testkit.dedup.GroundTruth;
import io.crmkit.testkit.dedup.Variation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;

/**
 * Deduplication at scale, end to end: generated customers (a {@link DuplicateGenerator} with a
 * fixed seed, Chinese and Western persons and organisations with typos, swapped fields, phone
 * formats, company name forms ...) standardised by {@link Standardiser} and deduplicated by
 * {@link Deduplicator#withDefaults()} (block, compare, estimate, score, cluster), at each size
 * given. Per size it prints each step's wall time, the peak heap, the candidate pairs, precision,
 * recall and F1 against the generator's {@link GroundTruth} and the pair completeness of
 * blocking, then recall by variation and by kind of record, to show which duplicates are missed.
 * First, in the same JVM, a naive all-pairs run on the first records (the same comparisons and
 * model, blocking replaced by one window over every record) gives the cost per pair and per record
 * that blocking saves.
 *
 * <pre>
 * java -XX:+UseParallelGC -Xmx4g -cp crm-benchmarks/target/benchmarks.jar \
 *     io.crmkit.benchmarks.dedup.DedupScale [--sizes 100000,300000,1000000] [--seed 1] \
 *     [--baseline 5000] [--threads 2] [--breakdown true]
 * </pre>
 *
 * <p>Generation is not timed; standardising runs on {@code --threads} threads (default: the
 * processors available), a pure function per record.
 */
public final class DedupScale {
  private static final int CHUNK = 10_000;

  private DedupScale() {}

  public static void main(String[] args) throws InterruptedException, ExecutionException {
    Map<String, String> options = options(args);
    long seed = Long.parseLong(options.getOrDefault("seed", "1"));
    int baseline = Integer.parseInt(options.getOrDefault("baseline", "5000"));
    int threads = Integer.parseInt(options.getOrDefault("threads",
        Integer.toString(Runtime.getRuntime().availableProcessors())));
    boolean breakdown = Boolean.parseBoolean(options.getOrDefault("breakdown", "true"));
    List<Integer> sizes = new ArrayList<>();
    for (String size : options.getOrDefault("sizes", "100000,300000,1000000").split(",")) {
      sizes.add(Integer.parseInt(size.trim()));
    }
    System.out.printf(Locale.ROOT, "JDK %s, %d processors, max heap %d MB, standardising on %d threads%n",
        Runtime.version(), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
        threads);
    ForkJoinPool pool = new ForkJoinPool(threads);
    try {
      if (baseline > 1) {
        Generated small = generate(baseline, seed, pool);
        ScaleRun blocked = ScaleRun.of("blocked", small, Deduplicator.withDefaults());
        ScaleRun allPairs = ScaleRun.of("all-pairs", small, allPairs(small.records().size()));
        System.out.println(ScaleRun.header());
        System.out.println(blocked.line());
        System.out.println(allPairs.line());
        System.out.printf(Locale.ROOT, "all-pairs / blocked on %d records: %.1f times the time, %.0f times the pairs;"
                + " comparing %.0f ns a pair all-pairs, %.0f ns blocked%n%n", baseline,
            allPairs.dedupMillis() / Math.max(1.0, blocked.dedupMillis()),
            allPairs.candidates() / Math.max(1.0, blocked.candidates()),
            allPairs.comparingNanosPerPair(), blocked.comparingNanosPerPair());
      }
      System.out.println(ScaleRun.header());
      List<ScaleRun> runs = new ArrayList<>();
      for (int size : sizes) {
        Generated generated = generate(size, seed, pool);
        ScaleRun run = ScaleRun.of("scale", generated, Deduplicator.withDefaults());
        runs.add(run);
        System.out.println(run.line());
        System.out.println("  steps: " + run.steps());
        if (breakdown) {
          System.out.print(run.breakdown());
        }
      }
      if (runs.size() > 1) {
        ScaleRun first = runs.get(0);
        for (ScaleRun run : runs.subList(1, runs.size())) {
          System.out.printf(Locale.ROOT, "%d → %d records (×%.1f): end-to-end time ×%.2f, candidate pairs ×%.2f%n",
              first.records(), run.records(), (double) run.records() / first.records(),
              (double) run.totalMillis() / Math.max(1, first.totalMillis()),
              (double) run.candidates() / Math.max(1, first.candidates()));
        }
      }
    } finally {
      pool.shutdown();
    }
  }

  /** The same comparisons and model as the defaults, every pair a candidate. */
  static Deduplicator allPairs(int records) {
    return Deduplicator.builder()
        .blocking(new Blocking(List.of(new BlockingRule.Window("all-pairs", r -> Optional.of(""), records)),
            records, Blocking.Oversized.WINDOW, records))
        .build();
  }

  /**
   * {@code size} generated records standardised ({@code pool} runs the standardiser over chunks),
   * with their truth and the time standardising took; generation itself is not timed.
   */
  static Generated generate(int size, long seed, ForkJoinPool pool) throws InterruptedException, ExecutionException {
    DuplicateGenerator generator = DuplicateGenerator.builder().seed(seed).entities(size).maxRecords(size).build();
    Standardiser standardiser = Standardiser.defaults();
    GroundTruth.Builder truth = GroundTruth.builder();
    List<MatchRecord> records = new ArrayList<>(size);
    Map<String, Set<Variation>> variations = new HashMap<>(size * 2);
    List<GeneratedRecord> chunk = new ArrayList<>(CHUNK);
    long standardiseNanos = 0;
    for (GeneratedRecord record : generator) {
      truth.add(record);
      variations.put(record.id(), record.variations());
      chunk.add(record);
      if (chunk.size() == CHUNK) {
        standardiseNanos += standardise(chunk, standardiser, pool, records);
        chunk.clear();
      }
    }
    standardiseNanos += standardise(chunk, standardiser, pool, records);
    return new Generated(records, truth.build(), variations, Duration.ofNanos(standardiseNanos));
  }

  private static long standardise(List<GeneratedRecord> chunk, Standardiser standardiser, ForkJoinPool pool,
      List<MatchRecord> into) throws InterruptedException, ExecutionException {
    long start = System.nanoTime();
    List<MatchRecord> done = pool.submit(() -> chunk.parallelStream()
        .map(r -> standardiser.standardise(r.input())).toList()).get();
    into.addAll(done);
    return System.nanoTime() - start;
  }

  /** Standardised records, their truth, each record's variations (not its raw input, to spare the heap). */
  record Generated(List<MatchRecord> records, GroundTruth truth, Map<String, Set<Variation>> variations,
      Duration standardising) {}

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("options are --name value, got " + args[i]);
      }
      options.put(args[i].substring(2), args[++i]);
    }
    return options;
  }
}
