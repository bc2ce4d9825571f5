package io.crmkit.segmentation.tier;

import io.crmkit.core.common.Require;
import io.crmkit.core.customer.ValueTier;
import java.util.HashSet;
import java.util.List;

/**
 * The tiers of a tiering, best first: the names users expect ({@link #highMediumLow()},
 * {@link #vipRegularPotential()}) or a company's own ({@link #of}).
 *
 * @param tiers at least two distinct tiers, best first
 */
public record TierLabels(List<ValueTier> tiers) {
  /** The middle tier of {@link #vipRegularPotential()}: customers who buy as most do. */
  public static final ValueTier REGULAR = ValueTier.of("REGULAR");
  /** The lowest tier of {@link #vipRegularPotential()}: customers worth developing. */
  public static final ValueTier POTENTIAL = ValueTier.of("POTENTIAL");

  /** @throws IllegalArgumentException if there are fewer than two tiers or one repeats */
  public TierLabels {
    tiers = List.copyOf(tiers);
    Require.argument(tiers.size() >= 2, "a tiering needs at least two tiers, got %s", tiers);
    Require.argument(new HashSet<>(tiers).size() == tiers.size(), "tiers must be distinct, got %s", tiers);
  }

  /** HIGH, MEDIUM, LOW. */
  public static TierLabels highMediumLow() {
    return new TierLabels(List.of(ValueTier.HIGH, ValueTier.MEDIUM, ValueTier.LOW));
  }

  /** VIP, REGULAR, POTENTIAL. */
  public static TierLabels vipRegularPotential() {
    return new TierLabels(List.of(ValueTier.VIP, REGULAR, POTENTIAL));
  }

  /** The given tiers, best first. */
  public static TierLabels of(ValueTier... tiers) {
    return new TierLabels(List.of(tiers));
  }

  /** The best tier. */
  public ValueTier top() {
    return tiers.get(0);
  }

  /** The lowest tier, for everyone no better tier claims. */
  public ValueTier last() {
    return tiers.get(tiers.size() - 1);
  }

  /** How many tiers. */
  public int size() {
    return tiers.size();
  }

  /** The tier at {@code rank}, 0 being the best. */
  public ValueTier get(int rank) {
    return tiers.get(rank);
  }
}
