package io.crmkit.privacy.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmkit.core.Crm;
import io.crmkit.core.activity.Interaction;
import io.crmkit.core.activity.Purchase;
import io.crmkit.core.activity.TimeRange;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.CustomerNotFoundException;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.Need;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.dedup.DedupStore;
import io.crmkit.core.dedup.merge.Merge;
import io.crmkit.core.dedup.merge.MergedRecord;
import io.crmkit.core.dedup.review.ReviewDecision;
import io.crmkit.core.dedup.review.ReviewItem;
import io.crmkit.core.json.CrmJson;
import io.crmkit.core.lifecycle.ChurnSignal;
import io.crmkit.core.lifecycle.HistoryEntry;
import io.crmkit.core.lifecycle.LifecycleStore;
import io.crmkit.core.lifecycle.Trigger;
import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.core.memory.InMemoryExtensions;
import io.crmkit.core.metric.CustomerMetric;
import io.crmkit.core.metric.MetricStore;
import io.crmkit.privacy.PrivacyStore;
import io.crmkit.privacy.audit.AuditAction;
import io.crmkit.privacy.audit.AuditEntry;
import io.crmkit.privacy.audit.AuditRecord;
import io.crmkit.privacy.memory.InMemoryPrivacy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

class CustomerExporterTest {
  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
  private static final CurrencyUnit CNY = CurrencyUnit.of("CNY");
  private static final ObjectMapper JSON = CrmJson.newMapper();
  private static final Map<String, Criteria> SEGMENTS = Map.of(
      "beijing", Criteria.codeStartsWith("region", "11"), "shanghai", Criteria.codeStartsWith("region", "31"));

  private final InMemoryCrmStore store = InMemoryCrmStore.create();
  private final Crm crm = Crm.builder().store(store).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
  private final PrivacyStore privacy = store.attach(InMemoryPrivacy.extension());
  private final LifecycleStore lifecycle = store.attach(InMemoryExtensions.lifecycle());
  private final DedupStore dedup = store.attach(InMemoryExtensions.dedup());
  private final MetricStore metrics = store.attach(InMemoryExtensions.metrics());
  private final CustomerExporter exporter = CustomerExporter.builder(privacy).lifecycle(lifecycle).dedup(dedup)
      .metrics(metrics).segments(() -> SEGMENTS).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();

