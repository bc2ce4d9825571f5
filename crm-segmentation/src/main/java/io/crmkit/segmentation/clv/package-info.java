/**
 * Predictive lifetime value: the BG/NBD model of repeat purchases and drop-out (Fader, Hardie and
 * Lee 2005) and the Gamma-Gamma model of spend, fitted by maximum likelihood, with the model's
 * input derived from raw transactions ({@link io.crmkit.segmentation.clv.ClvInputs}), honest fits
 * ({@link io.crmkit.segmentation.clv.ModelFit}: standard errors and a convergence verdict),
 * lifetime value over a discounted horizon ({@link io.crmkit.segmentation.clv.LifetimeValue}) and
 * the calibration/holdout check ({@link io.crmkit.segmentation.clv.HoldoutComparison}).
 *
 * <p>Everything here is a pure function over plain values: no store is needed for the math, and a
 * store's customers are scored by reading their purchases first.
 */
package io.crmkit.segmentation.clv;
