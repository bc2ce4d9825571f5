package io.crmkit.segmentation.rfm;

import io.crmkit.core.common.CrmException;
import io.crmkit.core.customer.CustomerId;
import java.util.Objects;
import java.util.Set;
import org.joda.money.CurrencyUnit;

/**
 * A customer's amounts are in a currency the analysis cannot add to its own: no conversion was
 * configured, or the {@link ExchangeRates} had no rate. Amounts are never summed across currencies
 * blindly, so the analysis stops and names the customer and the currencies.
 */
public final class CurrencyMismatchException extends CrmException {
  private static final long serialVersionUID = 1L;

  private final transient CustomerId customerId;
  private final transient Set<CurrencyUnit> currencies;

  /**
   * @param customerId the customer whose amounts could not be added up
   * @param currencies every currency the customer's amounts are in
   * @param message what went wrong and what to do instead
   */
  public CurrencyMismatchException(CustomerId customerId, Set<CurrencyUnit> currencies, String message) {
    super(message);
    this.customerId = Objects.requireNonNull(customerId, "customerId");
    this.currencies = Set.copyOf(currencies);
  }

  /** The customer whose amounts could not be added up. */
  public CustomerId customerId() {
    return customerId;
  }

  /** Every currency the customer's amounts are in. */
  public Set<CurrencyUnit> currencies() {
    return currencies;
  }
}
