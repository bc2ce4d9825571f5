package io.crmkit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmkit.core.Crm;
import io.crmkit.core.activity.Interaction;
import io.crmkit.core.activity.Purchase;
import io.crmkit.core.activity.TimeRange;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.Customer;
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
import io.crmkit.core.metric.CustomerMetric;
import io.crmkit.core.metric.MetricStore;
import io.crmkit.core.store.CrmStore;
import io.crmkit.core.store.StoreExtension;
import io.crmkit.privacy.PrivacyStore;
import io.crmkit.privacy.audit.AuditAction;
import io.crmkit.privacy.audit.AuditEntry;
import io.crmkit.privacy.consent.ConsentEntry;
import io.crmkit.privacy.consent.ConsentRecord;
import io.crmkit.privacy.consent.ConsentSource;
import io.crmkit.privacy.consent.Purpose;
import io.crmkit.privacy.rights.CustomerExporter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.nio.charset.StandardCharsets;
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
import net.jqwik.api.Example;

/**
 * The access and portability export on a store: a customer with data in every port crmkit exports
 * (the privacy store's consent ledger included)
 * gets a document holding each item (read back and compared with what the ports return), and a
 * customer with nothing but a profile gets a valid document with empty sections. Extend it with a
 * fresh, empty store of your technology and its extensions:
 *
 * <pre>{@code
 * class InMemoryCustomerExportTest extends CustomerExportContract {
 *   protected CrmStore newStore() { return InMemoryCrmStore.create(); }
 *   protected StoreExtension<PrivacyStore> privacy() { return InMemoryPrivacy.extension(); }
 *   ...
 * }
 * }</pre>
 */
public abstract class CustomerExportContract {
  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final CurrencyUnit CNY = CurrencyUnit.of("CNY");
  private static final ObjectMapper JSON = CrmJson.newMapper();
  private static final Map<String, Criteria> SEGMENTS = Map.of(
      "beijing", Criteria.codeStartsWith("region", "11"), "shanghai", Criteria.codeStartsWith("region", "31"));

  /** A fresh, empty store of the technology under test; called once per test. */
  protected abstract CrmStore newStore();

  /** The privacy extension of that technology. */
  protected abstract StoreExtension<PrivacyStore> privacy();

  /** The lifecycle extension of that technology. */
  protected abstract StoreExtension<LifecycleStore> lifecycle();

  /** The dedup extension of that technology. */
  protected abstract StoreExtension<DedupStore> dedup();

  /** The metrics extension of that technology. */
  protected abstract StoreExtension<MetricStore> metrics();

  @Example
  void anUndoneMergeExportsOnlyTheCustomersOwnRecordNotTheOtherPersons() throws IOException {
    CrmStore store = newStore();
    Crm crm = Crm.builder().store(store).clock(CLOCK).build();
    PrivacyStore privacy = store.attach(privacy());
    DedupStore dedup = store.attach(dedup());
    Customer zhang = crm.register(NewCustomer.person("张", "伟").addContactPoint(ContactPoint.phone("+8613812345678"))
        .build());
    Customer namesake = crm.register(NewCustomer.person("张", "伟").addContactPoint(ContactPoint.phone("+8613987654321"))
        .build());
    dedup.mergeLineage().record(new Merge.Builder().id(UUID.randomUUID()).actor("steward")
        .mergedAt(NOW.minus(2, ChronoUnit.DAYS)).goldenVersion(2)
        .addRecord(new MergedRecord.Builder().before(zhang).build())
        .addRecord(new MergedRecord.Builder().before(namesake).build())
        .build().withUndone(new Merge.Undo(NOW.minus(1, ChronoUnit.DAYS), "steward", 3)));
    CustomerExporter exporter = CustomerExporter.builder(privacy).dedup(dedup).clock(CLOCK).build();

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    exporter.export(zhang.id(), "dpo", "access request", out);

    JsonNode lineage = JSON.readTree(out.toByteArray()).get("mergeLineage");
    assertThat(lineage).hasSize(1);
    assertThat(lineage.get(0).get("records")).singleElement()
        .satisfies(record -> assertThat(record.get("before").get("id").asText()).isEqualTo(zhang.id().toString()));
    assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("13987654321");
  }

