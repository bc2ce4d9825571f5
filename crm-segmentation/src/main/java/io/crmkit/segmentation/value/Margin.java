package io.crmkit.segmentation.value;

import io.crmkit.core.activity.Purchase;
import io.crmkit.core.common.Require;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How the margin of a purchase is known: {@link #rate one rate} for everything, {@link #rates rates
 * by category and channel} with a default, or {@link #from the caller's function}. Without a
 * {@code Margin}, historical value says the margin is unknown, never zero.
 *
 * <p><b>Refunds</b> take back margin in proportion to their amount. With rates, a refund is taken
 * back at its own rate (the rate of its category and channel): a refund of {@code -40} at 25 %
 * lowers the margin by 10, so with one rate r the margin is exactly r × net value. With a
 * function, which is asked for purchases only, refunds are taken back at the customer's margin
 * ratio in that currency over the same window: margin = (purchase margins) × net / purchases. A
 * customer with refunds but no purchase in a currency then has no ratio, and that currency's
 * margin is unknown.
 *
 * <p>Rates are fractions of the amount in [0, 1] (0.25 is 25 %): a sale at a loss cannot be
 * described by a rate, use a function for that.
 */
public sealed interface Margin {

  /**
   * One margin rate for every purchase.
   *
   * @throws IllegalArgumentException if {@code rate} is outside [0, 1]
   */
  static Margin rate(BigDecimal rate) {
    return rates(rate).build();
  }

  /** Rates by category and channel, {@code defaultRate} for purchases no rule names. */
  static Rates.Builder rates(BigDecimal defaultRate) {
    return new Rates.Builder(defaultRate);
  }

  /** Margins from the caller, per purchase. */
  static Margin from(PurchaseMargins margins) {
    return new FromFunction(margins);
  }

  /**
   * Margin rates looked up most specific first: the purchase's category and channel together, then
   * its category, then its channel, then the default. Names match exactly (case counts).
   */
  final class Rates implements Margin {
    private final BigDecimal defaultRate;
    private final Map<String, BigDecimal> byCategory;
    private final Map<String, BigDecimal> byChannel;
    private final Map<Map.Entry<String, String>, BigDecimal> byCategoryAndChannel;

    private Rates(Builder builder) {
      this.defaultRate = builder.defaultRate;
      this.byCategory = Map.copyOf(builder.byCategory);
      this.byChannel = Map.copyOf(builder.byChannel);
      this.byCategoryAndChannel = Map.copyOf(builder.byCategoryAndChannel);
    }

    /** The rate of {@code purchase} (a purchase or a refund), in [0, 1]. */
    public BigDecimal rateOf(Purchase purchase) {
      Objects.requireNonNull(purchase, "purchase");
      Optional<String> category = purchase.category();
      if (category.isPresent()) {
        BigDecimal both = byCategoryAndChannel.get(Map.entry(category.get(), purchase.channel()));
        if (both != null) {
          return both;
        }
        BigDecimal rate = byCategory.get(category.get());
        if (rate != null) {
          return rate;
        }
      }
      return byChannel.getOrDefault(purchase.channel(), defaultRate);
    }

    /** Configures {@link Rates}. Not thread-safe. */
    public static final class Builder {
      private final BigDecimal defaultRate;
      private final Map<String, BigDecimal> byCategory = new HashMap<>();
      private final Map<String, BigDecimal> byChannel = new HashMap<>();
      private final Map<Map.Entry<String, String>, BigDecimal> byCategoryAndChannel = new HashMap<>();

      private Builder(BigDecimal defaultRate) {
        this.defaultRate = checked(defaultRate, "the default rate");
      }

      /** The rate of purchases in {@code category}, unless a rule for the category and channel applies. */
      public Builder category(String category, BigDecimal rate) {
        put(byCategory, Require.notBlank(category, "category"), checked(rate, "the rate of category " + category));
        return this;
      }

      /** The rate of purchases through {@code channel} that no category rule covers. */
      public Builder channel(String channel, BigDecimal rate) {
        put(byChannel, Require.notBlank(channel, "channel"), checked(rate, "the rate of channel " + channel));
        return this;
      }

      /** The rate of purchases in {@code category} through {@code channel}: the most specific rule. */
      public Builder categoryAndChannel(String category, String channel, BigDecimal rate) {
        Require.notBlank(category, "category");
        Require.notBlank(channel, "channel");
        put(byCategoryAndChannel, Map.entry(category, channel),
            checked(rate, "the rate of category " + category + " through channel " + channel));
        return this;
      }

      /** The rates. */
      public Margin build() {
        return new Rates(this);
      }

      private static <K> void put(Map<K, BigDecimal> rates, K key, BigDecimal rate) {
        Require.argument(rates.putIfAbsent(key, rate) == null, "a margin rate for %s is given twice", key);
      }

      private static BigDecimal checked(BigDecimal rate, String what) {
        Objects.requireNonNull(rate, what);
        Require.argument(rate.signum() >= 0 && rate.compareTo(BigDecimal.ONE) <= 0,
            "%s must be a fraction in [0, 1] (0.25 for 25 %), got %s", what, rate);
        return rate;
      }
    }
  }

  /** See {@link Margin#from}. */
  record FromFunction(PurchaseMargins margins) implements Margin {
    public FromFunction {
      Objects.requireNonNull(margins, "margins");
    }
  }
}
