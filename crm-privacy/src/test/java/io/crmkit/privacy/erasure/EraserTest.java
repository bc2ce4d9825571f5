package io.crmkit.privacy.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.activity.TimeRange;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.CustomerKind;
import io.crmkit.core.customer.PersonName;
import io.crmkit.core.event.DomainEvent;
import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.core.memory.InMemoryExtensions;
import io.crmkit.core.store.CrmStore;
import io.crmkit.privacy.ConsentChanged;
import io.crmkit.privacy.CustomerErased;
import io.crmkit.privacy.PrivacyStore;
import io.crmkit.privacy.audit.AuditAction;
import io.crmkit.privacy.audit.AuditRecord;
import io.crmkit.privacy.consent.ConsentEntry;
import io.crmkit.privacy.consent.ConsentSource;
import io.crmkit.privacy.consent.ConsentStatus;
import io.crmkit.privacy.consent.Purpose;
import io.crmkit.privacy.memory.InMemoryPrivacy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class EraserTest {
  private static final Instant NOW = Instant.parse("2026-03-01T10:15:30Z");
  private static final UUID EVENT_ID = UUID.fromString("00000000-0000-7000-8000-0000000000e1");

  private final InMemoryCrmStore store = InMemoryCrmStore.create();
  private final PrivacyStore privacy = store.attach(InMemoryPrivacy.extension());
  private final Eraser eraser = Eraser.builder().privacy(privacy).clock(Clock.fixed(NOW, ZoneOffset.UTC))
      .ids(() -> EVENT_ID).build();

  private Customer saved() {
    return store.customers().save(new Customer.Builder()
        .id(CustomerId.of(UUID.fromString("00000000-0000-7000-8000-000000000001")))
        .version(0).createdAt(NOW.minusSeconds(86_400)).updatedAt(NOW.minusSeconds(86_400))
        .kind(CustomerKind.PERSON).personName(PersonName.of("Smith", "Mary"))
        .addContactPoint(ContactPoint.email("mary.smith@example.com"))
        .build());
  }

  @Test
  void anErasurePublishesCustomerErasedWithTheIdOnlyAfterItCommits() throws Exception {
    Customer mary = saved();
    List<DomainEvent> events = new CopyOnWriteArrayList<>();
    try (AutoCloseable subscription = store.events().subscribe(events::add)) {
      eraser.erase(mary.id(), "dpo", "erasure request");
    }

    assertThat(events).containsExactly(new CustomerErased(EVENT_ID, NOW, mary.id()));
  }

  @Test
  void anErasureWithdrawsGrantedConsentWithConsentChangedBeforeCustomerErased() throws Exception {
    Customer mary = saved();
    privacy.consents().append(ConsentEntry.granted(mary.id(), Purpose.MARKETING_SMS, ConsentSource.WEB_FORM,
        "form-v3", NOW.minusSeconds(600), "web"));
    List<DomainEvent> events = new CopyOnWriteArrayList<>();
    try (AutoCloseable subscription = store.events().subscribe(events::add)) {
      eraser.erase(mary.id(), "dpo", "erasure request");
    }

    assertThat(events).containsExactly(
        new ConsentChanged(EVENT_ID, NOW, mary.id(), Purpose.MARKETING_SMS, ConsentStatus.WITHDRAWN,
            Eraser.CONSENT_SOURCE),
        new CustomerErased(EVENT_ID, NOW, mary.id()));
  }

  @Test
  void aCustomerWithoutGrantedConsentGetsNoConsentRecord() {
    Customer mary = saved();
    privacy.consents().append(ConsentEntry.withdrawn(mary.id(), Purpose.MARKETING_SMS, ConsentSource.WEB_FORM,
        "form-v3", NOW.minusSeconds(600), "web"));

    Eraser.Result result = eraser.erase(mary.id(), "dpo", "erasure request");

    assertThat(result.consentsWithdrawn()).isZero();
    assertThat(privacy.consents().history(mary.id())).hasSize(1);
    assertThat(privacy.auditLog().forCustomer(mary.id(), TimeRange.all()))
        .extracting(r -> r.entry().action()).containsExactly(AuditAction.ERASURE);
  }

  @Test
  void aRolledBackErasurePublishesNothingAndAuditsNothing() throws Exception {
    Customer mary = saved();
    List<DomainEvent> events = new CopyOnWriteArrayList<>();
    try (AutoCloseable subscription = store.events().subscribe(events::add)) {
      assertThatThrownBy(() -> store.transactions().inTransaction(() -> {
        eraser.erase(mary.id(), "dpo", "erasure request");
        throw new IllegalStateException("the host's work failed");
      })).isInstanceOf(IllegalStateException.class);
    }

    assertThat(events).isEmpty();
    assertThat(privacy.auditLog().head()).isEmpty();
    assertThat(store.customers().findById(mary.id())).contains(mary);
  }

  @Test
  void theAuditEntryNamesTheCustomerByIdAndHoldsNoPersonalValue() {
    Customer mary = saved();

    Eraser.Result result = eraser.erase(mary.id(), "dpo", "GDPR art. 17 request of 2026-02-27");

    AuditRecord record = privacy.auditLog().head().orElseThrow();
    assertThat(record.entry().action()).isEqualTo(AuditAction.ERASURE);
    assertThat(record.entry().customer()).contains(mary.id());
    assertThat(record.entry().target()).isEqualTo(Eraser.AUDIT_TARGET);
    assertThat(record.toString()).doesNotContain("Mary", "Smith", "mary.smith@example.com");
    assertThat(result.auditSequence()).isEqualTo(record.sequence());
    assertThat(result.erased()).containsExactly(mary.id());
    assertThat(result.customerRecords()).isEqualTo(1);
  }

  @Test
  void aCustomerThatWasNeverStoredIsStillAuditedAsErased() {
    CustomerId unknown = CustomerId.of(UUID.fromString("00000000-0000-7000-8000-00000000dead"));

    Eraser.Result result = eraser.erase(unknown, "dpo", "erasure request");

    assertThat(result.customerRecords()).isZero();
    assertThat(privacy.auditLog().head().orElseThrow().entry().customer()).contains(unknown);
  }

  @Test
  void aReasonTooLongForTheAuditLogFailsBeforeAnythingIsErased() {
    Customer mary = saved();

    assertThatThrownBy(() -> eraser.erase(mary.id(), "dpo", "x".repeat(501)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reason");
    assertThat(store.customers().findById(mary.id())).contains(mary);
  }

  @Test
  void extensionStoresOfAnotherBaseAreRefused() {
    CrmStore other = InMemoryCrmStore.create();

    assertThatThrownBy(() -> Eraser.builder().privacy(privacy)
        .lifecycle(other.attach(InMemoryExtensions.lifecycle())).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lifecycle store must be attached to the privacy store's base");
  }

  @Test
  void anEraserNeedsAPrivacyStoreAndAnErasureAnActorAndAReason() {
    Customer mary = saved();

    assertThatThrownBy(() -> Eraser.builder().build()).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("privacy store");
    assertThatThrownBy(() -> eraser.erase(mary.id(), " ", "request")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("actor");
    assertThatThrownBy(() -> eraser.erase(mary.id(), "dpo", "")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reason");
  }
}
