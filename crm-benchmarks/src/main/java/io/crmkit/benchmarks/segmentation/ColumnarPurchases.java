package io.crmkit.benchmarks.segmentation;

import io.crmkit.core.activity.ActivityId;
import io.crmkit.core.activity.Purchase;
import io.crmkit.core.activity.PurchaseSummary;
import io.crmkit.core.activity.Purchases;
import io.crmkit.core.activity.TimeRange;
import io.crmkit.core.customer.CustomerId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * A read-only {@link Purchases} over generated purchases held in primitive arrays, grouped by
 * customer: what a store's chunked summary read delivers, without the database, so that the
 * benchmark measures crmkit's RFM and tiers rather than I/O. Customer {@code i} has the id
 * {@code new UUID(0, i)}; its purchases are rows {@code offsets[i]} to {@code offsets[i + 1]},
 * in time order. Amounts are euro cents; about one row in a hundred is a refund.
 */
final class ColumnarPurchases implements Purchases {
  static final CurrencyUnit EUR = CurrencyUnit.EUR;

  final int[] offsets;
  final long[] epochSeconds;
  final long[] cents;

  private ColumnarPurchases(int[] offsets, long[] epochSeconds, long[] cents) {
    this.offsets = offsets;
    this.epochSeconds = epochSeconds;
    this.cents = cents;
  }

  /**
   * About {@code purchases} purchases of {@code customers} customers in the two years before
   * {@code asOf}, deterministic per seed: each customer starts on a random day of the two years and
   * buys at random times from then on; purchase counts are geometric (most customers buy a few
   * times, some dozens); amounts are 5 euros and more with a long tail.
   */
  static ColumnarPurchases generate(int customers, long purchases, Instant asOf, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double mean = (double) purchases / customers;
    int[] counts = new int[customers];
    long total = 0;
    for (int i = 0; i < customers; i++) {
      // geometric with the wanted mean, at least 1
      counts[i] = 1 + (int) Math.floor(Math.log(1 - random.nextDouble()) / Math.log(1 - 1 / mean));
      total += counts[i];
    }
    int[] offsets = new int[customers + 1];
    long[] seconds = new long[Math.toIntExact(total)];
    long[] cents = new long[seconds.length];
    long end = asOf.getEpochSecond();
    long span = 730L * 86_400;
    int row = 0;
    for (int i = 0; i < customers; i++) {
      offsets[i] = row;
      // a customer since a random day of the two years, buying at random times from then on
      long start = end - 1 - random.nextLong(span);
      for (int p = 0; p < counts[i]; p++) {
        seconds[row] = start + random.nextLong(end - start);
        long amount = 500 + (long) (Math.exp(random.nextDouble() * Math.log(100)) * 500 * random.nextDouble());
        cents[row] = random.nextInt(100) == 0 ? -amount / 2 : amount;
        row++;
      }
      Arrays.sort(seconds, offsets[i], row);
    }
    offsets[customers] = row;
    return new ColumnarPurchases(offsets, seconds, cents);
  }

  int customers() {
    return offsets.length - 1;
  }

  int rows() {
    return epochSeconds.length;
  }

  static CustomerId id(int customer) {
    return CustomerId.of(new UUID(0, customer));
  }

  static int index(CustomerId id) {
    return (int) id.value().getLeastSignificantBits();
  }

  /** Every customer's id, in index order. */
  List<CustomerId> ids() {
    return IntStream.range(0, customers()).mapToObj(ColumnarPurchases::id).toList();
  }

  @Override
  public Map<CustomerId, PurchaseSummary> summaries(Collection<CustomerId> customerIds, TimeRange window) {
    Map<CustomerId, PurchaseSummary> summaries = new LinkedHashMap<>();
    for (CustomerId id : customerIds) {
      if (!summaries.containsKey(id)) {
        PurchaseSummary.Tally tally = new PurchaseSummary.Tally(id, window);
        int customer = index(id);
        for (int row = offsets[customer]; row < offsets[customer + 1]; row++) {
          tally.add(Instant.ofEpochSecond(epochSeconds[row]), Money.ofMinor(EUR, cents[row]));
        }
        summaries.put(id, tally.summary());
      }
    }
    return summaries;
  }

  @Override
  public Map<CustomerId, PurchaseSummary> summaries(Collection<CustomerId> customerIds, Instant asOf) {
    return summaries(customerIds, TimeRange.until(asOf));
  }

  @Override
  public List<Purchase> forCustomer(CustomerId customerId, TimeRange range) {
    Objects.requireNonNull(range, "range");
    int customer = index(customerId);
    List<Purchase> purchases = new ArrayList<>();
    for (int row = offsets[customer]; row < offsets[customer + 1]; row++) {
      Instant at = Instant.ofEpochSecond(epochSeconds[row]);
      if (range.contains(at)) {
        purchases.add(purchase(customerId, row, at));
      }
    }
    return purchases;
  }

  @Override
  public Stream<Purchase> stream(TimeRange range) {
    return IntStream.range(0, customers()).boxed().flatMap(i -> forCustomer(id(i), range).stream());
  }

  /** Refused: the generated data are read-only. */
  @Override
  public void record(Purchase activity) {
    throw new UnsupportedOperationException("the benchmark's generated purchases are read-only");
  }

  /** Refused: the generated data are read-only. */
  @Override
  public void recordAll(Collection<? extends Purchase> activities) {
    throw new UnsupportedOperationException("the benchmark's generated purchases are read-only");
  }

  private Purchase purchase(CustomerId customer, int row, Instant at) {
    return new Purchase.Builder().id(ActivityId.of(new UUID(1, row))).customerId(customer).occurredAt(at)
        .amount(Money.ofMinor(EUR, cents[row])).channel("online").build();
  }
}
