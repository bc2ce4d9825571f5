/**
 * Historical customer value: what each customer has bought, had refunded and is worth net, per
 * currency, over a window as of a date, and the margin earned when a {@link
 * io.crmkit.segmentation.value.Margin} is given. Apart from {@code clv}, whose models predict
 * future buying and deliberately leave refunds out, this is bookkeeping over the recorded purchases.
 * Read from a store in bulk or from a collection of purchases ({@link
 * io.crmkit.segmentation.value.HistoricalValues}); recordable as computed metrics so segments can
 * select by them ({@link io.crmkit.segmentation.value.HistoricalValueMetrics}).
 */
package io.crmkit.segmentation.value;
