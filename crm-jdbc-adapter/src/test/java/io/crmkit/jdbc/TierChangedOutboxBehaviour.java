package io.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.Crm;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.customer.ValueTier;
import io.crmkit.core.event.CustomerUpdated;
import io.crmkit.core.event.DomainEvent;
import io.crmkit.segmentation.SegmentationEvent;
import io.crmkit.segmentation.TierChanged;
import io.crmkit.segmentation.tier.TierApplier;
import io.crmkit.segmentation.tier.TierAssignment;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A tier change reaches the outbox in the change's transaction, as a {@link TierChanged} of the
 * segmentation family, on each database.
 */
abstract class TierChangedOutboxBehaviour {

  /** A new, empty database. */
  protected abstract DataSource newDatabase(String name);

  private static TierAssignment vip(Customer customer) {
    return new TierAssignment(customer.id(), ValueTier.VIP, "monetary", 2500, "monetary >= 1000");
  }

  @Test
  void aTierChangeIsAnOutboxRowBesideTheCustomerUpdateAndRelaysAsTierChanged() throws SQLException {
    DataSource database = newDatabase("tier_outbox");
    JdbcCrmStore store = JdbcCrmStore.create(database,
        JdbcOptions.builder().eventFamilies(SegmentationEvent.FAMILY).build());
    Crm crm = Crm.builder().store(store).build();
    Customer customer = crm.register(NewCustomer.person("Smith", "Mary").build());

    TierApplier.Report report = TierApplier.builder().crm(crm).build().apply(List.of(vip(customer)));

    assertThat(report.changed()).containsExactly(customer.id());
    assertThat(outboxTypes(database, customer)).containsExactly("CustomerRegistered", "CustomerUpdated", "TierChanged");
    List<DomainEvent> delivered = new CopyOnWriteArrayList<>();
    store.outboxRelay(delivered::add).relayPending();
    assertThat(delivered).hasSize(3);
    assertThat(delivered.get(1)).isInstanceOf(CustomerUpdated.class);
    assertThat(delivered.get(2)).isInstanceOfSatisfying(TierChanged.class, event -> {
      assertThat(event.customerId()).isEqualTo(customer.id());
      assertThat(event.from()).isEmpty();
      assertThat(event.to()).isEqualTo(ValueTier.VIP);
      assertThat(event.version()).isEqualTo(crm.get(customer.id()).version());
      assertThat(event.reason()).isEqualTo("VIP: monetary 2500, monetary >= 1000");
    });
  }

  @Test
  void aStoreThatCannotCarryTheFamilyRollsTheTierChangeBack() throws SQLException {
    DataSource database = newDatabase("tier_no_family");
    JdbcCrmStore store = JdbcCrmStore.create(database);
    Crm crm = Crm.builder().store(store).build();
    Customer customer = crm.register(NewCustomer.person("Smith", "Mary").build());

    assertThatThrownBy(() -> TierApplier.builder().crm(crm).build().apply(List.of(vip(customer))))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(crm.get(customer.id()).tier()).isEmpty();
    assertThat(crm.get(customer.id()).version()).isEqualTo(customer.version());
    assertThat(outboxTypes(database, customer)).containsExactly("CustomerRegistered");
  }

  private static List<String> outboxTypes(DataSource database, Customer customer) throws SQLException {
    List<String> types = new ArrayList<>();
    try (Connection connection = database.getConnection();
        PreparedStatement select = connection.prepareStatement(
            "SELECT event_type FROM crm_outbox WHERE customer_id = ? ORDER BY seq")) {
      select.setObject(1, customer.id().value());
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          types.add(rs.getString(1));
        }
      }
    }
    return types;
  }
}
