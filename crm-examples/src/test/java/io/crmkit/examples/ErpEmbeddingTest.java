package io.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.event.CustomerRegistered;
import io.crmkit.core.event.DomainEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ErpEmbeddingTest {
  private static final ExternalReference FIRST = ExternalReference.of("erp", "K-1");
  private static final ExternalReference SECOND = ExternalReference.of("erp", "K-2");

  private ErpEmbedding erp;

  @BeforeEach
  void erpOnItsOwnDatabase() throws SQLException {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:erp-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    erp = ErpEmbedding.start(dataSource);
  }

  @Test
  void whenTheErpCommitsTheCustomerItsEventAndTheOrderAreAllStored() throws SQLException {
    Customer registered = erp.takeFirstOrder(customer(FIRST), "SO-1", new BigDecimal("10.00"));

    assertThat(erp.customer(FIRST)).map(Customer::id).contains(registered.id());
    assertThat(erp.orders()).isEqualTo(1);
    List<DomainEvent> events = erp.relayEvents();
    assertThat(events).singleElement().isInstanceOf(CustomerRegistered.class)
        .satisfies(e -> assertThat(e.customerId()).isEqualTo(registered.id()));
  }

  @Test
  void whenTheErpRollsBackTheCustomerAndItsEventAreGoneWithTheOrder() throws SQLException {
    erp.takeFirstOrder(customer(FIRST), "SO-1", new BigDecimal("10.00"));
    erp.relayEvents();

    assertThatThrownBy(() -> erp.takeFirstOrder(customer(SECOND), "SO-1", new BigDecimal("20.00")))
        .isInstanceOf(SQLException.class);

    assertThat(erp.customer(SECOND)).isEmpty();
    assertThat(erp.orders()).isEqualTo(1);
    assertThat(erp.relayEvents()).as("no outbox event of the rolled-back customer").isEmpty();
    assertThat(erp.customer(FIRST)).as("the earlier, committed customer stays").isPresent();
  }

  @Test
  void theExampleRunsBothPaths() throws SQLException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    ErpEmbedding.run(new PrintStream(buffer, true, StandardCharsets.UTF_8),
        "jdbc:h2:mem:erp-example-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    assertThat(buffer.toString(StandardCharsets.UTF_8))
        .contains("with order SO-1; events: 1")
        .contains("customer K-1002 registered: false; events: 0")
        .contains("Orders: 1");
  }

  private static NewCustomer customer(ExternalReference reference) {
    return NewCustomer.person("孙", "丽").addExternalReference(reference).build();
  }
}
