package io.crmkit.core.dimension;

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
}