  @Example
  void aCustomerWithDataInEveryPortExportsEachItem() throws IOException {
    CrmStore store = newStore();
    Crm crm = Crm.builder().store(store).clock(CLOCK).build();
    PrivacyStore privacy = store.attach(privacy());
    LifecycleStore lifecycle = store.attach(lifecycle());
    DedupStore dedup = store.attach(dedup());
    MetricStore metrics = store.attach(metrics());
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
    crm.recordPurchase(crm.newPurchase(stranger.id()).amount(Money.of(CNY, new BigDecimal("5.00")))
        .occurredAt(NOW.minus(5, ChronoUnit.DAYS)).channel("store").build());
    crm.recordInteraction(crm.newInteraction(zhang.id()).channel(Interaction.Channel.PHONE)
        .direction(Interaction.Direction.INBOUND).occurredAt(NOW.minus(3, ChronoUnit.DAYS))
        .subject("Asked about financing").build());
    lifecycle.lifecycleHistory().append(new HistoryEntry(zhang.id(), 1, LifecycleStage.PROSPECT, LifecycleStage.NEW,
        Trigger.FIRST_PURCHASE, NOW.minus(40, ChronoUnit.DAYS), "pos-system", Optional.empty()));
    lifecycle.churnSignals().record(new ChurnSignal(zhang.id(), 0.83, NOW.minus(1, ChronoUnit.DAYS), "segmentation"));
    metrics.customerMetrics().record(CustomerMetric.number(zhang.id(), "clv", 4200.5, NOW.minus(1, ChronoUnit.DAYS)));
    metrics.customerMetrics().record(CustomerMetric.text(zhang.id(), "rfm_segment", "Champions", NOW));
    Merge merge = new Merge.Builder().id(UUID.randomUUID()).actor("steward")
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
    ConsentRecord emailGranted = privacy.consents().append(ConsentEntry.granted(zhang.id(), Purpose.MARKETING_EMAIL,
        ConsentSource.WEB_FORM, "signup-form-v3", NOW.minus(30, ChronoUnit.DAYS), "web"));
    ConsentRecord smsGranted = privacy.consents().append(ConsentEntry.granted(zhang.id(), Purpose.MARKETING_SMS,
        ConsentSource.IN_PERSON, "paper-form-2025-118", NOW.minus(20, ChronoUnit.DAYS), "agent-7"));
    privacy.consents().append(ConsentEntry.granted(stranger.id(), Purpose.PROFILING, ConsentSource.WEB_FORM,
        "signup-form-v3", NOW.minus(20, ChronoUnit.DAYS), "web"));
    ConsentRecord smsWithdrawn = privacy.consents().append(ConsentEntry.withdrawn(zhang.id(), Purpose.MARKETING_SMS,
        ConsentSource.MESSAGE_LINK, "sms-stop-reply-9912", NOW.minus(10, ChronoUnit.DAYS), "sms-gateway"));
    privacy.consents().append(ConsentEntry.granted(zhang.id(), Purpose.PROFILING, ConsentSource.MOBILE_APP,
        "app-settings-v2", NOW.plus(1, ChronoUnit.DAYS), "app"));
    CustomerExporter exporter = CustomerExporter.builder(privacy).lifecycle(lifecycle).dedup(dedup).metrics(metrics)
        .segments(() -> SEGMENTS).clock(CLOCK).build();

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CustomerExporter.Receipt receipt = exporter.export(zhang.id(), "dpo", "access request 2026-17", out);
    JsonNode doc = JSON.readTree(out.toByteArray());

    assertThat(doc.get("schema").asText()).isEqualTo(CustomerExporter.SCHEMA);
    assertThat(doc.get("version").asInt()).isEqualTo(CustomerExporter.VERSION);
    assertThat(doc.get("customerId").asText()).isEqualTo(zhang.id().toString());
    assertThat(texts(doc.get("sections"))).isEqualTo(receipt.sections()).containsExactly("profile", "needs",
        "dimensionCodes", "purchases", "interactions", "lifecycleHistory", "churnSignal", "metrics", "segments",
        "mergeLineage", "matchReviews", "consent", "auditEntries");
    assertThat(JSON.treeToValue(doc.get("profile"), Customer.class)).isEqualTo(store.customers().findById(zhang.id())
        .orElseThrow());
    assertThat(texts(doc.get("needs"), "type")).containsExactly("financing");
    assertThat(doc.get("dimensionCodes").get("region").asText()).isEqualTo("110105");
    assertThat(read(doc.get("purchases"), Purchase.class)).hasSize(2)
        .containsExactlyInAnyOrderElementsOf(store.purchases().forCustomer(zhang.id(), TimeRange.all()));
    assertThat(read(doc.get("interactions"), Interaction.class))
        .containsExactlyElementsOf(store.interactions().forCustomer(zhang.id(), TimeRange.all()));
    assertThat(read(doc.get("lifecycleHistory"), HistoryEntry.class))
        .containsExactlyElementsOf(lifecycle.lifecycleHistory().forCustomer(zhang.id()));
    assertThat(JSON.treeToValue(doc.get("churnSignal"), ChurnSignal.class))
        .isEqualTo(lifecycle.churnSignals().latest(zhang.id(), NOW).orElseThrow());
    assertThat(texts(doc.get("metrics"), "name")).containsExactly("clv", "rfm_segment");
    assertThat(texts(doc.get("segments"))).containsExactly("beijing");
    JsonNode lineage = doc.get("mergeLineage");
    assertThat(lineage).hasSize(1);
    assertThat(lineage.get(0).get("mergeId").asText()).isEqualTo(merge.id().toString());
    assertThat(Instant.parse(lineage.get(0).get("mergedAt").asText())).isEqualTo(merge.mergedAt());
    assertThat(texts(lineage.get(0).get("absorbedIds"))).containsExactly(absorbed.id().toString());
    assertThat(texts(doc.get("matchReviews"), "status")).containsExactly("PENDING", "DECIDED");
    assertThat(doc.get("matchReviews").get(0).get("review").toString()).contains("erp:C-77")
        .contains(zhang.id().toString());
    assertThat(doc.get("matchReviews").get(1).get("review").get("verdict").asText()).isEqualTo("SAME");
    JsonNode consent = doc.get("consent");
    assertThat(Instant.parse(consent.get("asOf").asText())).isEqualTo(NOW);
    assertThat(texts(consent.get("history"), "sequence")).as("the whole ledger of the customer, in append order")
        .hasSize(4).startsWith(String.valueOf(emailGranted.sequence()), String.valueOf(smsGranted.sequence()));
    assertThat(texts(consent.get("history"), "purpose"))
        .containsExactly("marketing_email", "marketing_sms", "marketing_sms", "profiling");
    JsonNode withdrawal = consent.get("history").get(2);
    assertThat(withdrawal.get("sequence").asLong()).isEqualTo(smsWithdrawn.sequence());
    assertThat(withdrawal.get("status").asText()).isEqualTo("WITHDRAWN");
    assertThat(withdrawal.get("source").asText()).isEqualTo("message_link");
    assertThat(withdrawal.get("evidence").asText()).isEqualTo("sms-stop-reply-9912");
    assertThat(Instant.parse(withdrawal.get("decidedAt").asText())).isEqualTo(NOW.minus(10, ChronoUnit.DAYS));
    assertThat(withdrawal.get("actor").asText()).isEqualTo("sms-gateway");
    assertThat(texts(consent.get("current"), "purpose")).as("profiling is decided only tomorrow")
        .containsExactly("marketing_email", "marketing_sms");
    assertThat(texts(consent.get("current"), "status")).containsExactly("GRANTED", "WITHDRAWN");
    assertThat(texts(consent.get("current"), "sequence"))
        .containsExactly(String.valueOf(emailGranted.sequence()), String.valueOf(smsWithdrawn.sequence()));
    assertThat(texts(doc.get("auditEntries"), "action")).containsExactly("CLEAR_TEXT_READ", "EXPORT");
    assertThat(doc.get("auditEntries").get(1).get("sequence").asLong()).isEqualTo(receipt.auditSequence());
  }

