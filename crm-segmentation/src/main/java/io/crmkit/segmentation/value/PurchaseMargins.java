package io.crmkit.segmentation.value;

import io.crmkit.core.activity.Purchase;
import org.joda.money.Money;

/**
 * Port: the margin the caller earned on one purchase, for hosts that know their costs (an ERP's
 * cost of goods) better than a rate can say. Asked only for purchases, never for refunds: a refund
 * takes back margin in proportion, as {@link Margin} describes.
 */
@FunctionalInterface
public interface PurchaseMargins {

  /**
   * The margin earned on {@code purchase} (its amount minus its cost), in the purchase's currency;
   * negative for a sale at a loss, at most the purchase's amount.
   */
  Money marginOf(Purchase purchase);
}
