package io.crmkit.core.dedup.merge;

import io.crmkit.core.customer.Customer;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The record a merge makes, with the explanation of every attribute: what {@link Merger#preview}
 * shows before anything changes, and what {@link Merger#merge} saves.
 *
 * @param customer the golden record: the survivor's id and lifecycle stage, the earliest creation
 *     time of the merged records, and each attribute by its rule; its version is the survivor's as
 *     read, so that saving it is an optimistic update of the survivor
 * @param provenance each attribute's rule and the records it took values from
 * @param merged the records merged, survivor first, as read
 */
public record GoldenRecord(Customer customer, Map<SurvivorshipRules.Attribute, Provenance> provenance,
    List<Customer> merged) {
  public GoldenRecord {
    Objects.requireNonNull(customer, "customer");
    provenance = Collections.unmodifiableMap(new EnumMap<>(provenance));
    merged = List.copyOf(merged);
  }
}
