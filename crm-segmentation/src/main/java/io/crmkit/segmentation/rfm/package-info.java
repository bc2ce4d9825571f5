/**
 * RFM: recency, frequency and monetary value per customer from the bulk purchase summaries
 * ({@link io.crmkit.core.activity.Purchases#summaries}), read in chunks so a store of millions is
 * never read customer by customer; scores 1..5 by quintile or by fixed thresholds
 * ({@link io.crmkit.segmentation.rfm.RfmScoring}); and the 11-segment map on the recency score and
 * the combined frequency/monetary score ({@link io.crmkit.segmentation.rfm.SegmentMap}).
 *
 * <p>Amounts in several currencies are never added up as they are: an analysis runs in one
 * currency ({@link io.crmkit.segmentation.rfm.CurrencyPolicy}), converting other currencies only
 * through {@link io.crmkit.segmentation.rfm.ExchangeRates} the caller supplies, and otherwise fails
 * naming the customer and the currencies.
 *
 * <p>Depends on crm-core's {@code activity}, {@code customer} and {@code common} packages only.
 */
package io.crmkit.segmentation.rfm;
