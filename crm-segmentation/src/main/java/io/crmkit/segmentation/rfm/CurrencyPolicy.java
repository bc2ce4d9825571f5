package io.crmkit.segmentation.rfm;

import io.crmkit.core.activity.PurchaseSummary;
import io.crmkit.core.activity.PurchaseSummary.CurrencyTotals;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.joda.money.CurrencyUnit;

/**
 * The one currency an RFM analysis measures monetary value in, and what happens to amounts in
 * other currencies: refused ({@link #only}) or converted at the caller's rates as of the summary's
 * {@code asOf} ({@link #convertedTo}). To analyse each currency apart, group the customers by
 * currency ({@link RfmAnalysis#byCurrency}) and run one analysis per currency with {@link #only}.
 */
public sealed interface CurrencyPolicy {

  /** The currency monetary values are expressed in. */
  CurrencyUnit currency();

  /**
   * The net total of {@code summary} (purchases minus refunds, every currency) in {@link #currency()},
   * exact in the currency's scale for one currency, and rounded half to even to it after conversion.
   *
   * @throws CurrencyMismatchException if the summary holds an amount this policy cannot express in
   *     its currency, naming the customer and its currencies
   */
  BigDecimal netTotal(PurchaseSummary summary);

  /** Every amount must be in {@code currency}; a customer with any other is an error. */
  static CurrencyPolicy only(CurrencyUnit currency) {
    return new Only(currency);
  }

  /** Amounts in other currencies are converted into {@code currency} with {@code rates}. */
  static CurrencyPolicy convertedTo(CurrencyUnit currency, ExchangeRates rates) {
    return new Converted(currency, rates);
  }

  /** See {@link CurrencyPolicy#only}. */
  record Only(CurrencyUnit currency) implements CurrencyPolicy {
    public Only {
      Objects.requireNonNull(currency, "currency");
    }

    @Override
    public BigDecimal netTotal(PurchaseSummary summary) {
      Map<CurrencyUnit, CurrencyTotals> totals = summary.byCurrency();
      CurrencyTotals mine = totals.get(currency);
      if (totals.size() > (mine == null ? 0 : 1)) {
        throw new CurrencyMismatchException(summary.customerId(), totals.keySet(), "customer " + summary.customerId()
            + " has amounts in " + new TreeSet<>(totals.keySet()) + ", but the analysis is in " + currency
            + " only: analyse each currency apart (RfmAnalysis.byCurrency) or convert with"
            + " CurrencyPolicy.convertedTo(currency, rates)");
      }
      return mine == null ? BigDecimal.ZERO.setScale(currency.getDecimalPlaces()) : mine.total().getAmount();
    }
  }

  /** See {@link CurrencyPolicy#convertedTo}. */
  record Converted(CurrencyUnit currency, ExchangeRates rates) implements CurrencyPolicy {
    public Converted {
      Objects.requireNonNull(currency, "currency");
      Objects.requireNonNull(rates, "rates");
    }

    @Override
    public BigDecimal netTotal(PurchaseSummary summary) {
      BigDecimal sum = BigDecimal.ZERO;
      for (CurrencyTotals totals : summary.byCurrency().values()) {
        BigDecimal amount = totals.total().getAmount();
        if (!totals.currency().equals(currency)) {
          BigDecimal rate = rates.rate(totals.currency(), currency, summary.asOf()).orElseThrow(
              () -> new CurrencyMismatchException(summary.customerId(), summary.byCurrency().keySet(), "customer "
                  + summary.customerId() + " has amounts in " + new TreeSet<>(summary.byCurrency().keySet())
                  + ", but there is no rate from " + totals.currency() + " to " + currency + " at "
                  + summary.asOf()));
          amount = amount.multiply(rate);
        }
        sum = sum.add(amount);
      }
      return sum.setScale(currency.getDecimalPlaces(), RoundingMode.HALF_EVEN);
    }
  }
}
