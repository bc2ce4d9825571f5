package io.crmkit.core.dedup.merge;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.lifecycle.HistoryEntry;
import java.util.List;
import java.util.Set;
import org.immutables.value.Value;

/**
 * One customer of a merge as it was just before: what an unmerge puts back.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableMergedRecord.class)
@JsonDeserialize(as = ImmutableMergedRecord.class)
public interface MergedRecord {

  /** The customer as stored before the merge, version included. */
  Customer before();

  /** Its blocking keys before the merge. */
  Set<String> blockingKeys();

  /** The activities the merge moved from it to the survivor; none for the survivor itself. */
  List<MovedActivity> movedActivities();

  /**
   * The lifecycle history entries the merge moved from it to the survivor, as they were under it;
   * none for the survivor itself, and none if the merge ran without the lifecycle capability.
   */
  List<HistoryEntry> movedHistory();

  class Builder extends ImmutableMergedRecord.Builder {}
}
