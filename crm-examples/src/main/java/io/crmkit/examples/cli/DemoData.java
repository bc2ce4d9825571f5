package io.crmkit.examples.cli;

import io.crmkit.core.activity.ActivityId;
import io.crmkit.core.activity.Interaction;
import io.crmkit.core.activity.Purchase;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.dimension.classify.Classifier;
import io.crmkit.core.dimension.classify.CodeUpdate;
import io.crmkit.testkit.dedup.DuplicateGenerator;
import io.crmkit.testkit.dedup.GeneratedCustomers;
import io.crmkit.testkit.dedup.GeneratedRecord;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.UUID;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * The demo's data, deterministic per seed: customers with realistic duplicates from crm-testkit's
 * {@link DuplicateGenerator} (made valid by {@link GeneratedCustomers} and given their dimension
 * codes by a {@link Classifier} before they are stored), and for each a purchase and interaction
 * history drawn from its own random stream, so that a customer's history does not depend on the
 * batch size.
 *
 * <p>The histories look like a shop's: a fifth of the customers never bought; buyers buy as the
 * BG/NBD model has it, with the CDNOW cohort's parameters (each at a Poisson rate of their own
 * until they drop out, which they may do after any purchase: most buy once or twice, a few dozens
 * of times, and recency spreads from days to years); amounts are log-normal (a median near 200 CNY
 * and a long tail); one purchase in fifty is refunded. Everything happens in the three years
 * before {@code now}, after the customer was created.
 */
final class DemoData implements Iterator<DemoData.Batch> {

  /** The demo's currency. */
  static final CurrencyUnit CNY = CurrencyUnit.of("CNY");

  private static final Duration HISTORY = Duration.ofDays(3 * 365);
  /**
   * A buyer's first purchase comes within this of registering (most customers register with their
   * first order), before the standard lifecycle gives up on a prospect (60 days).
   */
  private static final Duration FIRST_PURCHASE_WITHIN = Duration.ofDays(45);
  /**
   * The BG/NBD parameters purchases are drawn with, per week: those Fader, Hardie and Lee (2005)
   * fitted to the CDNOW cohort (r 0.243, α 4.414, a 0.793, b 2.426), so that the demo's lifetime
   * value model fits data shaped as it assumes.
   */
  private static final double BUYING_SHAPE = 0.243;
  private static final double BUYING_RATE = 4.414;
  private static final double DROP_OUT_A = 0.793;
  private static final double DROP_OUT_B = 2.426;
  private static final double WEEK_SECONDS = 7 * 24 * 3600;
  /** Purchases per customer at most, refunds aside. */
  private static final int MAX_PURCHASES = 200;
  private static final String[] CHANNELS = {"online", "store", "app", "phone"};
  private static final String[] CATEGORIES = {"electronics", "apparel", "home", "grocery", "beauty", "books"};
  private static final Interaction.Channel[] CONTACTS = Interaction.Channel.values();
  private static final Interaction.Direction[] DIRECTIONS = Interaction.Direction.values();

  private final Iterator<GeneratedRecord> records;
  private final Classifier classifier;
  private final long seed;
  private final Instant now;
  private final int batchSize;
  private long index;
  private long unusable;

  /**
   * @param customers how many customer records (duplicates included)
   * @param seed the seed of the generator and of every history
   * @param now the instant histories end before
   * @param classifier assigns each customer's dimension codes
   * @param batchSize customers per batch
   */
  DemoData(long customers, long seed, Instant now, Classifier classifier, int batchSize) {
    this.records = DuplicateGenerator.builder().seed(seed).entities(customers).maxRecords(customers).build().iterator();
    this.classifier = classifier;
    this.seed = seed;
    this.now = now;
    this.batchSize = batchSize;
  }

  /**
   * One batch of new customers (version 0, coded) with their purchases and interactions.
   *
   * @param customers the customers, ready for {@code CustomerImporter.insertAll}
   * @param purchases their purchases
   * @param interactions their interactions
   * @param records how many generated records the batch took (customers plus unusable records)
   */
  record Batch(List<Customer> customers, List<Purchase> purchases, List<Interaction> interactions, int records) {}

  /** Generated records that could not become a customer (no name for their kind), so far. */
  long unusable() {
    return unusable;
  }

  @Override
  public boolean hasNext() {
    return records.hasNext();
  }

