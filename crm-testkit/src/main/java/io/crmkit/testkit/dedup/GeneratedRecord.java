package io.crmkit.testkit.dedup;

import io.crmkit.core.common.Require;
import io.crmkit.core.dedup.MatchInput;
import java.util.Set;

/**
 * One record a {@link DuplicateGenerator} made, with its ground truth: the customer (entity) it
 * really belongs to, and how it departs from that customer's true values.
 *
 * @param input the record as a source wrote it
 * @param entityId the true customer; records with the same entity id are duplicates of each other
 * @param variations the variations applied to this record
 * @param eligibleVariations the variations that could have applied to it (a superset of {@code
 *     variations}), so that rates can be measured
 */
public record GeneratedRecord(MatchInput input, String entityId, Set<Variation> variations,
    Set<Variation> eligibleVariations) {

  /**
   * @throws NullPointerException if an argument is {@code null}
   * @throws IllegalArgumentException if a variation was applied that was not eligible
   */
  public GeneratedRecord {
    Require.notNull(input, "input");
    Require.notBlank(entityId, "entityId");
    variations = Set.copyOf(Require.notNull(variations, "variations"));
    eligibleVariations = Set.copyOf(Require.notNull(eligibleVariations, "eligibleVariations"));
    Require.argument(eligibleVariations.containsAll(variations),
        "applied variations %s must be eligible, eligible are %s", variations, eligibleVariations);
  }

  /** The record's id, {@code input().id()}. */
  public String id() {
    return input.id();
  }
}
