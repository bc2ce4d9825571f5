package io.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.activity.TimeRange;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.event.DomainEvent;
import io.crmkit.privacy.ConsentChanged;
import io.crmkit.privacy.PrivacyEvent;
import io.crmkit.privacy.PrivacyStore;
import io.crmkit.privacy.consent.ConsentEntry;
import io.crmkit.privacy.consent.ConsentLedger;
import io.crmkit.privacy.consent.ConsentSource;
import io.crmkit.privacy.consent.ConsentStatus;
import io.crmkit.privacy.consent.Purpose;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A consent change reaches the outbox in the change's transaction, as a {@link ConsentChanged} of
 * the privacy family, on each database; a store that cannot carry the family records nothing.
 */
abstract class ConsentChangedOutboxBehaviour {
  private static final CustomerId ALICE = CustomerId.of(new UUID(0, 0xA));
  private static final Instant DECIDED = Instant.parse("2026-02-01T10:15:30.123456789Z");

  /** A new, empty database. */
  protected abstract DataSource newDatabase(String name);

  private static ConsentEntry withdrawal() {
    return ConsentEntry.withdrawn(ALICE, Purpose.MARKETING_SMS, ConsentSource.CALL_CENTRE, "call-2026-0042", DECIDED,
        "agent-17");
  }

  @Test
  void aConsentChangeIsAnOutboxRowBesideItsRecordAndRelaysAsConsentChanged() throws SQLException {
    DataSource database = newDatabase("consent_outbox");
    JdbcCrmStore store = JdbcCrmStore.create(database, JdbcOptions.builder().eventFamilies(PrivacyEvent.FAMILY).build());
    PrivacyStore privacy = store.attach(JdbcPrivacy.extension());
    UUID eventId = new UUID(7, 7);
    ConsentLedger ledger = ConsentLedger.builder().store(privacy).ids(() -> eventId).build();

    ledger.record(withdrawal());

    assertThat(outboxTypes(database)).containsExactly("ConsentChanged");
    List<DomainEvent> delivered = new CopyOnWriteArrayList<>();
    store.outboxRelay(delivered::add).relayPending();
    assertThat(delivered).containsExactly(new ConsentChanged(eventId, DECIDED, ALICE, Purpose.MARKETING_SMS,
        ConsentStatus.WITHDRAWN, ConsentSource.CALL_CENTRE));
  }

  @Test
  void aStoreThatCannotCarryTheFamilyRollsTheConsentChangeAndItsAuditEntryBack() throws SQLException {
    DataSource database = newDatabase("consent_no_family");
    JdbcCrmStore store = JdbcCrmStore.create(database);
    PrivacyStore privacy = store.attach(JdbcPrivacy.extension());
    ConsentLedger ledger = ConsentLedger.builder().store(privacy).build();

    assertThatThrownBy(() -> ledger.record(withdrawal())).isInstanceOf(IllegalArgumentException.class);

    assertThat(privacy.consents().history(ALICE)).isEmpty();
    assertThat(privacy.auditLog().inRange(TimeRange.all())).isEmpty();
    assertThat(outboxTypes(database)).isEmpty();
  }

  private static List<String> outboxTypes(DataSource database) throws SQLException {
    List<String> types = new ArrayList<>();
    try (Connection connection = database.getConnection();
        PreparedStatement select = connection.prepareStatement("SELECT event_type FROM crm_outbox ORDER BY seq");
        ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        types.add(rs.getString(1));
      }
    }
    return types;
  }
}
