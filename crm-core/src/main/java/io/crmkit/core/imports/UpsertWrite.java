package io.crmkit.core.imports;

import io.crmkit.core.common.DuplicateKeyException;
import io.crmkit.core.common.IdGenerator;
import io.crmkit.core.common.Violation;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerBatches;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.core.customer.ReferenceHolders;
import io.crmkit.core.customer.NewCustomer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The unit of work of an upsert: matches the screened records to stored customers by key, plans
 * the writes ({@link UpsertPlanner}), checks their references against the store, writes and
 * announces them.
 */
final class UpsertWrite {
  private static final Violation CONCURRENT_UPDATE = new Violation("version", "ConcurrentUpdate",
      "the customer was changed while the import ran; run the import again");

  private final String system;
  private final CustomerBatches batches;
  private final Clock clock;
  private final IdGenerator ids;
  private final Announcer announcer;

  UpsertWrite(String system, CustomerBatches batches, Clock clock, IdGenerator ids, Announcer announcer) {
    this.system = system;
    this.batches = batches;
    this.clock = clock;
    this.ids = ids;
    this.announcer = announcer;
  }

  CustomerImporter.Report run(RowScreen.Screened<NewCustomer> screened) {
    Rejections rejected = screened.rejected().copy();
    Instant now = clock.instant();
    Map<ExternalReference, CustomerId> matches = batches.holders(
        screened.accepted().stream().map(row -> UpsertPlanner.keyOf(system, row.value())).toList());
    Map<CustomerId, Customer> stored = batches.load(matches.values());
    UpsertPlanner.Plan plan = new UpsertPlanner(system, ids, now).plan(screened.accepted(), matches, stored);

    List<Planned> inserts = new ArrayList<>(plan.inserts());
    List<Planned> updates = new ArrayList<>(plan.updates());
    List<Customer> writes = new ArrayList<>(customers(inserts));
    writes.addAll(customers(updates));
    Map<ExternalReference, CustomerId> held = batches.holders(ReferenceHolders.referencesOf(writes));
    requireKeysStillFree(inserts, held);
    dropHeldByOthers(inserts, held, rejected);
    dropHeldByOthers(updates, held, rejected);

    batches.insertAll(customers(inserts));
    Set<CustomerId> written = batches.updateAll(customers(updates));
    List<Planned> updated = new ArrayList<>(updates.size());
    for (Planned update : updates) {
      if (written.contains(update.customer().id())) {
        updated.add(update);
      } else {
        rejected.add(update.row(), List.of(CONCURRENT_UPDATE));
      }
    }
    announcer.registered(customers(inserts));
    announcer.updated(updated, now);
    return new CustomerImporter.Report(inserts.size(), updated.size(), plan.unchanged(), rejected.inRowOrder());
  }

  /**
   * Fails the unit of work if a key planned as new is held now: a concurrent import stored that
   * customer since the match, so the record is an update. The store runs the work again.
   */
  private void requireKeysStillFree(List<Planned> inserts, Map<ExternalReference, CustomerId> held) {
    for (Planned insert : inserts) {
      for (ExternalReference reference : insert.customer().externalReferences()) {
        if (reference.system().equals(system) && held.containsKey(reference)) {
          throw new DuplicateKeyException(reference.toString(),
              "reference " + reference + " was taken by a concurrent import");
        }
      }
    }
  }

  /**
   * Rejects the writes whose references other customers hold, and the later rows of a rejected
   * row's customer: they were planned on top of it, at the versions after it.
   */
  private static void dropHeldByOthers(List<Planned> writes, Map<ExternalReference, CustomerId> held,
      Rejections rejected) {
    Map<CustomerId, Integer> droppedRow = new HashMap<>();
    writes.removeIf(write -> {
      List<Violation> problems = ReferenceHolders.heldByOthers(write.customer(), held);
      Integer earlier = droppedRow.get(write.customer().id());
      if (problems.isEmpty() && earlier != null) {
        problems = List.of(new Violation("externalReferences", "UniqueReference",
            "builds on row " + earlier + " of the same customer, which was rejected"));
      }
      if (!problems.isEmpty()) {
        rejected.add(write.row(), problems);
        droppedRow.putIfAbsent(write.customer().id(), write.row().number());
      }
      return !problems.isEmpty();
    });
  }

  private static List<Customer> customers(List<Planned> planned) {
    return planned.stream().map(Planned::customer).toList();
  }
}
