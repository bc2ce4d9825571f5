package io.crmkit.examples.cli;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.segmentation.rfm.RfmResult.CustomerRfm;
import io.crmkit.segmentation.tier.TierLabels;
import io.crmkit.segmentation.tier.TierMetric;
import io.crmkit.segmentation.tier.Tiering;
import java.util.Locale;
import java.util.function.Function;

/**
 * The {@code --tiers} and {@code --tier-labels} options of {@code crmkit rfm}: three tiers, best
 * first, by one of three small specifications, each with two numbers for the two upper tiers:
 *
 * <ul>
 *   <li>{@code pareto:80,15}: the fewest customers holding 80% of the value (monetary), then those
 *       holding the next 15%, then the rest;
 *   <li>{@code quantile:20,30}: the top 20% of customers by monetary, the next 30%, the rest;
 *   <li>{@code monetary:1000,200}, {@code frequency:10,3}, {@code score:13,9}: rules, a metric at
 *       or above the first number, else at or above the second, else the last tier ({@code score}
 *       is R + F + M, 3..15).
 * </ul>
 *
 * <p>Shares are per tier rather than cumulative because that is how people say them ("the top
 * 20%, then the next 30%"); {@link Tiering} takes them cumulative.
 *
 * @param text the specification as given, for the summary
 * @param tiering the tiering it describes
 * @param labels the tiers' names, best first
 */
record TierOption(String text, Tiering<CustomerRfm> tiering, TierLabels labels) {

  /** The default specification. */
  static final String DEFAULT = "pareto:80,15";

  /**
   * Reads the two options.
   *
   * @param spec as in the class comment
   * @param labelNames {@code high-medium-low} or {@code vip-regular-potential}
   * @throws CliException usage if either is malformed
   */
  static TierOption parse(String spec, String labelNames) {
    TierLabels labels = labels(labelNames);
    String text = spec.strip();
    int colon = text.indexOf(':');
    if (colon < 0) {
      throw usage(spec, "it has no colon");
    }
    String kind = text.substring(0, colon).strip().toLowerCase(Locale.ROOT);
    String[] parts = text.substring(colon + 1).split(",", -1);
    if (parts.length != 2) {
      throw usage(spec, "it needs two numbers, for the two upper of three tiers");
    }
    double first = number(spec, parts[0]);
    double second = number(spec, parts[1]);
    Function<CustomerRfm, CustomerId> id = CustomerRfm::customerId;
    Tiering<CustomerRfm> tiering = switch (kind) {
      case "pareto" -> Tiering.byParetoShare(id, TierMetric.RFM_MONETARY, labels, shares(spec, first, second));
      case "quantile" -> Tiering.byQuantiles(id, TierMetric.RFM_MONETARY, labels, shares(spec, first, second));
      case "monetary" -> rules(spec, TierMetric.RFM_MONETARY, labels, first, second);
      case "frequency" -> rules(spec, TierMetric.RFM_FREQUENCY, labels, first, second);
      case "score" -> rules(spec, TierMetric.RFM_SCORE_SUM, labels, first, second);
      default -> throw usage(spec, "the kind must be pareto, quantile, monetary, frequency or score, not " + kind);
    };
    return new TierOption(text, tiering, labels);
  }

  private static TierLabels labels(String names) {
    return switch (names.strip().toLowerCase(Locale.ROOT)) {
      case "high-medium-low" -> TierLabels.highMediumLow();
      case "vip-regular-potential" -> TierLabels.vipRegularPotential();
      default -> throw CliException.usage("--tier-labels must be high-medium-low or vip-regular-potential, not " + names);
    };
  }

  /** Per-tier percentages as the cumulative shares {@link Tiering} takes. */
  private static double[] shares(String spec, double first, double second) {
    if (first <= 0 || second <= 0 || first + second > 100) {
      throw usage(spec, "the percentages must be more than 0 and add up to 100 at most");
    }
    return new double[] {first / 100, (first + second) / 100};
  }

  private static Tiering<CustomerRfm> rules(String spec, TierMetric<CustomerRfm> metric, TierLabels labels,
      double top, double middle) {
    if (top <= middle) {
      throw usage(spec, "the first threshold is the top tier's and must be above the second");
    }
    return Tiering.<CustomerRfm>byRules(CustomerRfm::customerId)
        .rule(labels.get(0), metric, top)
        .rule(labels.get(1), metric, middle)
        .otherwise(labels.get(2));
  }

  private static double number(String spec, String text) {
    try {
      double value = Double.parseDouble(text.strip());
      if (Double.isFinite(value)) {
        return value;
      }
    } catch (NumberFormatException e) {
      // named below
    }
    throw usage(spec, "\"" + text.strip() + "\" is not a number");
  }

  private static CliException usage(String spec, String why) {
    return CliException.usage("--tiers " + spec + " is not pareto:A,B, quantile:A,B or METRIC:X,Y: " + why);
  }
}
