package io.crmkit.segmentation.rfm;

import io.crmkit.core.activity.PurchaseSummary;
import io.crmkit.core.customer.CustomerId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/** Summaries written as test data: purchases a number of days before an as-of date. */
final class Summaries {
  static final Instant AS_OF = Instant.parse("2026-01-01T00:00:00Z");
  static final CurrencyUnit EUR = CurrencyUnit.EUR;
  static final CurrencyUnit USD = CurrencyUnit.USD;

  private Summaries() {}

  static CustomerId customer(int n) {
    return CustomerId.of(new UUID(0, n));
  }

  /** A tally of customer {@code n} as of {@link #AS_OF}. */
  static PurchaseSummary.Tally tally(int n) {
    return new PurchaseSummary.Tally(customer(n), AS_OF);
  }

  /** Adds an amount {@code daysAgo} days before {@link #AS_OF}. */
  static PurchaseSummary.Tally add(PurchaseSummary.Tally tally, int daysAgo, CurrencyUnit currency, String amount) {
    return tally.add(AS_OF.minus(daysAgo, ChronoUnit.DAYS), Money.of(currency, new BigDecimal(amount)));
  }

  /** Customer {@code n} with {@code occasions} purchases of {@code each} euros, the last {@code daysAgo} days ago. */
  static PurchaseSummary bought(int n, int daysAgo, int occasions, String each) {
    PurchaseSummary.Tally tally = tally(n);
    for (int i = 0; i < occasions; i++) {
      add(tally, daysAgo + i, EUR, each);
    }
    return tally.summary();
  }
}