  @Example
  void aCustomerWithNothingButAProfileExportsAValidDocument() throws IOException {
    CrmStore store = newStore();
    Crm crm = Crm.builder().store(store).clock(CLOCK).build();
    PrivacyStore privacy = store.attach(privacy());
    Customer bare = crm.register(NewCustomer.person("Smith", "Mary").build());
    CustomerExporter exporter = CustomerExporter.builder(privacy).lifecycle(store.attach(lifecycle()))
        .dedup(store.attach(dedup())).metrics(store.attach(metrics())).segments(() -> SEGMENTS).clock(CLOCK).build();

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    exporter.export(bare.id(), "dpo", "portability request", out);
    JsonNode doc = JSON.readTree(out.toByteArray());

    assertThat(JSON.treeToValue(doc.get("profile"), Customer.class)).isEqualTo(bare);
    for (String empty : List.of("needs", "purchases", "interactions", "lifecycleHistory", "metrics", "segments",
        "mergeLineage", "matchReviews")) {
      assertThat(doc.get(empty).isArray()).as(empty).isTrue();
      assertThat(doc.get(empty)).as(empty).isEmpty();
    }
    assertThat(doc.get("consent").get("history")).isEmpty();
    assertThat(doc.get("consent").get("current")).isEmpty();
    assertThat(doc.get("dimensionCodes").isObject()).isTrue();
    assertThat(doc.get("churnSignal").isNull()).isTrue();
    assertThat(texts(doc.get("auditEntries"), "action")).containsExactly("EXPORT");
  }

  private static <T> List<T> read(JsonNode array, Class<T> type) throws IOException {
    List<T> out = new ArrayList<>();
    for (JsonNode node : array) {
      out.add(JSON.treeToValue(node, type));
    }
    return out;
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
