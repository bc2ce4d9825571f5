package io.crmkit.io.backup;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.MetricValue;
import io.crmkit.core.dimension.Labels;
import io.crmkit.core.dimension.review.CodeRequest;
import io.crmkit.core.dimension.review.CodeRequestId;
import io.crmkit.core.json.CrmJson;
import io.crmkit.core.metric.CustomerMetric;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** The small records of a backup that no port has a type for. */
final class Records {
  private Records() {}

  /**
   * The mapper of every backup file: crm-core's, reading decimals as written (a merge's customer
   * snapshots hold number attributes a double would round).
   */
  static ObjectMapper mapper() {
    return CrmJson.newMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  }

  /** A customer metric with its value as a number or a text ({@link MetricValue} is sealed, without JSON binding). */
  record MetricRecord(CustomerId customerId, String name, Optional<Double> number, Optional<String> text,
      Instant computedAt) {

    static MetricRecord of(CustomerMetric metric) {
      if (metric.value() instanceof MetricValue.Number n) {
        return new MetricRecord(metric.customerId(), metric.name(), Optional.of(n.value()), Optional.empty(),
            metric.computedAt());
      }
      return new MetricRecord(metric.customerId(), metric.name(), Optional.empty(),
          Optional.of(((MetricValue.Text) metric.value()).value()), metric.computedAt());
    }

    CustomerMetric metric() {
      return number.map(n -> CustomerMetric.number(customerId, name, n, computedAt))
          .orElseGet(() -> CustomerMetric.text(customerId, name, text.orElseThrow(
              () -> new IllegalArgumentException("metric " + name + " has neither a number nor a text")), computedAt));
    }
  }

  /** A code request as a plain record ({@link CodeRequest} is an Immutables type without JSON binding). */
  record CodeRequestRecord(CodeRequestId id, String schemeId, String code, Labels labels, Optional<String> parent,
      CodeRequest.Origin origin, String requestedBy, Instant requestedAt, Optional<String> note,
      Optional<CodeRequest.Decision> decision) {

    static CodeRequestRecord of(CodeRequest r) {
      return new CodeRequestRecord(r.id(), r.schemeId(), r.code(), r.labels(), r.parent(), r.origin(),
          r.requestedBy(), r.requestedAt(), r.note(), r.decision());
    }

    /** The request as it was added, still pending. */
    CodeRequest pending() {
      return new CodeRequest.Builder().id(id).schemeId(schemeId).code(code).labels(labels).parent(parent)
          .origin(origin).requestedBy(requestedBy).requestedAt(requestedAt).note(note).build();
    }
  }

  /** A sequence's key and the last number drawn from it. */
  record SequenceValue(String key, long last) {
    SequenceValue {
      Objects.requireNonNull(key, "key");
    }
  }

  /** A customer's blocking keys. */
  record CustomerKeys(CustomerId customer, Set<String> keys) {
    CustomerKeys {
      Objects.requireNonNull(customer, "customer");
      keys = Set.copyOf(keys);
    }
  }
}
