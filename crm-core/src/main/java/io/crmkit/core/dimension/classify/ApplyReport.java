package io.crmkit.core.dimension.classify;

import io.crmkit.core.customer.CustomerId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link CodeUpdates#apply} did with each update. Every update is in exactly one of the four
 * groups, so no customer is lost.
 *
 * @param applied customer to the version its save produced
 * @param unchanged customers that already held the codes (nothing written)
 * @param conflicts customers changed or removed since the codes were derived, with what was found:
 *     derive their codes again
 * @param failed customers whose save was refused (validation, storage), with the error
 */
public record ApplyReport(Map<CustomerId, Long> applied, List<CustomerId> unchanged, Map<CustomerId, String> conflicts,
    Map<CustomerId, String> failed) {
  public ApplyReport {
    applied = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(applied, "applied")));
    unchanged = List.copyOf(unchanged);
    conflicts = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(conflicts, "conflicts")));
    failed = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(failed, "failed")));
  }

  /** How many updates the report covers. */
  public int total() {
    return applied.size() + unchanged.size() + conflicts.size() + failed.size();
  }
}
