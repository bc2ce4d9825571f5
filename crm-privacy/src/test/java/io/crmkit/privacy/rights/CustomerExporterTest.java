package io.crmkit.privacy.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmkit.core.Crm;
import io.crmkit.core.activity.Interaction;
import io.crmkit.core.activity.TimeRange;
import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.CustomerNotFoundException;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.dedup.DedupStore;
import io.crmkit.core.json.CrmJson;
import io.crmkit.core.lifecycle.LifecycleStore;
import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.core.memory.InMemoryExtensions;
import io.crmkit.core.metric.MetricStore;
import io.crmkit.privacy.PrivacyStore;
import io.crmkit.privacy.audit.AuditAction;
import io.crmkit.privacy.audit.AuditEntry;
import io.crmkit.privacy.audit.AuditRecord;
import io.crmkit.privacy.consent.ConsentEntry;
import io.crmkit.privacy.consent.ConsentLedger;
import io.crmkit.privacy.consent.ConsentSource;
import io.crmkit.privacy.consent.Purpose;
import io.crmkit.privacy.memory.InMemoryPrivacy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * How the exporter audits, fails and takes host sections. That the document holds every item of
 * every port (and a bare profile exports a valid document) is crm-testkit's {@code
 * CustomerExportContract}, run on memory, H2 and PostgreSQL.
 */
class CustomerExporterTest {
  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
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
  void aHostSectionIsWrittenAfterCrmkitsAndTheConsentLedgerAndBeforeTheAuditEntries() throws IOException {
    Customer mary = crm.register(NewCustomer.person("Smith", "Mary").build());
    ExportSection loyalty = new ExportSection() {
      @Override
      public String name() {
        return "loyaltyCards";
      }

      @Override
      public void write(Customer customer, com.fasterxml.jackson.core.JsonGenerator out, ObjectMapper mapper)
          throws IOException {
        out.writeStartArray();
        out.writeString("card-for:" + customer.id());
        out.writeEndArray();
      }
    };
    CustomerExporter withLoyalty = CustomerExporter.builder(privacy).section(loyalty).build();

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    withLoyalty.export(mary.id(), "dpo", "request", out);
    JsonNode doc = JSON.readTree(out.toByteArray());

    assertThat(texts(doc.get("sections"))).containsExactly("profile", "needs", "dimensionCodes", "purchases",
        "interactions", "consent", "loyaltyCards", "auditEntries");
    assertThat(texts(doc.get("loyaltyCards"))).containsExactly("card-for:" + mary.id());
  }

  @Test
  void theConsentLedgerIsExportedByDefaultWithItsStateAsOfTheExport() throws IOException {
    Customer mary = crm.register(NewCustomer.person("Smith", "Mary").build());
    Customer other = crm.register(NewCustomer.person("Smith", "John").build());
    ConsentLedger ledger = ConsentLedger.builder().store(privacy).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    ledger.record(ConsentEntry.granted(mary.id(), Purpose.MARKETING_EMAIL, ConsentSource.WEB_FORM, "form-v3",
        NOW.minusSeconds(600), "web"));
    ledger.record(ConsentEntry.withdrawn(mary.id(), Purpose.MARKETING_EMAIL, ConsentSource.MESSAGE_LINK, "unsub-77",
        NOW.minusSeconds(60), "mailer"));
    ledger.record(ConsentEntry.granted(other.id(), Purpose.MARKETING_SMS, ConsentSource.WEB_FORM, "form-v3",
        NOW.minusSeconds(60), "web"));

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CustomerExporter.builder(privacy).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build()
        .export(mary.id(), "dpo", "request", out);
    JsonNode consent = JSON.readTree(out.toByteArray()).get("consent");

    assertThat(texts(consent.get("history"), "evidence")).containsExactly("form-v3", "unsub-77");
    assertThat(texts(consent.get("history"), "actor")).containsExactly("web", "mailer");
    assertThat(consent.get("current")).singleElement().satisfies(current -> {
      assertThat(current.get("purpose").asText()).isEqualTo("marketing_email");
      assertThat(current.get("status").asText()).isEqualTo("WITHDRAWN");
      assertThat(Instant.parse(current.get("decidedAt").asText())).isEqualTo(NOW.minusSeconds(60));
    });
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
