package io.crmkit.examples.report;

import io.crmkit.core.Crm;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.customer.ValueTier;
import io.crmkit.core.dedup.merge.Merger;
import io.crmkit.core.dedup.review.ReviewItem;
import io.crmkit.core.lifecycle.LifecycleEngine;
import io.crmkit.core.lifecycle.Trigger;
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
 * A small, seeded set of customers for a report to show: persons with phones and e-mails (a few
 * of them invalid), purchases over the two years before the report's day, value tiers, lifecycle
 * moves fired through the {@link LifecycleEngine}, duplicates merged with the {@link Merger} and a
 * few pairs queued for review. For trying {@code crmkit report} and for CI's rendering check; the
 * {@code demo} command generates a realistic set with the test kit.
 */
public final class SampleCustomers {
  private static final String[] FAMILY = {"王", "李", "张", "刘", "陈", "Smith", "Müller", "García", "Rossi", "Tanaka"};
  private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "Mary", "Jonas", "Lucía", "Marco", "Yuki"};
  private static final String[] TIERS = {"VIP", "HIGH", "HIGH", "MEDIUM", "MEDIUM", "MEDIUM", "LOW", "LOW", "LOW"};

  private SampleCustomers() {}

  /**
   * Adds {@code count} customers (and about one duplicate for every twenty, merged into them) to
   * {@code stores}, all timed before {@code asOf}.
   *
   * @throws IllegalArgumentException if {@code count} is below 1
   */
  public static void fill(CrmStores stores, int count, Instant asOf, long seed) {
    Objects.requireNonNull(stores, "stores");
    Objects.requireNonNull(asOf, "asOf");
    if (count < 1) {
      throw new IllegalArgumentException("a sample needs at least one customer, not " + count);
    }
    Random random = new Random(seed);
    Clock clock = Clock.fixed(asOf.minus(1, ChronoUnit.HOURS), ZoneOffset.UTC);
    Crm crm = Crm.builder().store(stores.base()).clock(clock).build();
    LifecycleEngine lifecycle = LifecycleEngine.builder().store(stores.lifecycle()).clock(clock).build();
    Merger merger = Merger.builder().store(stores.dedup()).lifecycle(stores.lifecycle()).clock(clock).build();
    List<Customer> customers = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Customer customer = crm.register(person(random, i));
      int purchases = random.nextDouble() < 0.75 ? 1 + (int) Math.floor(-Math.log(1 - random.nextDouble()) * 3) : 0;
      for (int p = 0; p < purchases; p++) {
        long daysAgo = 1 + (long) (Math.pow(random.nextDouble(), 1.6) * 730);
        crm.recordPurchase(crm.newPurchase(customer.id())
            .amount(Money.of(CurrencyUnit.of("CNY"), BigDecimal.valueOf(20 + random.nextInt(2_000) * 1.5)))
            .occurredAt(asOf.minus(daysAgo, ChronoUnit.DAYS)).channel(random.nextBoolean() ? "online" : "store")
            .build());
      }
      if (purchases > 0 && random.nextDouble() < 0.85) {
        customer = crm.update(customer.withTier(ValueTier.of(TIERS[random.nextInt(TIERS.length)])));
      }
      move(lifecycle, customer, purchases, random);
      customers.add(customer);
      if (i > 0 && random.nextDouble() < 0.05) {
        Customer original = customers.get(random.nextInt(i));
        Customer duplicate = crm.register(person(new Random(seed + original.hashCode()), i));
        merger.merge(original.id(), List.of(duplicate.id()), "sample");
      } else if (i > 0 && random.nextDouble() < 0.02) {
        stores.dedup().reviewQueue().enqueue(new ReviewItem(customer.id().toString(),
            customers.get(random.nextInt(i)).id().toString(), 0.5 + random.nextDouble() * 0.4, List.of(),
            clock.instant()));
      }
    }
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

  /** Moves a customer along the standard lifecycle as their purchases suggest, with some drifting away. */
  private static void move(LifecycleEngine lifecycle, Customer customer, int purchases, Random random) {
    if (purchases == 0) {
      if (random.nextDouble() < 0.4) {
        lifecycle.fire(customer.id(), Trigger.EVALUATION_STARTED, "sample", null);
      }
      return;
    }
    lifecycle.fire(customer.id(), Trigger.FIRST_PURCHASE, "sample", null);
    if (purchases > 1) {
      lifecycle.fire(customer.id(), Trigger.REPEAT_PURCHASE, "sample", null);
    }
    if (random.nextDouble() < 0.25) {
      lifecycle.fire(customer.id(), Trigger.INACTIVITY, "sample", null);
      if (random.nextDouble() < 0.5) {
        lifecycle.fire(customer.id(), Trigger.STAGE_TIMEOUT, "sample", null);
      }
    }
  }
}
