package io.crmkit.core.dimension.code;

import io.crmkit.core.common.Violation;
import io.crmkit.core.customer.CustomerId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link CustomerCodeAllocator#allocateAll} did: each customer is either allocated a code or
 * rejected with every reason, in input order.
 *
 * @param allocated customer to new code
 * @param rejected customer to the reasons it got no code
 */
public record AllocationReport(Map<CustomerId, CustomerCode> allocated, Map<CustomerId, List<Violation>> rejected) {
  public AllocationReport {
    allocated = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(allocated, "allocated")));
    Map<CustomerId, List<Violation>> copy = new LinkedHashMap<>();
    Objects.requireNonNull(rejected, "rejected").forEach((id, reasons) -> copy.put(id, List.copyOf(reasons)));
    rejected = Collections.unmodifiableMap(copy);
  }
}
