package io.crmkit.segmentation.clv;

/**
 * One fitted parameter with its standard error, from the observed information matrix: the
 * parameter is known to about ± 2 standard errors.
 *
 * @param name the parameter's name ({@code r}, {@code alpha}, ...)
 * @param value the maximum-likelihood estimate
 * @param standardError the square root of the inverse information's diagonal entry; NaN when the
 *     information matrix could not be inverted (the fit then says it did not converge)
 */
public record Estimate(String name, double value, double standardError) {}
