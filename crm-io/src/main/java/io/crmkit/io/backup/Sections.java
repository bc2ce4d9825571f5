package io.crmkit.io.backup;

import io.crmkit.core.activity.Interaction;
import io.crmkit.core.activity.Purchase;
import io.crmkit.core.activity.TimeRange;
import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.dedup.merge.Merge;
import io.crmkit.core.dedup.review.ReviewDecision;
import io.crmkit.core.dedup.review.ReviewItem;
import io.crmkit.core.dimension.review.CodeRequest;
import io.crmkit.core.lifecycle.ChurnSignal;
import io.crmkit.core.lifecycle.HistoryEntry;
import io.crmkit.core.metric.CustomerMetric;
import io.crmkit.io.CrmStores;
import io.crmkit.io.backup.Records.CodeRequestRecord;
import io.crmkit.io.backup.Records.CustomerKeys;
import io.crmkit.io.backup.Records.MetricRecord;
import io.crmkit.io.backup.Records.SequenceValue;
import io.crmkit.privacy.audit.AuditRecord;
import io.crmkit.privacy.consent.ConsentRecord;
import io.crmkit.privacy.crypto.ProtectionKey;
import io.crmkit.privacy.pseudonym.PseudonymKey;
import io.crmkit.segmentation.segment.Segment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Every section of a backup in restore order: customers first (everything else refers to them),
 * then what hangs on them, then the stores' own registers. Customers, activities, lifecycle
 * history, merge lineage and the audit log are streamed (a page at a time on JDBC); per-customer
 * ports (blocking keys, metrics, consents) are read customer by customer while the customers stream
 * by; the small registers (churn signals, codes, review queue and decisions, segments, keys) are
 * read in one call.
 */
final class Sections {
  static final int CHUNK = 1_000;

  private Sections() {}