  @Test
  void aCustomerWithDataInEveryPortExportsEachItem() throws IOException {
    Customer zhang = crm.register(NewCustomer.person("张", "伟")
        .addContactPoint(ContactPoint.phone("+8613812345678"))
        .putDimensionCode("region", "110105")
        .addNeed(new Need.Builder().type("financing").urgency(Need.Urgency.HIGH).frequency(Need.Frequency.ONCE).build())
        .build());
    Customer absorbed = crm.register(NewCustomer.person("张", "伟").putDimensionCode("region", "110105").build());
    Customer stranger = crm.register(NewCustomer.person("Smith", "Mary").putDimensionCode("region", "310101").build());
    crm.recordPurchase(crm.newPurchase(zhang.id()).amount(Money.of(CNY, new BigDecimal("1299.00")))
        .occurredAt(NOW.minus(40, ChronoUnit.DAYS)).channel("online").category("electronics").build());
    crm.recordPurchase(crm.newPurchase(zhang.id()).amount(Money.of(CNY, new BigDecimal("-199.00")))
        .occurredAt(NOW.minus(35, ChronoUnit.DAYS)).channel("online").orderReference("SO-2025-0001").build());
    crm.recordInteraction(crm.newInteraction(zhang.id()).channel(Interaction.Channel.PHONE)
        .direction(Interaction.Direction.INBOUND).occurredAt(NOW.minus(3, ChronoUnit.DAYS))
        .subject("Asked about financing").build());
    lifecycle.lifecycleHistory().append(new HistoryEntry(zhang.id(), 1, LifecycleStage.PROSPECT, LifecycleStage.NEW,
        Trigger.FIRST_PURCHASE, NOW.minus(40, ChronoUnit.DAYS), "pos-system", Optional.empty()));
    lifecycle.churnSignals().record(new ChurnSignal(zhang.id(), 0.83, NOW.minus(1, ChronoUnit.DAYS), "segmentation"));
    metrics.customerMetrics().record(CustomerMetric.number(zhang.id(), "clv", 4200.5, NOW.minus(1, ChronoUnit.DAYS)));
    metrics.customerMetrics().record(CustomerMetric.text(zhang.id(), "rfm_segment", "Champions", NOW));
    Merge merge = new Merge.Builder().id(UUID.fromString("00000000-0000-7000-8000-0000000000aa")).actor("steward")
        .mergedAt(NOW.minus(2, ChronoUnit.DAYS)).goldenVersion(2)
        .addRecord(new MergedRecord.Builder().before(zhang).build())
        .addRecord(new MergedRecord.Builder().before(absorbed).build())
        .build();
    dedup.mergeLineage().record(merge);
    dedup.reviewQueue().enqueue(new ReviewItem(zhang.id().toString(), "erp:C-77", 0.71, List.of(), NOW));
    dedup.reviewQueue().enqueue(new ReviewItem(stranger.id().toString(), "erp:C-78", 0.64, List.of(), NOW));
    dedup.reviewQueue().enqueue(new ReviewItem(zhang.id().toString(), absorbed.id().toString(), 0.97, List.of(),
        NOW.minus(3, ChronoUnit.DAYS)));
    dedup.reviewQueue().decide(new ReviewDecision(zhang.id().toString(), absorbed.id().toString(),
        ReviewDecision.Verdict.SAME, "steward", NOW.minus(2, ChronoUnit.DAYS)));
    privacy.auditLog().append(AuditEntry.about(zhang.id(), "agent-7", AuditAction.CLEAR_TEXT_READ, "customer.phone",
        NOW.minus(1, ChronoUnit.HOURS), "callback"));
    privacy.auditLog().append(AuditEntry.about(stranger.id(), "agent-7", AuditAction.CHANGE, "customer.email",
        NOW.minus(1, ChronoUnit.HOURS), "typo"));

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CustomerExporter.Receipt receipt = exporter.export(zhang.id(), "dpo", "access request 2026-17", out);
    JsonNode doc = JSON.readTree(out.toByteArray());

    assertThat(doc.get("schema").asText()).isEqualTo(CustomerExporter.SCHEMA);
    assertThat(doc.get("version").asInt()).isEqualTo(1);
    assertThat(doc.get("exportedAt").asText()).isEqualTo(NOW.toString());
    assertThat(doc.get("customerId").asText()).isEqualTo(zhang.id().toString());
    assertThat(texts(doc.get("sections"))).containsExactly("profile", "needs", "dimensionCodes", "purchases",
        "interactions", "lifecycleHistory", "churnSignal", "metrics", "segments", "mergeLineage", "matchReviews",
        "auditEntries").isEqualTo(receipt.sections());
    assertThat(JSON.treeToValue(doc.get("profile"), Customer.class)).isEqualTo(zhang);
    assertThat(doc.get("needs").get(0).get("type").asText()).isEqualTo("financing");
    assertThat(doc.get("dimensionCodes").get("region").asText()).isEqualTo("110105");
    List<Purchase> purchases = new ArrayList<>();
    for (JsonNode purchase : doc.get("purchases")) {
      purchases.add(JSON.treeToValue(purchase, Purchase.class));
    }
    assertThat(purchases).hasSize(2)
        .containsExactlyInAnyOrderElementsOf(store.purchases().forCustomer(zhang.id(), TimeRange.all()));
    assertThat(texts(doc.get("interactions"), "subject")).containsExactly("Asked about financing");
    assertThat(JSON.treeToValue(doc.get("lifecycleHistory").get(0), HistoryEntry.class))
        .isEqualTo(lifecycle.lifecycleHistory().forCustomer(zhang.id()).get(0));
    assertThat(doc.get("churnSignal").get("probabilityAlive").asDouble()).isEqualTo(0.83);
    assertThat(texts(doc.get("metrics"), "name")).containsExactly("clv", "rfm_segment");
    assertThat(texts(doc.get("segments"))).containsExactly("beijing");
    JsonNode lineage = doc.get("mergeLineage").get(0);
    assertThat(lineage.get("mergeId").asText()).isEqualTo(merge.id().toString());
    assertThat(lineage.get("mergedAt").asText()).isEqualTo(merge.mergedAt().toString());
    assertThat(texts(lineage.get("absorbedIds"))).containsExactly(absorbed.id().toString());
    assertThat(lineage.get("records")).hasSize(2);
    assertThat(doc.get("matchReviews")).hasSize(2);
    assertThat(texts(doc.get("matchReviews"), "status")).containsExactly("PENDING", "DECIDED");
    assertThat(doc.get("matchReviews").get(0).get("review").get("leftId").asText() + " "
        + doc.get("matchReviews").get(0).get("review").get("rightId").asText()).contains("erp:C-77");
    assertThat(doc.get("matchReviews").get(1).get("review").get("verdict").asText()).isEqualTo("SAME");
    JsonNode audit = doc.get("auditEntries");
    assertThat(texts(audit, "action")).containsExactly("CLEAR_TEXT_READ", "EXPORT");
    assertThat(audit.get(1).get("sequence").asLong()).isEqualTo(receipt.auditSequence());
    assertThat(audit.get(1).get("actor").asText()).isEqualTo("dpo");
    assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("Mary");
  }

  @Test
  void aCustomerWithNothingButAProfileExportsAValidDocument() throws IOException {
    Customer bare = crm.register(NewCustomer.person("Smith", "Mary").build());

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    exporter.export(bare.id(), "dpo", "portability request", out);
    JsonNode doc = JSON.readTree(out.toByteArray());

    assertThat(JSON.treeToValue(doc.get("profile"), Customer.class)).isEqualTo(bare);
    for (String empty : List.of("needs", "purchases", "interactions", "lifecycleHistory", "metrics", "segments",
        "mergeLineage", "matchReviews")) {
      assertThat(doc.get(empty).isArray()).as(empty).isTrue();
      assertThat(doc.get(empty)).as(empty).isEmpty();
    }
    assertThat(doc.get("dimensionCodes").isObject()).isTrue();
    assertThat(doc.get("churnSignal").isNull()).isTrue();
    assertThat(texts(doc.get("auditEntries"), "action")).containsExactly("EXPORT");
  }

