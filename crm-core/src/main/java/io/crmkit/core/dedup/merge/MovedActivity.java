package io.crmkit.core.dedup.merge;

import io.crmkit.core.activity.ActivityId;
import java.util.Objects;

/**
 * One activity a merge moved from an absorbed customer to the survivor, so that an unmerge can move
 * it back.
 *
 * @param kind purchase or interaction
 * @param id the activity's id, which the move keeps
 */
public record MovedActivity(Kind kind, ActivityId id) {

  /** The activity logs a merge moves between. */
  public enum Kind {
    PURCHASE,
    INTERACTION
  }

  public MovedActivity {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
  }
}
