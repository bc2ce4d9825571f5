package io.crmkit.core.dedup.merge;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.crmkit.core.common.Require;
import io.crmkit.core.customer.CustomerId;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.immutables.value.Value;

/**
 * What one merge did, kept by {@link MergeLineage}: enough to undo it exactly and to explain the
 * golden record it made.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableMerge.class)
@JsonDeserialize(as = ImmutableMerge.class)
public interface Merge {

  /**
   * Merges by id, the UUIDs compared as unsigned 128-bit numbers, as databases sort them: the
   * order of {@link MergeLineage#stream}.
   */
  Comparator<Merge> ID_ORDER = (left, right) -> {
    int high = Long.compareUnsigned(left.id().getMostSignificantBits(), right.id().getMostSignificantBits());
    return high != 0 ? high
        : Long.compareUnsigned(left.id().getLeastSignificantBits(), right.id().getLeastSignificantBits());
  };

  /** The merge's id, as {@code Merger.unmerge} and the {@code CustomersMerged} event name it. */
  UUID id();

  /** Who asked for the merge: a user name or a system name. */
  String actor();

  /** When the merge ran (the merger's clock). */
  Instant mergedAt();

  /** The merged customers as they were, the survivor first, then the absorbed ones in the merge's order. */
  List<MergedRecord> records();

  /** The survivor's version once the golden record was saved: an unmerge requires it unchanged. */
  long goldenVersion();

  /** Which rule and which records gave each of the golden record's attributes. */
  Map<SurvivorshipRules.Attribute, Provenance> provenance();

  /** Set once the merge has been undone. */
  Optional<Undo> undone();

  /** The customer that holds the golden record. */
  @JsonIgnore
  default CustomerId survivorId() {
    return records().get(0).before().id();
  }

  /** The customers the merge absorbed into the survivor. */
  @JsonIgnore
  default List<CustomerId> absorbedIds() {
    return records().stream().skip(1).map(r -> r.before().id()).toList();
  }

  Merge withUndone(Undo undo);

  @Value.Check
  default void check() {
    Require.argument(records().size() >= 2, "a merge has a survivor and at least one absorbed record, got %s",
        records().size());
    Require.argument(records().stream().map(r -> r.before().id()).distinct().count() == records().size(),
        "a merge names each customer once");
    Require.argument(records().get(0).movedActivities().isEmpty(), "nothing moves from the survivor");
    Require.atLeast(goldenVersion(), 1, "goldenVersion");
  }

  /**
   * The undoing of a merge.
   *
   * @param at when it was undone
   * @param actor who undid it
   * @param survivorVersion the survivor's version once its own record was restored
   */
  record Undo(Instant at, String actor, long survivorVersion) {
    public Undo {
      Require.notNull(at, "at");
      Require.notBlank(actor, "actor");
    }
  }

  class Builder extends ImmutableMerge.Builder {}
}