  @Test
  void theExportIsAuditedAsAnExportOfThatCustomer() {
    Customer mary = crm.register(NewCustomer.person("Smith", "Mary").build());

    CustomerExporter.Receipt receipt = exporter.export(mary.id(), "dpo", "access request 7", new ByteArrayOutputStream());

    List<AuditRecord> records = privacy.auditLog().forCustomer(mary.id(), TimeRange.all());
    assertThat(records).hasSize(1);
    AuditEntry entry = records.get(0).entry();
    assertThat(entry).isEqualTo(AuditEntry.about(mary.id(), "dpo", AuditAction.EXPORT, CustomerExporter.AUDIT_TARGET,
        NOW, "access request 7"));
    assertThat(records.get(0).sequence()).isEqualTo(receipt.auditSequence());
    assertThat(privacy.auditLog().verify().intact()).isTrue();
  }

  @Test
  void anUnknownCustomerIsNotFoundAndNothingIsAudited() {
    CustomerId unknown = CustomerId.of(UUID.fromString("00000000-0000-7000-8000-0000000000ff"));

    assertThatThrownBy(() -> exporter.export(unknown, "dpo", "request", new ByteArrayOutputStream()))
        .isInstanceOf(CustomerNotFoundException.class);
    assertThat(privacy.auditLog().head()).isEmpty();
  }

  @Test
  void anExportThatFailsWhileWritingStaysAudited() {
    Customer mary = crm.register(NewCustomer.person("Smith", "Mary").build());
    OutputStream broken = new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("disk full");
      }
    };

    assertThatThrownBy(() -> exporter.export(mary.id(), "dpo", "request", broken))
        .isInstanceOf(UncheckedIOException.class).hasMessageContaining(mary.id().toString());
    assertThat(privacy.auditLog().forCustomer(mary.id(), TimeRange.all())).extracting(r -> r.entry().action())
        .containsExactly(AuditAction.EXPORT);
  }

  @Test
  void aHostSectionIsWrittenAfterCrmkitsAndBeforeTheAuditEntries() throws IOException {
    Customer mary = crm.register(NewCustomer.person("Smith", "Mary").build());
    ExportSection consent = new ExportSection() {
      @Override
      public String name() {
        return "consent";
      }

      @Override
      public void write(Customer customer, com.fasterxml.jackson.core.JsonGenerator out, ObjectMapper mapper)
          throws IOException {
        out.writeStartArray();
        out.writeString("marketing-email:" + customer.id());
        out.writeEndArray();
      }
    };
    CustomerExporter withConsent = CustomerExporter.builder(privacy).section(consent).build();

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    withConsent.export(mary.id(), "dpo", "request", out);
    JsonNode doc = JSON.readTree(out.toByteArray());

    assertThat(texts(doc.get("sections"))).containsExactly("profile", "needs", "dimensionCodes", "purchases",
        "interactions", "consent", "auditEntries");
    assertThat(texts(doc.get("consent"))).containsExactly("marketing-email:" + mary.id());
  }

  @Test
  void sectionNamesAreCheckedAndUnique() {
    ExportSection twice = ExportSections.purchases(store.purchases());

    assertThatThrownBy(() -> CustomerExporter.builder(privacy).section(twice).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("purchases");
    assertThatThrownBy(() -> CustomerExporter.builder(privacy).section(new NamedOnly("Consent")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Consent");
    assertThatThrownBy(() -> CustomerExporter.builder(privacy).section(new NamedOnly("schema")).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("schema");
  }

  @Test
  void aCustomerWithManyActivitiesExportsEveryOne() throws IOException {
    Customer busy = crm.register(NewCustomer.person("Smith", "Mary").build());
    List<Interaction> interactions = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      interactions.add(crm.newInteraction(busy.id()).channel(Interaction.Channel.EMAIL)
          .direction(Interaction.Direction.OUTBOUND).occurredAt(NOW.minusSeconds(i)).subject("newsletter " + i).build());
    }
    store.interactions().recordAll(interactions);

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    exporter.export(busy.id(), "dpo", "request", out);

    assertThat(JSON.readTree(out.toByteArray()).get("interactions")).hasSize(3000);
  }

  /** A section that only has a name, for the builder's checks. */
  private record NamedOnly(String name) implements ExportSection {
    @Override
    public void write(Customer customer, com.fasterxml.jackson.core.JsonGenerator out, ObjectMapper mapper)
        throws IOException {
      out.writeNull();
    }
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(node -> out.add(node.asText()));
    return out;
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(node -> out.add(node.get(field).asText()));
    return out;
  }
}