  @Override
  public Batch next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more generated records");
    }
    List<Customer> customers = new ArrayList<>(batchSize);
    List<Purchase> purchases = new ArrayList<>();
    List<Interaction> interactions = new ArrayList<>();
    int taken = 0;
    while (taken < batchSize && records.hasNext()) {
      GeneratedRecord record = records.next();
      taken++;
      long n = index++;
      NewCustomer customer;
      try {
        customer = GeneratedCustomers.toNewCustomer(record);
      } catch (IllegalArgumentException e) {
        unusable++;
        continue;
      }
      SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + n);
      Customer stored = customer(customer, n, random);
      customers.add(stored);
      history(stored, new ActivityIds(n), random, purchases, interactions);
    }
    return new Batch(customers, purchases, interactions, taken);
  }

  /** The customer, created at a random time in the history, with its codes. */
  private Customer customer(NewCustomer customer, long n, SplittableRandom random) {
    Instant created = now.minus(Duration.ofSeconds(random.nextLong(HISTORY.toSeconds())));
    Customer fresh = new Customer.Builder().from(customer).id(CustomerId.of(new UUID(seed, n))).version(0)
        .createdAt(created).updatedAt(created).build();
    return classifier.classify(fresh).update().map((CodeUpdate update) -> update.applyTo(fresh)).orElse(fresh);
  }

  private void history(Customer customer, ActivityIds ids, SplittableRandom random, List<Purchase> purchases,
      List<Interaction> interactions) {
    long span = Duration.between(customer.createdAt(), now).toSeconds() - 60;
    if (span <= 0) {
      return;
    }
    if (random.nextDouble() >= 0.2) {
      // The BG/NBD process: purchases at a Poisson rate, a drop-out chance after each, both varying by customer.
      double perWeek = gamma(random, BUYING_SHAPE) / BUYING_RATE;
      double dropOut = beta(random, DROP_OUT_A, DROP_OUT_B);
      long at = random.nextLong(Math.min(span, FIRST_PURCHASE_WITHIN.toSeconds()));
      for (int i = 0; i < MAX_PURCHASES && at < span; i++) {
        Instant when = customer.createdAt().plusSeconds(at);
        BigDecimal amount = BigDecimal.valueOf(Math.exp(5.3 + 0.9 * random.nextGaussian()))
            .setScale(2, RoundingMode.HALF_EVEN).max(BigDecimal.ONE);
        purchases.add(purchase(ids.next(), customer.id(), when, amount, random));
        if (random.nextDouble() < 0.02) {
          purchases.add(purchase(ids.next(), customer.id(), when.plusSeconds(3600), amount.negate(), random));
        }
        if (random.nextDouble() < dropOut) {
          break;
        }
        at += 1 + (long) Math.min(span, random.nextExponential() / perWeek * WEEK_SECONDS);
      }
    }
    int contacts = geometric(random, 0.5);
    for (int i = 0; i < contacts; i++) {
      interactions.add(new Interaction.Builder().id(ids.next()).customerId(customer.id())
          .occurredAt(customer.createdAt().plusSeconds(random.nextLong(span)))
          .channel(CONTACTS[random.nextInt(CONTACTS.length)])
          .direction(DIRECTIONS[random.nextInt(DIRECTIONS.length)])
          .subject("demo contact").build());
    }
  }

  private static Purchase purchase(ActivityId id, CustomerId customer, Instant when, BigDecimal amount,
      SplittableRandom random) {
    return new Purchase.Builder().id(id).customerId(customer).occurredAt(when)
        .amount(Money.of(CNY, amount)).channel(CHANNELS[random.nextInt(CHANNELS.length)])
        .category(CATEGORIES[random.nextInt(CATEGORIES.length)]).build();
  }

  /**
   * The ids of the {@code n}th record's activities: increasing in import order, as ids a store
   * hands out as it records (time-ordered UUIDs) are, so that index inserts stay local. A record has
   * at most 600 activities (200 purchases, as many refunds, 200 interactions), well inside its 1,024 ids.
   */
  private final class ActivityIds {
    private final long first;
    private long next;

    ActivityIds(long n) {
      this.first = n << 10;
    }

    ActivityId next() {
      return ActivityId.of(new UUID(~seed, first + next++));
    }
  }

  /** A Gamma(shape, 1) draw (Marsaglia and Tsang; a shape below 1 boosted by a uniform's power). */
  private static double gamma(SplittableRandom random, double shape) {
    if (shape < 1) {
      return gamma(random, shape + 1) * Math.pow(random.nextDouble(), 1 / shape);
    }
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double x = random.nextGaussian();
      double v = 1 + c * x;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      double u = random.nextDouble();
      if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
        return d * v;
      }
    }
  }

  /** A Beta(a, b) draw, from two gamma draws. */
  private static double beta(SplittableRandom random, double a, double b) {
    double x = gamma(random, a);
    return x / (x + gamma(random, b));
  }

  /** Failures before the first success, success probability {@code p}: 0 most often, a long tail. */
  private static int geometric(SplittableRandom random, double p) {
    return (int) Math.min(200, Math.floor(Math.log(1 - random.nextDouble()) / Math.log(1 - p)));
  }
}
