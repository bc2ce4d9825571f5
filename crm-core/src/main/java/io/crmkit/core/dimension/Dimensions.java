package io.crmkit.core.dimension;

import java.util.Objects;

/**
 * Conventional dimension names: the keys of {@link io.crmkit.core.customer.CustomerDetails#dimensionCodes()}
 * that crmkit's rules and examples use. Any other name works the same way.
 */
public final class Dimensions {
  /** Region, for example a GB/T 2260 division code. */
  public static final String REGION = "region";
  /** Industry, for example a GB/T 4754 class. */
  public static final String INDUSTRY = "industry";
  /** Country, ISO 3166-1 alpha-2. */
  public static final String COUNTRY = "country";
  /** Customer type (B2B, B2C, ...). */
  public static final String CUSTOMER_TYPE = "customer-type";
  /** Acquisition channel. */
  public static final String CHANNEL = "channel";

  private Dimensions() {}

  /**
   * Where a customer's code in {@code dimension} is, as a {@link io.crmkit.core.common.Violation}
   * path: {@code dimensionCodes[region]}, the name validation gives it. Every dimension report
   * names codes this way, so that one list of problems reads alike.
   */
  public static String path(String dimension) {
    return "dimensionCodes[" + Objects.requireNonNull(dimension, "dimension") + "]";
  }
}
