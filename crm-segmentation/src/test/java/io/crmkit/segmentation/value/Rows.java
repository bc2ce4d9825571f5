package io.crmkit.segmentation.value;

import io.crmkit.core.activity.ActivityId;
import io.crmkit.core.activity.Purchase;
import io.crmkit.core.activity.TimeRange;
import io.crmkit.core.customer.CustomerId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/** Purchases written as test data: amounts a number of days after a start date. */
final class Rows {
  static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
  static final Instant AS_OF = Instant.parse("2026-01-01T00:00:00Z");
  static final TimeRange YEAR = TimeRange.between(START, AS_OF);
  static final CurrencyUnit EUR = CurrencyUnit.EUR;
  static final CurrencyUnit USD = CurrencyUnit.USD;

  private static final AtomicInteger IDS = new AtomicInteger();

  private Rows() {}

  static CustomerId customer(int n) {
    return CustomerId.of(new UUID(0, n));
  }

  static Instant day(int day) {
    return START.plus(day, ChronoUnit.DAYS);
  }

  /** Customer {@code n}'s purchase (or refund, for a negative amount) online, without a category. */
  static Purchase row(int n, int day, CurrencyUnit currency, String amount) {
    return row(n, day, currency, amount, "online", null);
  }

  static Purchase row(int n, int day, CurrencyUnit currency, String amount, String channel, String category) {
    return new Purchase.Builder().id(ActivityId.of(new UUID(7, IDS.incrementAndGet()))).customerId(customer(n))
        .occurredAt(day(day)).amount(Money.of(currency, new BigDecimal(amount))).channel(channel)
        .category(Optional.ofNullable(category)).build();
  }

  static Money eur(String amount) {
    return Money.of(EUR, new BigDecimal(amount));
  }
}
