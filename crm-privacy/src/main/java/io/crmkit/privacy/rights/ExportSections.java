package io.crmkit.privacy.rights;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmkit.core.activity.ActivityLog;
import io.crmkit.core.activity.Interactions;
import io.crmkit.core.activity.Purchases;
import io.crmkit.core.activity.TimeRange;
import io.crmkit.core.common.Require;
import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerField;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.Customers;
import io.crmkit.core.dedup.merge.Merge;
import io.crmkit.core.dedup.merge.MergeLineage;
import io.crmkit.core.dedup.review.ReviewDecision;
import io.crmkit.core.dedup.review.ReviewItem;
import io.crmkit.core.dedup.review.ReviewQueue;
import io.crmkit.core.lifecycle.ChurnSignals;
import io.crmkit.core.lifecycle.LifecycleHistory;
import io.crmkit.core.metric.CustomerMetric;
import io.crmkit.core.metric.CustomerMetrics;
import io.crmkit.privacy.audit.AuditLog;
import io.crmkit.privacy.audit.AuditRecord;
import io.crmkit.privacy.consent.ConsentEntry;
import io.crmkit.privacy.consent.ConsentRecord;
import io.crmkit.privacy.consent.ConsentState;
import io.crmkit.privacy.consent.Consents;
import io.crmkit.privacy.consent.Purpose;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The sections of crmkit's own ports, one per port; {@link CustomerExporter} assembles them. Each
 * writes an array (newest data as the port orders it) or, for a single value, an object or null;
 * an empty array means the port holds nothing about the customer.
 */
public final class ExportSections {
  /** How many waiting review pairs are read at most when looking for the customer's. */
  static final int MAX_PENDING_REVIEWS = 100_000;

  private ExportSections() {}

  /** {@code needs}: the needs recorded on the customer, as crm-core writes a {@code Need}. */
  public static ExportSection needs() {
    return section("needs", (customer, out, mapper) -> writeAll(out, mapper, customer.needs()));
  }

  /** {@code dimensionCodes}: the customer's code per dimension, as an object. */
  public static ExportSection dimensionCodes() {
    return section("dimensionCodes", (customer, out, mapper) -> mapper.writeValue(out,
        new TreeMap<>(customer.dimensionCodes())));
  }

  /** {@code purchases}: every purchase of the customer, as crm-core writes a {@code Purchase}. */
  public static ExportSection purchases(Purchases purchases) {
    return activities("purchases", purchases);
  }

  /** {@code interactions}: every interaction with the customer, as crm-core writes an {@code Interaction}. */
  public static ExportSection interactions(Interactions interactions) {
    return activities("interactions", interactions);
  }

  /**
   * {@code lifecycleHistory}: every recorded stage move of the customer (including moves taken
   * over from merged records, whose {@code origin} names the record they came from).
   */
  public static ExportSection lifecycleHistory(LifecycleHistory history) {
    Require.notNull(history, "history");
    return section("lifecycleHistory", (customer, out, mapper) -> writeAll(out, mapper,
        history.forCustomer(customer.id())));
  }

  /** {@code churnSignal}: the latest churn signal measured up to the export's time, or null. */
  public static ExportSection churnSignal(ChurnSignals signals, Clock clock) {
    Require.notNull(signals, "signals");
    Require.notNull(clock, "clock");
    return section("churnSignal", (customer, out, mapper) -> mapper.writeValue(out,
        signals.latest(customer.id(), clock.instant()).orElse(null)));
  }

  /** {@code metrics}: every computed metric of the customer, by name: name, value, computed-at. */
  public static ExportSection metrics(CustomerMetrics metrics) {
    Require.notNull(metrics, "metrics");
    return section("metrics", (customer, out, mapper) -> {
      out.writeStartArray();
      for (CustomerMetric metric : new TreeMap<>(metrics.allOf(customer.id())).values()) {
        out.writeStartObject();
        out.writeStringField("name", metric.name());
        out.writeFieldName("value");
        mapper.writeValue(out, metric.value());
        out.writeFieldName("computedAt");
        mapper.writeValue(out, metric.computedAt());
        out.writeEndObject();
      }
      out.writeEndArray();
    });
  }

