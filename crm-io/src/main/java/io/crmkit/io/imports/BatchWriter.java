package io.crmkit.io.imports;

import io.crmkit.core.common.Rejection;
import io.crmkit.core.common.Violation;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerBatches;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.dedup.incremental.IncrementalMatcher;
import io.crmkit.core.dedup.match.MatchModel;
import io.crmkit.core.dedup.merge.Merger;
import io.crmkit.core.imports.CustomerImporter;
import io.crmkit.io.CrmStores;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

  record Outcome(ImportTotals totals, List<RowProblem> problems) {}

  Outcome write(SourceIdentity identity, List<FileImport.Assembled> batch, long lastRow, boolean finished,
      ImportTotals before) {
    List<RowProblem> problems = new ArrayList<>();
    List<FileImport.Assembled> good = new ArrayList<>();
    for (FileImport.Assembled row : batch) {
      problems.addAll(row.problems());
      if (row.customer().isPresent()) {
        good.add(row);
      }
    }
    List<NewCustomer> records = good.stream().map(row -> coding.code(row.customer().get())).toList();
    return stores.base().transactions().inTransaction(() -> {
      CustomerBatches batches = stores.base().customerBatches();
      List<ExternalReference> references = records.stream().map(this::reference).toList();
      Set<ExternalReference> heldBefore = matcher == null ? Set.of() : batches.holders(references).keySet();
      CustomerImporter.Report report = records.isEmpty() ? new CustomerImporter.Report(0, 0, 0, List.of())
          : importer.upsertByExternalReference(system, records);
      Set<Integer> rejectedRows = new HashSet<>();
      for (Rejection rejection : report.rejected()) {
        int index = (int) rejection.position().orElseThrow() - 1;
        rejectedRows.add(index);
        SourceRow row = good.get(index).row();
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
        Map<ExternalReference, CustomerId> holders = batches.holders(accepted.stream().map(references::get).toList());
        Map<CustomerId, Customer> loaded = batches.load(holders.values());
        for (int i : accepted) {
          Customer customer = loaded.get(holders.get(references.get(i)));
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
              SourceRow row = good.get(i).row();
              problems.add(new RowProblem(row.row(), row.line(), "", "review", "written as a new customer; "
                  + check.reviews().size() + " stored customer(s) may be the same, queued for review",
                  RowProblem.Outcome.QUEUED));
            }
          }
        }
      }
      long rejected = batch.size() - good.size() + report.rejected().size();
      ImportTotals totals = before.plus(new ImportTotals(batch.size(), report.inserted() - merged, report.updated(),
          report.unchanged(), merged, queued, rejected));
      checkpoints.save(new ImportCheckpoint(identity.importId(), identity.description(), lastRow, finished, totals,
          clock.instant()));
      problems.sort(Comparator.comparingLong(RowProblem::row));
      return new Outcome(totals, problems);
    });
  }

  private ExternalReference reference(NewCustomer record) {
    return record.externalReferences().stream().filter(r -> r.system().equals(system)).findFirst()
        .orElseThrow(() -> new IllegalStateException("a mapped row has no reference in " + system));
  }
}
