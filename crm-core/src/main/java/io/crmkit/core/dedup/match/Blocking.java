package io.crmkit.core.dedup.match;

import io.crmkit.core.common.Require;
import io.crmkit.core.dedup.MatchRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Candidate pairs from the union of several {@link BlockingRule}s, each pair once. A key shared by
 * more than {@code maxBlockSize} records (a company switchboard, a default birth date) would cost
 * quadratic work and find mostly non-matches; such a key is reported and, as {@link Oversized}
 * says, either skipped or searched with a sorted-neighbourhood window inside the block, which
 * costs linear work.
 *
 * <p>The steps are pure and separable as a distributed engine runs them: {@link #keys} per record,
 * group records by key, pairs per group, then the distinct union.
 *
 * @param rules the rules whose candidate pairs are united
 * @param maxBlockSize the largest block compared all-pairs, at least 2
 * @param oversized what to do with a larger block
 * @param fallbackWindow the window inside an oversized block, at least 2
 */
public record Blocking(List<BlockingRule> rules, int maxBlockSize, Oversized oversized, int fallbackWindow) {

  /** What happens to a block above the size cap. */
  public enum Oversized {
    /** Skip the key (it is reported in {@link Candidates#oversizedKeys()}). */
    SKIP,
    /** Pair only neighbours in a window over the block sorted by name, and report the key. */
    WINDOW
  }

  /** A key whose block was over the cap, with its size. */
  public record OversizedKey(String key, int size) {}

  /**
   * @throws IllegalArgumentException if there is no rule, or a size is below 2
   */
  public Blocking {
    rules = List.copyOf(rules);
    Require.atLeast(rules.size(), 1, "number of blocking rules");
    Require.atLeast(maxBlockSize, 2, "maxBlockSize");
    Require.notNull(oversized, "oversized");
    Require.atLeast(fallbackWindow, 2, "fallbackWindow");
  }

  /**
   * The default rules, blocks up to 50 records, windows of 10 inside larger ones. Why 50: a key
   * block such as postcode + name prefix grows with the file, and all pairs of a block grow with
   * its square; with a cap of 200, 300,000 generated records gave 16 million candidates and a
   * million ran out of a 4 GB heap. From 50 up the window keeps the work linear, and FEBRL's
   * blocks (all under 50) and accuracy are unchanged.
   */
  public static Blocking defaults() {
    return new Blocking(BlockingRule.defaults(), 50, Oversized.WINDOW, 10);
  }

  /** This blocking with other rules. */
  public Blocking withRules(List<BlockingRule> newRules) {
    return new Blocking(newRules, maxBlockSize, oversized, fallbackWindow);
  }

  /** This blocking with another cap and handling of oversized blocks. */
  public Blocking withMaxBlockSize(int newMax, Oversized handling) {
    return new Blocking(rules, newMax, handling, fallbackWindow);
  }

  /** Step 1, per record: the record's keys under every key rule, each prefixed with its rule's name. */
  public List<String> keys(MatchRecord record) {
    List<String> keys = new ArrayList<>();
    for (BlockingRule rule : rules) {
      if (rule instanceof BlockingRule.Keys k) {
        for (String key : k.keys().apply(record)) {
          keys.add(k.name() + ":" + key);
        }
      }
    }
    return keys;
  }

  /**
   * The candidate pairs among {@code records} (deduplication).
   *
   * @throws NullPointerException if {@code records} is null
   */
  public Candidates candidates(List<MatchRecord> records) {
    return candidates(records, records.size(), false);
  }

  /**
   * The candidate pairs that join a record of {@code records} below {@code leftCount} with one at
   * or above it (linking two lists given one after the other).
   *
   * @throws IllegalArgumentException if {@code leftCount} is outside 0..records.size()
   */
  public Candidates crossCandidates(List<MatchRecord> records, int leftCount) {
    Require.inRange(leftCount, 0, records.size(), "leftCount");
    return candidates(records, leftCount, true);
  }

  private Candidates candidates(List<MatchRecord> records, int leftCount, boolean crossOnly) {
    Require.notNull(records, "records");
    PairSink sink = new PairSink(leftCount, crossOnly);
    Map<String, List<Integer>> blocks = group(records);
    List<OversizedKey> oversizedKeys = new ArrayList<>();
    Comparator<Integer> byName = Comparator.comparing((Integer i) -> nameKey(records.get(i)))
        .thenComparing(i -> i);
    for (Map.Entry<String, List<Integer>> block : blocks.entrySet()) {
      List<Integer> members = block.getValue();
      if (members.size() <= maxBlockSize) {
        sink.allPairs(members);
      } else {
        oversizedKeys.add(new OversizedKey(block.getKey(), members.size()));
        if (oversized == Oversized.WINDOW) {
          List<Integer> sorted = new ArrayList<>(members);
          sorted.sort(byName);
          sink.window(sorted, fallbackWindow);
        }
      }
    }
    for (BlockingRule rule : rules) {
      if (rule instanceof BlockingRule.Window w) {
        sink.window(sortedBy(records, w), w.size());
      }
    }
    oversizedKeys.sort(Comparator.comparing(OversizedKey::key));
    return new Candidates(records.stream().map(MatchRecord::id).toArray(String[]::new), leftCount, crossOnly,
        sink.pairs.sortedDistinct(), blocks.size(), oversizedKeys);
  }

  /** Step 2: record indices grouped by key (blocks of one record dropped). */
  Map<String, List<Integer>> group(List<MatchRecord> records) {
    Map<String, List<Integer>> blocks = new HashMap<>();
    for (int i = 0; i < records.size(); i++) {
      for (String key : keys(records.get(i))) {
        blocks.computeIfAbsent(key, k -> new ArrayList<>(2)).add(i);
      }
    }
    blocks.values().removeIf(members -> members.size() < 2);
    return blocks;
  }

  private static List<Integer> sortedBy(List<MatchRecord> records, BlockingRule.Window window) {
    List<String> keys = new ArrayList<>(records.size());
    List<Integer> indices = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      Optional<String> key = window.sortKey().apply(records.get(i));
      keys.add(key.orElse(null));
      if (key.isPresent()) {
        indices.add(i);
      }
    }
    indices.sort(Comparator.comparing((Integer i) -> keys.get(i)).thenComparing(i -> i));
    return indices;
  }

  private static String nameKey(MatchRecord r) {
    return r.organisationName().orElse("") + "|" + r.familyName().orElse("") + "|" + r.givenName().orElse("");
  }

  /** Step 3: pairs within groups, kept as i << 32 | j with i < j. */
  private static final class PairSink {
    private final LongBuffer pairs = new LongBuffer();
    private final int leftCount;
    private final boolean crossOnly;

    PairSink(int leftCount, boolean crossOnly) {
      this.leftCount = leftCount;
      this.crossOnly = crossOnly;
    }

    void allPairs(List<Integer> members) {
      for (int a = 0; a < members.size(); a++) {
        for (int b = a + 1; b < members.size(); b++) {
          add(members.get(a), members.get(b));
        }
      }
    }

    void window(List<Integer> sorted, int size) {
      for (int a = 0; a < sorted.size(); a++) {
        for (int b = a + 1; b < Math.min(sorted.size(), a + size); b++) {
          add(sorted.get(a), sorted.get(b));
        }
      }
    }

    private void add(int i, int j) {
      if (i == j || crossOnly && (i < leftCount) == (j < leftCount)) {
        return;
      }
      pairs.add(i < j ? ((long) i << 32) | j : ((long) j << 32) | i);
    }
  }

  /**
   * The candidate pairs of one run, as indices into the records it was given, with what blocking
   * met on the way.
   */
  public static final class Candidates {
    private final String[] ids;
    private final int leftCount;
    private final boolean crossOnly;
    private final long[] pairs;
    private final int blocks;
    private final List<OversizedKey> oversizedKeys;

    Candidates(String[] ids, int leftCount, boolean crossOnly, long[] pairs, int blocks,
        List<OversizedKey> oversizedKeys) {
      this.ids = ids;
      this.leftCount = leftCount;
      this.crossOnly = crossOnly;
      this.pairs = pairs;
      this.blocks = blocks;
      this.oversizedKeys = List.copyOf(oversizedKeys);
    }

    /** How many distinct candidate pairs the rules found together. */
    public int size() {
      return pairs.length;
    }

    /** How many blocks (keys shared by two records or more) the key rules formed. */
    public int blocks() {
      return blocks;
    }

    /** The keys whose blocks were over the cap, in key order. */
    public List<OversizedKey> oversizedKeys() {
      return oversizedKeys;
    }

    /** The candidate pairs by id. */
    public List<RecordPair> pairs() {
      List<RecordPair> result = new ArrayList<>(pairs.length);
      for (long pair : pairs) {
        result.add(RecordPair.of(ids[left(pair)], ids[right(pair)]));
      }
      return result;
    }

    /** Every pair a run could compare: n(n-1)/2, or left × right when linking. */
    public long comparablePairs() {
      long n = ids.length;
      return crossOnly ? (long) leftCount * (n - leftCount) : n * (n - 1) / 2;
    }

    /**
     * How well blocking kept the true pairs while cutting work: pair completeness (the share of
     * true pairs among the candidates) and reduction ratio (1 - candidates / comparable pairs).
     *
     * @param truth the true matching pairs; pairs naming ids outside the run count as missed
     * @throws IllegalArgumentException if {@code truth} is empty
     */
    public Quality quality(Set<RecordPair> truth) {
      Require.atLeast(truth.size(), 1, "number of true pairs");
      Map<String, Integer> index = new HashMap<>();
      for (int i = 0; i < ids.length; i++) {
        index.put(ids[i], i);
      }
      long kept = 0;
      for (RecordPair pair : truth) {
        Integer a = index.get(pair.leftId());
        Integer b = index.get(pair.rightId());
        if (a != null && b != null) {
          long encoded = a < b ? ((long) a << 32) | b : ((long) b << 32) | a;
          kept += Arrays.binarySearch(pairs, encoded) >= 0 ? 1 : 0;
        }
      }
      double reduction = comparablePairs() == 0 ? 0 : 1.0 - (double) pairs.length / comparablePairs();
      return new Quality((double) kept / truth.size(), reduction);
    }

    long[] encoded() {
      return pairs;
    }

    String id(int index) {
      return ids[index];
    }

    int records() {
      return ids.length;
    }

    static int left(long pair) {
      return (int) (pair >>> 32);
    }

    static int right(long pair) {
      return (int) pair;
    }

    @Override
    public String toString() {
      return "Candidates[pairs=" + pairs.length + ", blocks=" + blocks + ", oversized=" + oversizedKeys.size() + "]";
    }
  }

  /**
   * Blocking quality against ground truth.
   *
   * @param pairCompleteness the share of true pairs blocking kept, in [0, 1]
   * @param reductionRatio the share of comparable pairs blocking saved, in [0, 1]
   */
  public record Quality(double pairCompleteness, double reductionRatio) {}

  @Override
  public String toString() {
    return "Blocking" + rules.stream().map(BlockingRule::name).toList() + " max " + maxBlockSize + " " + oversized;
  }
}
