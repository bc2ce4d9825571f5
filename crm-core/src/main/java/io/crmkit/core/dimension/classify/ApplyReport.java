package io.crmkit.core.dimension.classify;

import io.crmkit.core.common.Rejection;
import io.crmkit.core.customer.CustomerId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link CodeUpdates#apply} did with each update. Every update is in exactly one of the four
 * groups, so no customer is lost.
 *
 * <p>Updates set aside are {@link Rejection}s, the shape every crmkit batch report uses: the
 * subject is the customer id, and each violation names the field (such as {@code version}), a
 * stable rule and the reason.
 *
 * @param applied customer to the version its save produced, in input order
 * @param unchanged customers that already held the codes (nothing written), in input order
 * @param conflicts customers changed or removed since the codes were derived ({@code stale-version},
 *     {@code concurrent-update}, {@code customer-not-found}): derive their codes again
 * @param failed customers whose save was refused: the validation's own violations, or
 *     {@code save-failed} with the error for a storage failure
 */
public record ApplyReport(Map<CustomerId, Long> applied, List<CustomerId> unchanged, List<Rejection> conflicts,
    List<Rejection> failed) {
  public ApplyReport {
    applied = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(applied, "applied")));
    unchanged = List.copyOf(unchanged);
    conflicts = List.copyOf(conflicts);
    failed = List.copyOf(failed);
  }

  /** How many updates the report covers. */
  public int total() {
    return applied.size() + unchanged.size() + conflicts.size() + failed.size();
  }

  /** Every update not applied: the conflicts, then the failures. */
  public List<Rejection> rejections() {
    List<Rejection> all = new ArrayList<>(conflicts);
    all.addAll(failed);
    return List.copyOf(all);
  }
}
