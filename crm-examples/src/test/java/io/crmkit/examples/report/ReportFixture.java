package io.crmkit.examples.report;

import io.crmkit.core.Crm;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.customer.ValueTier;
import io.crmkit.core.dedup.merge.Merge;
import io.crmkit.core.dedup.merge.Merger;
import io.crmkit.core.dedup.review.ReviewItem;
import io.crmkit.io.CrmStores;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * A store whose report figures are known by construction, on any technology:
 *
 * <ul>
 *   <li>ten customers: 3 VIP, 2 HIGH, 5 without a tier; 2 ACTIVE, 1 AT_RISK, the rest PROSPECT;</li>
 *   <li>customers 0..4 bought once each in CNY, 10, 20, 30, 40 and 50 days before {@link #AS_OF};
 *       customer 5 only after it; customer 6 in USD;</li>
 *   <li>seven more customers for deduplication: 10 absorbed 11; 12 absorbed 13, then 14 absorbed 12
 *       (a chain: one cluster of three); 15 absorbed 16 and the merge was undone;</li>
 *   <li>two pairs wait for review.</li>
 * </ul>
 *
 * So 14 customers remain: tiers VIP 3, HIGH 2, none 9; stages ACTIVE 2, AT_RISK 1, PROSPECT 11; RFM
 * scores 5 in CNY, 8 have no purchase before {@link #AS_OF}, 1 bought in another currency; 3 merges
 * in effect absorbed 3 customers in clusters of 2 and 3, 1 merge undone, 2 pairs to review.
 */
public final class ReportFixture {
  public static final Instant AS_OF = Instant.parse("2025-07-01T00:00:00Z");
  static final CurrencyUnit CNY = CurrencyUnit.of("CNY");

  private ReportFixture() {}

  public static void fill(CrmStores stores) {
    Clock clock = Clock.fixed(AS_OF.minus(100, ChronoUnit.DAYS), ZoneOffset.UTC);
    Crm crm = Crm.builder().store(stores.base()).clock(clock).build();
    List<Customer> customers = new ArrayList<>();
    for (int i = 0; i < 17; i++) {
      customers.add(crm.register(NewCustomer.person("Family" + (char) ('A' + i), "Given" + i)
          .addContactPoint(ContactPoint.email("person" + i + "@example.com")).build()));
    }
    String[] tiers = {"VIP", "VIP", "VIP", "HIGH", "HIGH"};
    for (int i = 0; i < tiers.length; i++) {
      customers.set(i, crm.update(customers.get(i).withTier(ValueTier.of(tiers[i]))));
    }
    LifecycleStage[] stages = {LifecycleStage.ACTIVE, LifecycleStage.ACTIVE, LifecycleStage.AT_RISK};
    for (int i = 0; i < stages.length; i++) {
      customers.set(i, stores.base().customers().save(customers.get(i).withStage(stages[i])));
    }
    for (int i = 0; i < 5; i++) {
      buy(crm, customers.get(i), CNY, "100.0" + i, AS_OF.minus(10L * (i + 1), ChronoUnit.DAYS));
    }
    buy(crm, customers.get(5), CNY, "70.00", AS_OF.plus(1, ChronoUnit.DAYS));
    buy(crm, customers.get(6), CurrencyUnit.USD, "20.00", AS_OF.minus(5, ChronoUnit.DAYS));

    Merger merger = Merger.builder().store(stores.dedup()).lifecycle(stores.lifecycle()).clock(clock).build();
    merger.merge(customers.get(10).id(), List.of(customers.get(11).id()), "test");
    merger.merge(customers.get(12).id(), List.of(customers.get(13).id()), "test");
    merger.merge(customers.get(14).id(), List.of(customers.get(12).id()), "test");
    Merge undone = merger.merge(customers.get(15).id(), List.of(customers.get(16).id()), "test").merge();
    merger.unmerge(undone.id(), "test");

    stores.dedup().reviewQueue().enqueue(new ReviewItem(customers.get(7).id().toString(),
        customers.get(8).id().toString(), 0.6, List.of(), clock.instant()));
    stores.dedup().reviewQueue().enqueue(new ReviewItem(customers.get(8).id().toString(),
        customers.get(9).id().toString(), 0.7, List.of(), clock.instant()));
  }

  private static void buy(Crm crm, Customer customer, CurrencyUnit currency, String amount, Instant at) {
    crm.recordPurchase(crm.newPurchase(customer.id()).amount(Money.of(currency, new BigDecimal(amount)))
        .occurredAt(at).channel("online").build());
  }
}
