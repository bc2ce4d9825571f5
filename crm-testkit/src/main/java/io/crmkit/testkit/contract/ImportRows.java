package io.crmkit.testkit.contract;

import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.customer.PostalAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rows for {@link CustomerImportContract}, with names of their own (systems, ids), so that a store
 * shared between examples never mixes them up, and the model of what an import of them keeps.
 */
final class ImportRows {
  private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime());
  static final Instant AT = Instant.parse("2026-02-01T08:30:00Z");

  private ImportRows() {}

  /** A system name no other example uses. */
  static String system() {
    return "erp-" + SEQUENCE.incrementAndGet();
  }

  /** A person record with key {@code K-n} in {@code system}, living in {@code city}. */
  static NewCustomer record(String system, int n, String city) {
    return NewCustomer.person("Meyer", "Eva " + n)
        .addAddress(new PostalAddress.Builder().country("DE").city(city).build())
        .addExternalReference(ExternalReference.of(system, "K-" + n))
        .build();
  }

  /** {@code record} with a blank display name, which validation rejects. */
  static NewCustomer invalid(NewCustomer record) {
    return new NewCustomer.Builder().from(record).displayName(" ").build();
  }

  /** A new organisation at version 0 with a fresh id, as built for a first save. */
  static Customer customer(String name) {
    return new Customer.Builder().from(NewCustomer.organisation(name + " GmbH").build())
        .id(CustomerId.of(new UUID(0x1A7, SEQUENCE.incrementAndGet())))
        .version(0).createdAt(AT).updatedAt(AT).build();
  }

  /**
   * A batch of {@code size} records built by one recipe, whatever its size: every seventh record
   * is invalid, and every eleventh repeats the key of the record before it.
   */
  static List<NewCustomer> recipe(String system, int size) {
    List<NewCustomer> rows = new ArrayList<>(size);
    for (int i = 1; i <= size; i++) {
      int key = i % 11 == 0 ? i - 1 : i;
      NewCustomer record = record(system, key, "Stadt " + i);
      rows.add(i % 7 == 0 ? invalid(record) : record);
    }
    return rows;
  }

  /** What an import of {@code rows} keeps: the first valid row of each key, and the rows it rejects. */
  record Expected(Map<ExternalReference, NewCustomer> kept, List<Long> rejectedRows) {}

  /**
   * The import as a model: a row is kept if it is valid and no earlier kept row has its key.
   *
   * @param valid whether each row passes validation
   */
  static Expected expected(String system, List<NewCustomer> rows, List<Boolean> valid) {
    Map<ExternalReference, NewCustomer> kept = new HashMap<>();
    List<Long> rejected = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      ExternalReference key = keyOf(system, rows.get(i));
      if (valid.get(i) && !kept.containsKey(key)) {
        kept.put(key, rows.get(i));
      } else {
        rejected.add(i + 1L);
      }
    }
    return new Expected(kept, rejected);
  }

  static ExternalReference keyOf(String system, NewCustomer record) {
    return record.externalReferences().stream().filter(reference -> reference.system().equals(system))
        .findFirst().orElseThrow();
  }
}
