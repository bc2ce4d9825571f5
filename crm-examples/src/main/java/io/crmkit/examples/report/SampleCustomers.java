package io.crmkit.examples.report;

import io.crmkit.core.Crm;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.customer.ValueTier;
import io.crmkit.core.dedup.merge.Merger;
import io.crmkit.core.dedup.review.ReviewItem;
import io.crmkit.core.activity.Purchase;
import io.crmkit.core.common.IdGenerator;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.imports.CustomerImporter;
import io.crmkit.io.CrmStores;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * A small, seeded set of customers for a report to show: persons with phones and e-mails,
 * purchases over the two years before the report's day, value tiers and lifecycle stages as an
 * import from a system that had them brings them (in bulk, through the core importer),
 * duplicates merged with the {@link Merger} and a few pairs queued for review. For trying {@code crmkit report} and for CI's rendering check; the
 * {@code demo} command generates a realistic set with the test kit.
 */
public final class SampleCustomers {
  private static final String[] FAMILY = {"王", "李", "张", "刘", "陈", "Smith", "Müller", "García", "Rossi", "Tanaka"};
  private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "Mary", "Jonas", "Lucía", "Marco", "Yuki"};
  /** Customers written per transaction: one commit each would spend the time on commits. */
  private static final int BATCH = 250;
  private static final CurrencyUnit CNY = CurrencyUnit.of("CNY");
  private static final String[] TIERS = {"VIP", "HIGH", "HIGH", "MEDIUM", "MEDIUM", "MEDIUM", "LOW", "LOW", "LOW"};

  private final CrmStores stores;
  private final Instant asOf;
  private final Random random;
  private final Clock clock;
  private final Crm crm;
  private final IdGenerator ids = IdGenerator.timeOrdered();
  private final Merger merger;
  private final List<Customer> customers = new ArrayList<>();
  private final List<NewCustomer> entered = new ArrayList<>();

  private SampleCustomers(CrmStores stores, Instant asOf, long seed) {
    this.stores = stores;
    this.asOf = asOf;
    this.random = new Random(seed);
    this.clock = Clock.fixed(asOf.minus(1, ChronoUnit.HOURS), ZoneOffset.UTC);
    this.crm = Crm.builder().store(stores.base()).clock(clock).build();
    this.merger = Merger.builder().store(stores.dedup()).lifecycle(stores.lifecycle()).clock(clock).build();
  }

  /**
   * Adds {@code count} customers (and about one duplicate for every twenty, merged into them) to
   * {@code stores}, all timed before {@code asOf}, {@value #BATCH} customers per transaction.
   *
   * @throws IllegalArgumentException if {@code count} is below 1
   */
  public static void fill(CrmStores stores, int count, Instant asOf, long seed) {
    Objects.requireNonNull(stores, "stores");
    Objects.requireNonNull(asOf, "asOf");
    if (count < 1) {
      throw new IllegalArgumentException("a sample needs at least one customer, not " + count);
    }
    SampleCustomers sample = new SampleCustomers(stores, asOf, seed);
    for (int from = 0; from < count; from += BATCH) {
      int first = from;
      int to = Math.min(count, from + BATCH);
      stores.base().transactions().inTransaction(() -> {
        sample.addBatch(first, to);
        return null;
      });
    }
  }

  /**
   * Customers {@code from} up to {@code to}, inserted together with the stage and tier their
   * purchases suggest (as an import from a system that had them brings them), their purchases,
   * then a few duplicates merged into earlier customers and a few pairs queued for review.
   */
  private void addBatch(int from, int to) {
    List<Customer> batch = new ArrayList<>(to - from);
    List<Purchase> purchases = new ArrayList<>();
    for (int i = from; i < to; i++) {
      NewCustomer input = person(random, i);
      Customer customer = new Customer.Builder().from(input).id(CustomerId.of(ids.newId())).version(0)
          .createdAt(clock.instant()).updatedAt(clock.instant()).build();
      int bought = random.nextDouble() < 0.75 ? 1 + (int) Math.floor(-Math.log(1 - random.nextDouble()) * 3) : 0;
      for (int p = 0; p < bought; p++) {
        long daysAgo = 1 + (long) (Math.pow(random.nextDouble(), 1.6) * 730);
        purchases.add(crm.newPurchase(customer.id())
            .amount(Money.of(CNY, BigDecimal.valueOf(20 + random.nextInt(2_000) * 1.5)))
            .occurredAt(asOf.minus(daysAgo, ChronoUnit.DAYS)).channel(random.nextBoolean() ? "online" : "store")
            .build());
      }
      customer = customer.withStage(stage(bought));
      if (bought > 0 && random.nextDouble() < 0.85) {
        customer = customer.withTier(ValueTier.of(TIERS[random.nextInt(TIERS.length)]));
      }
      batch.add(customer);
      entered.add(input);
    }
    CustomerImporter.Report report = crm.importer().insertAll(batch);
    if (!report.rejected().isEmpty()) {
      throw new IllegalStateException("sample customers rejected: " + report.rejected());
    }
    stores.base().purchases().recordAll(purchases);
    customers.addAll(batch);
    for (int i = Math.max(1, from); i < to; i++) {
      if (random.nextDouble() < 0.05) {
        int original = random.nextInt(i);
        Customer duplicate = crm.register(entered.get(original)); // the same person entered twice
        merger.merge(customers.get(original).id(), List.of(duplicate.id()), "sample");
      } else if (random.nextDouble() < 0.02) {
        stores.dedup().reviewQueue().enqueue(new ReviewItem(customers.get(i).id().toString(),
            customers.get(random.nextInt(i)).id().toString(), 0.5 + random.nextDouble() * 0.4, List.of(),
            clock.instant()));
      }
    }
  }

  /** Where a customer with this many purchases stands: prospects, new, active, and some drifting away. */
  private LifecycleStage stage(int purchases) {
    if (purchases == 0) {
      return random.nextDouble() < 0.4 ? LifecycleStage.DECIDING : LifecycleStage.PROSPECT;
    }
    double drift = random.nextDouble();
    if (drift < 0.12) {
      return LifecycleStage.CHURNED;
    }
    if (drift < 0.25) {
      return LifecycleStage.AT_RISK;
    }
    return purchases == 1 ? LifecycleStage.NEW : LifecycleStage.ACTIVE;
  }

  private static NewCustomer person(Random random, int number) {
    NewCustomer.Builder person = NewCustomer.person(FAMILY[random.nextInt(FAMILY.length)],
        GIVEN[random.nextInt(GIVEN.length)]);
    if (random.nextDouble() < 0.9) {
      person.addContactPoint(ContactPoint.phone(String.format("+86138%08d", random.nextInt(100_000_000))));
    }
    if (random.nextDouble() < 0.7) {
      person.addContactPoint(ContactPoint.email("customer" + number + "@example.com"));
    }
    return person.build();
  }


}