  /**
   * {@code segments}: the names of the named segments the customer belongs to now, by name.
   * Segments are definitions (a name and {@link Criteria}); crm-segmentation keeps them, so the
   * caller hands them over, for example {@code () -> definitions.all().stream().collect(toMap(Segment::name,
   * Segment::criteria))}. Membership is asked of {@code customers} for this one customer.
   */
  public static ExportSection segments(Customers customers, Supplier<? extends Map<String, Criteria>> segments) {
    Require.notNull(customers, "customers");
    Require.notNull(segments, "segments");
    return section("segments", (customer, out, mapper) -> {
      Criteria self = Criteria.eq(CustomerField.ID, customer.id());
      out.writeStartArray();
      for (Map.Entry<String, Criteria> segment : new TreeMap<>(segments.get()).entrySet()) {
        if (customers.count(Criteria.and(self, segment.getValue())) > 0) {
          out.writeString(segment.getKey());
        }
      }
      out.writeEndArray();
    });
  }

  /**
   * {@code mergeLineage}: every merge the customer took part in: when, by whom, the surviving and
   * the absorbed records' ids, whether and when it was undone, and the records as they were before.
   */
  public static ExportSection mergeLineage(MergeLineage lineage) {
    Require.notNull(lineage, "lineage");
    return section("mergeLineage", (customer, out, mapper) -> {
      out.writeStartArray();
      for (Merge merge : lineage.involving(customer.id())) {
        out.writeStartObject();
        out.writeStringField("mergeId", merge.id().toString());
        out.writeFieldName("mergedAt");
        mapper.writeValue(out, merge.mergedAt());
        out.writeStringField("actor", merge.actor());
        out.writeStringField("survivorId", merge.survivorId().toString());
        out.writeArrayFieldStart("absorbedIds");
        for (CustomerId absorbed : merge.absorbedIds()) {
          out.writeString(absorbed.toString());
        }
        out.writeEndArray();
        out.writeFieldName("undone");
        mapper.writeValue(out, merge.undone().orElse(null));
        out.writeFieldName("records");
        // An undone merge joined records found not to be one person: only the customer's own is theirs.
        mapper.writeValue(out, merge.undone().isEmpty() ? merge.records() : merge.records().stream()
            .filter(record -> record.before().id().equals(customer.id())).toList());
        out.writeEndObject();
      }
      out.writeEndArray();
    });
  }

  /**
   * {@code matchReviews}: the duplicate-review pairs that name the customer: those waiting (up to
   * the first {@value #MAX_PENDING_REVIEWS} of the queue, which the port lists only as a whole) and
   * the decisions on pairs of the customer and the records its merges joined it with. Each is
   * {@code {"status": "PENDING" or "DECIDED", "review": the item or decision as crm-core writes it}}.
   */
  public static ExportSection matchReviews(ReviewQueue queue, Optional<MergeLineage> lineage) {
    Require.notNull(queue, "queue");
    Require.notNull(lineage, "lineage");
    return section("matchReviews", (customer, out, mapper) -> {
      String self = customer.id().toString();
      out.writeStartArray();
      long waiting = queue.pendingCount();
      if (waiting > 0) {
        for (ReviewItem item : queue.pending((int) Math.min(waiting, MAX_PENDING_REVIEWS))) {
          if (item.leftId().equals(self) || item.rightId().equals(self)) {
            writeReview(out, mapper, "PENDING", item);
          }
        }
      }
      Set<String> partners = new LinkedHashSet<>();
      lineage.ifPresent(l -> l.involving(customer.id()).forEach(merge -> merge.records()
          .forEach(r -> partners.add(r.before().id().toString()))));
      partners.remove(self);
      for (String partner : partners) {
        Optional<ReviewDecision> decision = queue.decision(self, partner);
        if (decision.isPresent()) {
          writeReview(out, mapper, "DECIDED", decision.get());
        }
      }
      out.writeEndArray();
    });
  }

