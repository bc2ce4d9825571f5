package io.crmkit.core.dedup.merge;

import io.crmkit.core.customer.CustomerId;
import java.util.List;
import java.util.Objects;

/**
 * Where a golden record's attribute came from: the explanation a data steward reads before and
 * after a merge.
 *
 * @param rule the survivorship rule applied
 * @param from the records whose values the golden record took, in rank order: one for a chosen
 *     value, several for collected ones, none when no record had a value
 */
public record Provenance(Survivorship rule, List<CustomerId> from) {
  public Provenance {
    Objects.requireNonNull(rule, "rule");
    from = List.copyOf(from);
  }
}
