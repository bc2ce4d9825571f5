package io.crmkit.examples;

import io.crmkit.core.Crm;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.event.DomainEvent;
import io.crmkit.jdbc.JdbcCrmStore;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * crmkit embedded in a host system: a small plain-Java "ERP" with its own {@link DataSource}, its
 * own table ({@code erp_order}) and its own JDBC transactions. When the ERP takes a first order
 * from a new customer, crmkit registers the customer on the ERP's connection ({@link
 * JdbcCrmStore#joining}) inside the ERP's transaction: the customer, its lookup keys and its
 * {@code CustomerRegistered} outbox event commit with the order, or vanish with it when the ERP
 * rolls back. crmkit never commits, rolls back or closes the host's connection.
 *
 * <p>Run it with {@code mvn -B -q -pl crm-examples -am compile exec:java
 * -Dexec.mainClass=io.crmkit.examples.ErpEmbedding}.
 */
public final class ErpEmbedding {
  private final DataSource dataSource;
  private final JdbcCrmStore crmStore;

  private ErpEmbedding(DataSource dataSource, JdbcCrmStore crmStore) {
    this.dataSource = dataSource;
    this.crmStore = crmStore;
  }

  /**
   * The ERP on {@code dataSource}: creates its {@code erp_order} table if missing and crmkit's
   * tables (Flyway, on first use) in the same database.
   *
   * @throws SQLException if the ERP's table cannot be created
   */
  public static ErpEmbedding start(DataSource dataSource) throws SQLException {
    Objects.requireNonNull(dataSource, "dataSource");
    try (Connection connection = dataSource.getConnection(); Statement ddl = connection.createStatement()) {
      ddl.execute("CREATE TABLE IF NOT EXISTS erp_order (order_number VARCHAR(32) PRIMARY KEY, "
          + "customer_id UUID NOT NULL, amount DECIMAL(12, 2) NOT NULL)");
    }
    return new ErpEmbedding(dataSource, JdbcCrmStore.create(dataSource));
  }

  /**
   * Takes a new customer's first order in one ERP transaction: crmkit registers the customer on
   * the ERP's connection, then the ERP inserts its order; both commit together. If the ERP's own
   * insert fails (an order number taken, say), the ERP rolls back and the customer is gone too.
   *
   * @return the customer as registered (committed)
   * @throws SQLException the host's failure, after its rollback; nothing of crmkit's remains
   */
  public Customer takeFirstOrder(NewCustomer customer, String orderNumber, BigDecimal amount) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        Crm crm = Crm.builder().store(crmStore.joining(connection)).build();
        Customer registered = crm.register(customer);
        try (PreparedStatement insert = connection.prepareStatement(
            "INSERT INTO erp_order (order_number, customer_id, amount) VALUES (?, ?, ?)")) {
          insert.setString(1, orderNumber);
          insert.setObject(2, registered.id().value());
          insert.setBigDecimal(3, amount);
          insert.executeUpdate();
        }
        connection.commit();
        return registered;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    }
  }

  /** The customer crmkit knows under {@code reference}, read outside any ERP transaction. */
  public Optional<Customer> customer(ExternalReference reference) {
    return Crm.builder().store(crmStore).build().findByExternalReference(reference);
  }

  /** How many orders the ERP holds. */
  public int orders() throws SQLException {
    try (Connection connection = dataSource.getConnection(); Statement query = connection.createStatement();
        var rows = query.executeQuery("SELECT COUNT(*) FROM erp_order")) {
      rows.next();
      return rows.getInt(1);
    }
  }

  /** Hands crmkit's committed, unpublished events to the host (here: returns them). */
  public List<DomainEvent> relayEvents() {
    List<DomainEvent> delivered = new ArrayList<>();
    crmStore.outboxRelay(delivered::add).relayPending();
    return delivered;
  }

  public static void main(String[] args) throws SQLException {
    run(System.out, "jdbc:h2:mem:crmkit-erp;DB_CLOSE_DELAY=-1");
  }

  /** The two paths on the H2 database at {@code url}: an order that commits and one that rolls back. */
  static ErpEmbedding run(PrintStream out, String url) throws SQLException {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL(url);
    ErpEmbedding erp = start(dataSource);

    Customer wang = erp.takeFirstOrder(NewCustomer.person("王", "芳")
        .addExternalReference(ExternalReference.of("erp", "K-1001")).build(), "SO-1", new BigDecimal("250.00"));
    out.println("Committed: customer " + wang.id() + " with order SO-1; events: " + erp.relayEvents().size());

    try {
      erp.takeFirstOrder(NewCustomer.person("赵", "磊")
          .addExternalReference(ExternalReference.of("erp", "K-1002")).build(), "SO-1", new BigDecimal("99.00"));
    } catch (SQLException e) {
      out.println("Rolled back (order number SO-1 is taken): customer K-1002 registered: "
          + erp.customer(ExternalReference.of("erp", "K-1002")).isPresent() + "; events: " + erp.relayEvents().size());
    }
    out.println("Orders: " + erp.orders());
    return erp;
  }
}