  /**
   * {@code consent}: the customer's consent ledger, as an object. {@code history} is every record
   * in append order (sequence, purpose, status, source, evidence, decidedAt, actor): the evidence
   * is a reference to where the proof is kept and the actor the employee or system that recorded
   * it, so neither is the customer's personal data. {@code current} is the state derived from the
   * ledger as of {@code asOf} (the export's time): per purpose with a deciding record, by purpose
   * name, its status, when the customer decided and the deciding record's sequence. A purpose
   * missing from {@code current} was never decided, so it is not consented (opt-in).
   */
  public static ExportSection consent(Consents consents, Clock clock) {
    Require.notNull(consents, "consents");
    Require.notNull(clock, "clock");
    return section("consent", (customer, out, mapper) -> {
      Instant asOf = clock.instant();
      List<ConsentRecord> history = consents.history(customer.id());
      out.writeStartObject();
      out.writeFieldName("asOf");
      mapper.writeValue(out, asOf);
      out.writeArrayFieldStart("history");
      for (ConsentRecord record : history) {
        ConsentEntry entry = record.entry();
        out.writeStartObject();
        out.writeNumberField("sequence", record.sequence());
        out.writeStringField("purpose", entry.purpose().name());
        out.writeStringField("status", entry.status().name());
        out.writeStringField("source", entry.source().name());
        out.writeStringField("evidence", entry.evidence());
        out.writeFieldName("decidedAt");
        mapper.writeValue(out, entry.occurredAt());
        out.writeStringField("actor", entry.actor());
        out.writeEndObject();
      }
      out.writeEndArray();
      out.writeArrayFieldStart("current");
      ConsentState state = ConsentState.of(customer.id(), history, asOf);
      Map<String, ConsentRecord> byName = new TreeMap<>();
      for (Map.Entry<Purpose, ConsentRecord> deciding : state.deciding().entrySet()) {
        byName.put(deciding.getKey().name(), deciding.getValue());
      }
      for (Map.Entry<String, ConsentRecord> deciding : byName.entrySet()) {
        out.writeStartObject();
        out.writeStringField("purpose", deciding.getKey());
        out.writeStringField("status", deciding.getValue().entry().status().name());
        out.writeFieldName("decidedAt");
        mapper.writeValue(out, deciding.getValue().entry().occurredAt());
        out.writeNumberField("sequence", deciding.getValue().sequence());
        out.writeEndObject();
      }
      out.writeEndArray();
      out.writeEndObject();
    });
  }

  /**
   * {@code auditEntries}: every audit record naming the customer, in chain order (this export's own
   * entry included): sequence, actor, action, target, when, why and the record's hash.
   */
  public static ExportSection auditEntries(AuditLog log) {
    Require.notNull(log, "log");
    return section("auditEntries", (customer, out, mapper) -> {
      out.writeStartArray();
      for (AuditRecord record : log.forCustomer(customer.id(), TimeRange.all())) {
        out.writeStartObject();
        out.writeNumberField("sequence", record.sequence());
        out.writeStringField("actor", record.entry().actor());
        out.writeStringField("action", record.entry().action().name());
        out.writeStringField("target", record.entry().target());
        out.writeFieldName("occurredAt");
        mapper.writeValue(out, record.entry().occurredAt());
        out.writeStringField("reason", record.entry().reason());
        out.writeStringField("hash", record.hash());
        out.writeEndObject();
      }
      out.writeEndArray();
    });
  }

  private static void writeReview(JsonGenerator out, ObjectMapper mapper, String status, Object review)
      throws IOException {
    out.writeStartObject();
    out.writeStringField("status", status);
    out.writeFieldName("review");
    mapper.writeValue(out, review);
    out.writeEndObject();
  }

  private static ExportSection activities(String name, ActivityLog<?> log) {
    Require.notNull(log, name);
    return section(name, (customer, out, mapper) -> writeAll(out, mapper,
        log.forCustomer(customer.id(), TimeRange.all())));
  }

  private static void writeAll(JsonGenerator out, ObjectMapper mapper, Iterable<?> items) throws IOException {
    out.writeStartArray();
    for (Object item : items) {
      mapper.writeValue(out, item);
    }
    out.writeEndArray();
  }

  /** A section's body, to be named. */
  @FunctionalInterface
  private interface Body {
    void write(Customer customer, JsonGenerator out, ObjectMapper mapper) throws IOException;
  }

  private static ExportSection section(String name, Body body) {
    return new ExportSection() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public void write(Customer customer, JsonGenerator out, ObjectMapper mapper) throws IOException {
        body.write(customer, out, mapper);
      }

      @Override
      public String toString() {
        return "ExportSection[" + name + "]";
      }
    };
  }
}
