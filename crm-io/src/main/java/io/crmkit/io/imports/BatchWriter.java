package io.crmkit.io.imports;

import io.crmkit.core.common.Rejection;
import io.crmkit.core.common.Violation;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerBatches;
import io.crmkit.core.customer.CustomerChanges;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.dedup.incremental.IncrementalMatcher;
import io.crmkit.core.dedup.match.MatchModel;
import io.crmkit.core.dedup.merge.Merge;
import io.crmkit.core.dedup.merge.MergedRecord;
import io.crmkit.core.dedup.merge.Merger;
import io.crmkit.core.imports.CustomerImporter;
import io.crmkit.io.CrmStores;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Writes one batch of rows and the import's checkpoint in one transaction of the store: codes
 * assigned, upsert by external reference (crm-core's importer: validation, storage limits,
 * idempotence), then, with a model, each new customer in row order checked against the stored
 * ones (which include the file's earlier rows): merged into its most probable match, or indexed
 * and its probable matches queued for review.
 */
final class BatchWriter {
  private final CrmStores stores;
  private final ImportCheckpoints checkpoints;
  private final String system;
  private final CustomerImporter importer;
  private final Coding coding = new Coding();
  private final IncrementalMatcher matcher;
  private final Merger merger;
  private final Clock clock;
  private final String actor;

  BatchWriter(CrmStores stores, ImportCheckpoints checkpoints, String system, MatchModel model, Clock clock,
      String actor) {
    this.stores = stores;
    this.checkpoints = checkpoints;
    this.system = system;
    this.importer = CustomerImporter.on(stores.base()).withClock(clock);
    this.clock = clock;
    this.actor = actor;
    if (model == null) {
      this.matcher = null;
      this.merger = null;
    } else {
      this.matcher = IncrementalMatcher.builder().store(stores.dedup()).model(model).clock(clock).build();
      this.merger = Merger.builder().store(stores.dedup()).lifecycle(stores.lifecycle()).clock(clock).build();
    }
  }

  /**
   * Writes {@code batch} and its checkpoint; last in the transaction, hands the batch's problems to
   * {@code reportFiles}, so that they are in the report files before the checkpoint says the batch is done.
   *
   * @return the totals so far, earlier runs included
   */
  ImportTotals write(SourceIdentity identity, List<FileImport.Assembled> batch, long lastRow, boolean finished,
      ImportTotals before, Consumer<List<RowProblem>> reportFiles) {
    List<RowProblem> problems = new ArrayList<>();
    List<FileImport.Assembled> good = new ArrayList<>();
    for (FileImport.Assembled row : batch) {
      problems.addAll(row.problems());
      if (row.customer().isPresent()) {
        good.add(row);
      }
    }
    List<NewCustomer> coded = good.stream().map(row -> coding.code(row.customer().get())).toList();
    return stores.base().transactions().inTransaction(() -> {
      CustomerBatches batches = stores.base().customerBatches();
      Map<ExternalReference, CustomerId> holders = batches.holders(coded.stream().map(this::reference).toList());
      Set<Integer> asMerged = asMerged(coded, holders, batches);
      List<FileImport.Assembled> upserted = new ArrayList<>();
      List<NewCustomer> records = new ArrayList<>();
      for (int i = 0; i < coded.size(); i++) {
        if (!asMerged.contains(i)) {
          upserted.add(good.get(i));
          records.add(coded.get(i));
        }
      }
      List<ExternalReference> references = records.stream().map(this::reference).toList();
      Set<ExternalReference> heldBefore = holders.keySet();
      CustomerImporter.Report report = records.isEmpty() ? new CustomerImporter.Report(0, 0, 0, List.of())
          : importer.upsertByExternalReference(system, records);
      Set<Integer> rejectedRows = new HashSet<>();
      for (Rejection rejection : report.rejected()) {
        int index = (int) rejection.position().orElseThrow() - 1;
        rejectedRows.add(index);
        SourceRow row = upserted.get(index).row();
        for (Violation violation : rejection.violations()) {
          problems.add(RowProblem.rejected(row.row(), row.line(), violation.path(), violation.rule(),
              violation.message()));
        }
      }
      long merged = 0;
      long queued = 0;
      if (matcher != null) {
        List<Integer> accepted = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
          if (!rejectedRows.contains(i)) {
            accepted.add(i);
          }
        }
        Map<ExternalReference, CustomerId> written = batches.holders(accepted.stream().map(references::get).toList());
        Map<CustomerId, Customer> loaded = batches.load(written.values());
        for (int i : accepted) {
          Customer customer = loaded.get(written.get(references.get(i)));
          if (customer == null) {
            continue;
          }
          if (heldBefore.contains(references.get(i))) {
            matcher.index(customer);
            continue;
          }
          IncrementalMatcher.Check check = matcher.check(customer);
          if (!check.matches().isEmpty()) {
            merger.merge(check.matches().get(0).customerId(), List.of(customer.id()), actor);
            merged++;
          } else {
            matcher.index(customer);
            int waiting = matcher.queueReviews(check);
            if (waiting > 0 || !check.reviews().isEmpty()) {
              queued++;
              SourceRow row = upserted.get(i).row();
              problems.add(new RowProblem(row.row(), row.line(), "", "review", "written as a new customer; "
                  + check.reviews().size() + " stored customer(s) may be the same, queued for review",
                  RowProblem.Outcome.QUEUED));
            }
          }
        }
      }
      long rejected = batch.size() - good.size() + report.rejected().size();
      ImportTotals totals = before.plus(new ImportTotals(batch.size(), report.inserted() - merged, report.updated(),
          report.unchanged() + asMerged.size(), merged, queued, rejected));
      checkpoints.save(new ImportCheckpoint(identity.importId(), identity.description(), lastRow, finished, totals,
          clock.instant()));
      problems.sort(Comparator.comparingLong(RowProblem::row));
      reportFiles.accept(problems);
      return totals;
    });
  }

  /**
   * The rows (indices into {@code records}) that a merge absorbed as they are now: their customer
   * holds several references in the system, and the record it kept for the row when it first
   * merged it has the row's details. Such a row is unchanged. Upserting it would put the row's
   * details over the golden record the merge made (a typo the merge chose against, say), and the
   * next of the customer's rows would put its own back, on every run.
   */
  private Set<Integer> asMerged(List<NewCustomer> records, Map<ExternalReference, CustomerId> holders,
      CustomerBatches batches) {
    Set<CustomerId> merged = new HashSet<>();
    batches.load(Set.copyOf(holders.values())).forEach((id, customer) -> {
      if (customer.externalReferences().stream().filter(r -> r.system().equals(system)).count() > 1) {
        merged.add(id);
      }
    });
    Set<Integer> unchanged = new HashSet<>();
    Map<CustomerId, List<Merge>> lineage = new HashMap<>();
    for (int i = 0; i < records.size(); i++) {
      ExternalReference reference = reference(records.get(i));
      CustomerId holder = holders.get(reference);
      if (!merged.contains(holder)) {
        continue;
      }
      Optional<Customer> asMergedFirst = lineage.computeIfAbsent(holder, stores.dedup().mergeLineage()::involving)
          .stream().filter(merge -> merge.undone().isEmpty() && merge.survivorId().equals(holder))
          .flatMap(merge -> merge.records().stream()).map(MergedRecord::before)
          .filter(before -> before.externalReferences().contains(reference)).findFirst();
      if (asMergedFirst.isPresent()) {
        Customer before = asMergedFirst.get();
        NewCustomer incoming = new NewCustomer.Builder().from(records.get(i)).stage(before.stage())
            .tier(before.tier()).externalReferences(before.externalReferences()).build();
        if (CustomerChanges.between(before, incoming).isEmpty()) {
          unchanged.add(i);
        }
      }
    }
    return unchanged;
  }

  private ExternalReference reference(NewCustomer record) {
    return record.externalReferences().stream().filter(r -> r.system().equals(system)).findFirst()
        .orElseThrow(() -> new IllegalStateException("a mapped row has no reference in " + system));
  }
}
