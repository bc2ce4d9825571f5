package io.crmkit.benchmarks.segmentation;

import io.crmkit.core.activity.TimeRange;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.ValueTier;
import io.crmkit.segmentation.rfm.CurrencyPolicy;
import io.crmkit.segmentation.rfm.RfmAnalysis;
import io.crmkit.segmentation.rfm.RfmResult;
import io.crmkit.segmentation.rfm.RfmResult.CustomerRfm;
import io.crmkit.segmentation.rfm.SegmentMap;
import io.crmkit.segmentation.tier.TierAssignment;
import io.crmkit.segmentation.tier.TierLabels;
import io.crmkit.segmentation.tier.TierMetric;
import io.crmkit.segmentation.tier.Tiering;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * RFM and value tiers at scale, end to end: generated purchases ({@link ColumnarPurchases}, a
 * read-only {@code Purchases} over primitive arrays, seeded) are summarised a chunk of 1,000
 * customers at a time over the last 365 days, scored by quintile, mapped to the eleven segments and
 * tiered by Pareto share of monetary value (HIGH holds 80%, MEDIUM the next 15%), exactly as
 * {@link RfmAnalysis#analyse(io.crmkit.core.activity.Purchases, Iterable, TimeRange)} and
 * {@link Tiering#byParetoShare} do it on any store. The baseline, in the same run, computes the
 * same figures, scores and Pareto cut with plain loops over the arrays (no summaries, no objects
 * per purchase); both runs' figures are compared customer by customer.
 *
 * <pre>
 * java -Xmx3g -cp crm-benchmarks/target/benchmarks.jar io.crmkit.benchmarks.segmentation.RfmTierScale \
 *     [--customers 1000000] [--purchases 10000000] [--rounds 3] [--seed 1]
 * </pre>
 *
 * <p>Generating the data is not timed. Each round runs the baseline, then crmkit; the best round of
 * each is reported with their ratio.
 */
public final class RfmTierScale {
  private static final Instant AS_OF = Instant.parse("2026-01-01T00:00:00Z");
  private static final TimeRange WINDOW = TimeRange.between(AS_OF.minus(Duration.ofDays(365)), AS_OF);

  private RfmTierScale() {}

  public static void main(String[] args) {
    Map<String, String> options = options(args);
    int customers = Integer.parseInt(options.getOrDefault("customers", "1000000"));
    long purchases = Long.parseLong(options.getOrDefault("purchases", "10000000"));
    int rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
    long seed = Long.parseLong(options.getOrDefault("seed", "1"));
    System.out.printf(Locale.ROOT, "JDK %s, %d processors, max heap %d MB%n", System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
    long start = System.nanoTime();
    ColumnarPurchases data = ColumnarPurchases.generate(customers, purchases, AS_OF, seed);
    System.out.printf(Locale.ROOT, "generated %,d customers with %,d purchases in %.1f s%n", data.customers(),
        data.rows(), seconds(System.nanoTime() - start));
    List<CustomerId> ids = data.ids();
    RfmAnalysis analysis = RfmAnalysis.builder().currency(CurrencyPolicy.only(ColumnarPurchases.EUR)).build();
    Tiering<CustomerRfm> tiering = Tiering.byParetoShare(CustomerRfm::customerId, TierMetric.RFM_MONETARY,
        TierLabels.highMediumLow(), 0.8, 0.95);

    double bestBaseline = Double.MAX_VALUE;
    double bestCrmkit = Double.MAX_VALUE;
    for (int round = 1; round <= rounds; round++) {
      long t0 = System.nanoTime();
      Baseline baseline = Baseline.run(data);
      long t1 = System.nanoTime();
      RfmResult result = analysis.analyse(data, ids, WINDOW);
      long t2 = System.nanoTime();
      List<TierAssignment> tiers = tiering.assign(result.customers());
      long t3 = System.nanoTime();
      bestBaseline = Math.min(bestBaseline, seconds(t1 - t0));
      bestCrmkit = Math.min(bestCrmkit, seconds(t3 - t1));
      System.out.printf(Locale.ROOT, "round %d: baseline %.2f s; crmkit %.2f s (RFM %.2f s, tiers %.2f s)%n", round,
          seconds(t1 - t0), seconds(t3 - t1), seconds(t2 - t1), seconds(t3 - t2));
      if (round == 1) {
        report(data, baseline, result, tiers);
      }
    }
    System.out.printf(Locale.ROOT, "best: baseline %.2f s, crmkit %.2f s, ratio %.1f%n", bestBaseline, bestCrmkit,
        bestCrmkit / bestBaseline);
  }

  private static void report(ColumnarPurchases data, Baseline baseline, RfmResult result, List<TierAssignment> tiers) {
    long disagreements = 0;
    for (CustomerRfm c : result.customers()) {
      int i = ColumnarPurchases.index(c.customerId());
      boolean same = baseline.frequency[i] == c.values().frequency()
          && baseline.cents[i] == c.values().monetary().movePointRight(2).longValueExact()
          && baseline.recencySeconds[i] == c.values().recency().getSeconds()
          && baseline.scores[i] == c.score().recency() * 100 + c.score().frequency() * 10 + c.score().monetary();
      disagreements += same ? 0 : 1;
    }
    System.out.printf(Locale.ROOT, "scored %,d customers, %,d without a purchase in the window;"
            + " baseline scored %,d; figures and scores differ for %,d%n", result.customers().size(),
        result.withoutPurchases().size(), baseline.scored, disagreements);
    Map<ValueTier, Long> sizes = new TreeMap<>((a, b) -> a.name().compareTo(b.name()));
    tiers.forEach(t -> sizes.merge(t.tier(), 1L, Long::sum));
    System.out.printf(Locale.ROOT, "tiers %s; baseline HIGH %,d%n", sizes, baseline.high);
    System.out.println("segments " + result.segmentSizes().entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue().customers()).toList());
    System.out.println("an assignment: " + tiers.get(0).explain());
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --option value, got " + args[i]);
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    return options;
  }

  /** The same figures, scores and Pareto cut by plain loops over the arrays. */
  private static final class Baseline {
    final int[] frequency;
    final long[] cents;
    final long[] recencySeconds;
    final int[] scores;
    int scored;
    long high;

    private Baseline(int customers) {
      frequency = new int[customers];
      cents = new long[customers];
      recencySeconds = new long[customers];
      scores = new int[customers];
    }

    static Baseline run(ColumnarPurchases data) {
      int n = data.customers();
      Baseline b = new Baseline(n);
      long from = WINDOW.from().getEpochSecond();
      long to = WINDOW.to().getEpochSecond();
      int[] scoredIndex = new int[n];
      for (int i = 0; i < n; i++) {
        long last = Long.MIN_VALUE;
        long lastDay = Long.MIN_VALUE;
        for (int row = data.offsets[i]; row < data.offsets[i + 1]; row++) {
          long t = data.epochSeconds[row];
          if (t < from || t >= to) {
            continue;
          }
          b.cents[i] += data.cents[row];
          if (data.cents[row] >= 0) {
            last = Math.max(last, t);
            long day = Math.floorDiv(t, 86_400);
            if (day != lastDay) {
              b.frequency[i]++;
              lastDay = day;
            }
          }
        }
        if (b.frequency[i] > 0) {
          b.recencySeconds[i] = to - last;
          scoredIndex[b.scored++] = i;
        }
      }
      int m = b.scored;
      long[] r = new long[m];
      long[] f = new long[m];
      long[] c = new long[m];
      for (int k = 0; k < m; k++) {
        int i = scoredIndex[k];
        r[k] = -b.recencySeconds[i];
        f[k] = b.frequency[i];
        c[k] = b.cents[i];
      }
      long[] rs = sorted(r);
      long[] fs = sorted(f);
      long[] cs = sorted(c);
      SegmentMap map = SegmentMap.standard();
      for (int k = 0; k < m; k++) {
        int rScore = quintile(rs, r[k]);
        int fScore = quintile(fs, f[k]);
        int mScore = quintile(cs, c[k]);
        map.segmentOf(rScore, (fScore + mScore + 1) / 2);
        b.scores[scoredIndex[k]] = rScore * 100 + fScore * 10 + mScore;
      }
      long total = 0;
      for (long v : cs) {
        total += Math.max(0, v);
      }
      long held = 0;
      for (int k = m - 1; k >= 0 && held * 10 < total * 8; k--) {
        held += cs[k];
        b.high++;
      }
      return b;
    }

    private static long[] sorted(long[] values) {
      long[] copy = values.clone();
      Arrays.sort(copy);
      return copy;
    }

    private static int quintile(long[] sorted, long value) {
      int low = 0;
      int high = sorted.length;
      while (low < high) {
        int mid = (low + high) >>> 1;
        if (sorted[mid] < value) {
          low = mid + 1;
        } else {
          high = mid;
        }
      }
      return (int) (1 + 5L * low / sorted.length);
    }
  }
}
