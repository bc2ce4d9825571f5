package io.crmkit.segmentation.clv;

import io.crmkit.core.common.Require;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One raw transaction: who bought, on which day, how much, in which currency. Negative amounts
 * are refunds, which {@link ClvInputs} leaves out of the model (see there).
 *
 * @param customer the customer's key, as the source names them
 * @param date the day of the purchase (purchases of one day are one purchase to the model)
 * @param amount the amount; negative for a refund
 * @param currency the currency code, or {@link #UNSTATED} when the source gives none (all
 *     transactions then count as one currency)
 */
public record Transaction(String customer, LocalDate date, BigDecimal amount, String currency) {

  /** The currency of transactions whose source states none. */
  public static final String UNSTATED = "";

  /**
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if the customer key is blank
   */
  public Transaction {
    Require.notBlank(customer, "customer");
    Require.notNull(date, "date");
    Require.notNull(amount, "amount");
    Require.notNull(currency, "currency");
  }

  /** A transaction without a stated currency. */
  public static Transaction of(String customer, LocalDate date, BigDecimal amount) {
    return new Transaction(customer, date, amount, UNSTATED);
  }

  /** Whether this is a refund (a negative amount). */
  public boolean isRefund() {
    return amount.signum() < 0;
  }
}
