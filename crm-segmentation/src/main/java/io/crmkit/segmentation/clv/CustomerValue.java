package io.crmkit.segmentation.clv;

/**
 * What the models say of one customer: how likely they are still buying, how much they will buy
 * over the horizon, what a purchase of theirs will be worth and what that adds up to.
 *
 * @param history the customer's history
 * @param probabilityAlive P(alive) at the end of calibration
 * @param expectedPurchases expected repeat purchases over the whole horizon (undiscounted)
 * @param expectedSpend expected mean spend per purchase (Gamma-Gamma)
 * @param lifetimeValue the discounted value over the horizon ({@link LifetimeValue})
 */
public record CustomerValue(CustomerHistory history, double probabilityAlive, double expectedPurchases,
    double expectedSpend, double lifetimeValue) {}