  static List<Section<?>> all() {
    return List.of(
        new Section<>("customers", Customer.class, Sections::customers, CustomerRestore::restore,
            s -> s.base().customers().count(Criteria.all()) == 0),
        new Section<>("purchases", Purchase.class,
            (s, sink) -> each(s.base().purchases().stream(TimeRange.all()), sink),
            (s, records) -> chunked(records, s.base().purchases()::recordAll),
            s -> none(s.base().purchases().stream(TimeRange.all()))),
        new Section<>("interactions", Interaction.class,
            (s, sink) -> each(s.base().interactions().stream(TimeRange.all()), sink),
            (s, records) -> chunked(records, s.base().interactions()::recordAll),
            s -> none(s.base().interactions().stream(TimeRange.all()))),
        new Section<>("lifecycle-history", HistoryEntry.class,
            (s, sink) -> each(s.lifecycle().lifecycleHistory().stream(TimeRange.all()), sink),
            (s, records) -> records.forEachRemaining(s.lifecycle().lifecycleHistory()::append),
            s -> none(s.lifecycle().lifecycleHistory().stream(TimeRange.all()))),
        new Section<>("churn-signals", ChurnSignal.class,
            (s, sink) -> s.lifecycle().churnSignals().all().forEach(sink),
            (s, records) -> chunked(records, s.lifecycle().churnSignals()::recordAll),
            s -> s.lifecycle().churnSignals().all().isEmpty()),
        new Section<>("code-sequences", SequenceValue.class,
            (s, sink) -> s.codes().codeSequences().all().entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> sink.accept(new SequenceValue(e.getKey(), e.getValue()))),
            (s, records) -> records.forEachRemaining(v -> advance(s, v)),
            s -> s.codes().codeSequences().all().isEmpty()),
        new Section<>("code-requests", CodeRequestRecord.class,
            (s, sink) -> s.codes().codeRequests().all().stream().sorted(Comparator.comparing(CodeRequest::requestedAt)
                .thenComparing(r -> r.id().toString())).map(CodeRequestRecord::of).forEach(sink),
            (s, records) -> records.forEachRemaining(r -> {
              s.codes().codeRequests().add(r.pending());
              r.decision().ifPresent(d -> s.codes().codeRequests().decide(r.id(), d));
            }),
            s -> s.codes().codeRequests().all().isEmpty()),
        new Section<>("blocking-keys", CustomerKeys.class,
            (s, sink) -> eachCustomer(s, id -> {
              var keys = s.dedup().blockingKeys().keysOf(id);
              if (!keys.isEmpty()) {
                sink.accept(new CustomerKeys(id, keys));
              }
            }),
            (s, records) -> records.forEachRemaining(k -> s.dedup().blockingKeys().replace(k.customer(), k.keys())),
            s -> true),
        new Section<>("merge-lineage", Merge.class,
            (s, sink) -> each(s.dedup().mergeLineage().stream(), sink),
            (s, records) -> records.forEachRemaining(s.dedup().mergeLineage()::record),
            s -> none(s.dedup().mergeLineage().stream())),
        new Section<>("review-queue", ReviewItem.class,
            (s, sink) -> s.dedup().reviewQueue().pending(Integer.MAX_VALUE).forEach(sink),
            (s, records) -> records.forEachRemaining(s.dedup().reviewQueue()::enqueue),
            s -> s.dedup().reviewQueue().pendingCount() == 0),
        new Section<>("review-decisions", ReviewDecision.class,
            (s, sink) -> s.dedup().reviewQueue().decisions().forEach(sink),
            (s, records) -> records.forEachRemaining(s.dedup().reviewQueue()::decide),
            s -> s.dedup().reviewQueue().decisions().isEmpty()),
        new Section<>("customer-metrics", MetricRecord.class,
            (s, sink) -> eachCustomer(s, id -> s.metrics().customerMetrics().allOf(id).values().stream()
                .sorted(Comparator.comparing(CustomerMetric::name)).map(MetricRecord::of).forEach(sink)),
            (s, records) -> chunked(records,
                chunk -> s.metrics().customerMetrics().recordAll(chunk.stream().map(MetricRecord::metric).toList())),
            s -> true),
        new Section<>("segments", Segment.class,
            (s, sink) -> s.segmentation().segmentDefinitions().all().forEach(sink),
            (s, records) -> records.forEachRemaining(s.segmentation().segmentDefinitions()::save),
            s -> s.segmentation().segmentDefinitions().all().isEmpty()),
        new Section<>("audit-log", AuditRecord.class,
            (s, sink) -> each(s.privacy().auditLog().stream(), sink),
            Sections::restoreAudit,
            s -> s.privacy().auditLog().head().isEmpty()),
        new Section<>("consents", ConsentRecord.class,
            (s, sink) -> eachCustomer(s, id -> s.privacy().consents().history(id).stream()
                .sorted(Comparator.comparingLong(ConsentRecord::sequence)).forEach(sink)),
            (s, records) -> records.forEachRemaining(r -> s.privacy().consents().append(r.entry())),
            s -> true),
        new Section<>("pseudonym-keys", PseudonymKey.class,
            (s, sink) -> s.privacy().pseudonymKeys().all().forEach(sink),
            (s, records) -> records.forEachRemaining(k -> {
              s.privacy().pseudonymKeys().add(PseudonymKey.created(k.name(), k.createdAt(), k.wrappedMaterial()));
              k.retiredAt().ifPresent(at -> s.privacy().pseudonymKeys().retire(k.name(), at));
            }),
            s -> s.privacy().pseudonymKeys().all().isEmpty()),
        new Section<>("protection-keys", ProtectionKey.class,
            (s, sink) -> s.privacy().protectionKeys().all().forEach(sink),
            ProtectionKeyRestore::restore,
            s -> s.privacy().protectionKeys().all().isEmpty()));
  }

  private static void customers(CrmStores stores, Consumer<Customer> sink) {
    each(stores.base().customers().stream(Criteria.all()), sink);
  }

  private static void eachCustomer(CrmStores stores, Consumer<CustomerId> perCustomer) {
    each(stores.base().customers().streamIds(Criteria.all()), perCustomer);
  }

  private static <T> void each(Stream<T> stream, Consumer<? super T> sink) {
    try (stream) {
      stream.forEach(sink);
    }
  }

  private static boolean none(Stream<?> stream) {
    try (stream) {
      return stream.findAny().isEmpty();
    }
  }

  static <T> void chunked(Iterator<T> records, Consumer<List<T>> write) {
    List<T> chunk = new ArrayList<>(CHUNK);
    while (records.hasNext()) {
      chunk.add(records.next());
      if (chunk.size() == CHUNK) {
        write.accept(List.copyOf(chunk));
        chunk.clear();
      }
    }
    if (!chunk.isEmpty()) {
      write.accept(List.copyOf(chunk));
    }
  }

  /** Draws the sequence up to its last number, in blocks an {@code int} can count. */
  private static void advance(CrmStores stores, SequenceValue value) {
    long remaining = value.last();
    while (remaining > 0) {
      int block = (int) Math.min(remaining, Integer.MAX_VALUE);
      stores.codes().codeSequences().nextBlock(value.key(), block);
      remaining -= block;
    }
  }

  /**
   * Appends the entries in order; the chain's hashes depend only on sequence, entry and previous
   * hash, so an empty log gives back the same records, which is checked record by record.
   */
  private static void restoreAudit(CrmStores stores, Iterator<AuditRecord> records) {
    while (records.hasNext()) {
      AuditRecord expected = records.next();
      AuditRecord appended = stores.privacy().auditLog().append(expected.entry());
      if (!appended.equals(expected)) {
        throw new BackupException(BackupException.Reason.DAMAGED, "audit record " + expected.sequence()
            + " does not follow its chain (restored as sequence " + appended.sequence() + ", hash "
            + appended.hash() + "); the audit log of the backup has a gap or was altered");
      }
    }
  }
}
