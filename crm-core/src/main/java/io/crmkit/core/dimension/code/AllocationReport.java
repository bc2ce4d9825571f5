package io.crmkit.core.dimension.code;

import io.crmkit.core.common.Rejection;
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
 * @param rejected the customers that got no code, as {@link Rejection}s (the shape every crmkit
 *     batch report uses): subject the customer id, one violation per reason, its path the
 *     dimension code concerned ({@code dimensionCodes[region]}) or {@code sequence}
 */
public record AllocationReport(Map<CustomerId, CustomerCode> allocated, List<Rejection> rejected) {
  public AllocationReport {
    allocated = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(allocated, "allocated")));
    rejected = List.copyOf(rejected);
  }
}
