package io.crmkit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.activity.ActivityId;
import io.crmkit.core.activity.ActivityLog;
import io.crmkit.core.activity.Purchase;
import io.crmkit.core.activity.Purchases;
import io.crmkit.core.activity.TimeRange;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.testkit.CrmArbitraries;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * The contract of the {@link Purchases} port. Extend it and return a fresh, empty store from
 * {@link #newPurchases()}:
 *
 * <pre>{@code
 * class JdbcPurchasesTest extends PurchasesContract {
 *   @Override
 *   protected Purchases newPurchases() {
 *     return freshStore().purchases();
 *   }
 * }
 * }</pre>
 *
 * <p>Besides what every activity log must do (see {@link ActivityLogContract}), purchases must keep
 * their money exactly, currency and scale, and refunds their negative amounts.
 */
public abstract class PurchasesContract extends ActivityLogContract<Purchase> {

  /** Subclasses implement {@link #newPurchases()}. */
  protected PurchasesContract() {}

  /** A new, empty purchase store; called at the start of every try of every property. */
  protected abstract Purchases newPurchases();

  @Property
  public void moneyRoundTripsWithItsCurrencyAndScale(@ForAll("activity") Purchase purchase) {
    Purchases store = newPurchases();
    store.record(purchase);

    Purchase read = store.forCustomer(purchase.customerId(), TimeRange.all()).get(0);

    assertThat(read).isEqualTo(purchase);
    assertThat(read.amount().getCurrencyUnit()).isEqualTo(purchase.amount().getCurrencyUnit());
    assertThat(read.amount().getAmount()).isEqualByComparingTo(purchase.amount().getAmount());
    assertThat(read.amount().getAmount().scale()).isEqualTo(purchase.amount().getAmount().scale());
  }

  @Example
  public void refundsKeepTheirNegativeAmounts() {
    Purchases store = newPurchases();
    CustomerId customer = CustomerId.of(new UUID(0, 99));
    List<Purchase> refunds = List.of(
        refund(customer, 1, Money.of(CurrencyUnit.EUR, new BigDecimal("-12.34"))),
        refund(customer, 2, Money.of(CurrencyUnit.JPY, new BigDecimal("-500"))),
        refund(customer, 3, Money.of(CurrencyUnit.of("BHD"), new BigDecimal("-1.235"))),
        refund(customer, 4, Money.of(CurrencyUnit.of("CNY"), new BigDecimal("-99999999.99"))));

    store.recordAll(refunds);

    assertThat(store.forCustomer(customer, TimeRange.all())).isEqualTo(refunds)
        .allMatch(Purchase::isRefund);
  }

  @Override
  final ActivityLog<Purchase> newLog() {
    return newPurchases();
  }

  @Override
  final Arbitrary<Purchase> activities(Arbitrary<CustomerId> customers, Arbitrary<Instant> times) {
    return CrmArbitraries.purchases(customers, times);
  }

  @Override
  final Purchase movedTo(Purchase purchase, Instant at) {
    return new Purchase.Builder().from(purchase).occurredAt(at).build();
  }

  /** Another amount: the one field every purchase has and every adapter must compare. */
  @Override
  final Purchase withDifferentContent(Purchase purchase) {
    Money amount = purchase.amount();
    return new Purchase.Builder().from(purchase).amount(amount.plus(Money.ofMinor(amount.getCurrencyUnit(), 1))).build();
  }

  private static Purchase refund(CustomerId customer, int n, Money amount) {
    return new Purchase.Builder()
        .id(ActivityId.of(new UUID(n, n)))
        .customerId(customer)
        .occurredAt(Instant.parse("2025-03-0" + n + "T10:15:30.123456Z"))
        .amount(amount)
        .channel("store")
        .quantity(n)
        .orderReference("SO-2025-00000" + n)
        .build();
  }
}
