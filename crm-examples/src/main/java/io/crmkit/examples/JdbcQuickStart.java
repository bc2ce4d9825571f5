package io.crmkit.examples;

import io.crmkit.core.Crm;
import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.event.DomainEvent;
import io.crmkit.core.lifecycle.LifecycleEngine;
import io.crmkit.core.lifecycle.FireResult;
import io.crmkit.core.lifecycle.Trigger;
import io.crmkit.jdbc.JdbcCrmStore;
import io.crmkit.jdbc.JdbcLifecycle;
import io.crmkit.jdbc.RelayResult;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * The same library on a database: an embedded H2 database (swap the {@code DataSource} for your
 * PostgreSQL pool in production), a lifecycle move that saves the customer, its history entry and
 * its event in one transaction, and the outbox relay handing the events to the host.
 *
 * <p>Run it with {@code mvn -B -q -pl crm-examples -am compile exec:java
 * -Dexec.mainClass=io.crmkit.examples.JdbcQuickStart}.
 */
public final class JdbcQuickStart {
  private JdbcQuickStart() {}

  public static void main(String[] args) {
    run(System.out, "jdbc:h2:mem:crmkit-quickstart;DB_CLOSE_DELAY=-1");
  }

  /** Runs the example against the H2 database at {@code url} and returns the events relayed. */
  static List<DomainEvent> run(PrintStream out, String url) {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL(url);

    JdbcCrmStore store = JdbcCrmStore.create(dataSource); // migrates the schema on first use
    Crm crm = Crm.builder().store(store).build();

    Customer li = crm.register(NewCustomer.person("李", "娜")
        .addExternalReference(ExternalReference.of("erp", "C-10001"))
        .putDimensionCode("region", "440305")
        .build());
    crm.recordPurchase(crm.newPurchase(li.id()).amount(Money.of(CurrencyUnit.of("CNY"), new BigDecimal("88.00")))
        .occurredAt(Instant.now()).channel("store").build());

    LifecycleEngine lifecycle = LifecycleEngine.builder().store(store.attach(JdbcLifecycle.extension())).build();
    FireResult fired = lifecycle.fire(li.id(), Trigger.FIRST_PURCHASE, "pos-system", null);
    out.println("Lifecycle move: " + fired.getClass().getSimpleName() + ", now "
        + crm.get(li.id()).stage() + ", replayed from history: " + lifecycle.replay(li.id()));

    out.println("New customers in Shenzhen (44xxxx): " + crm.count(
        Criteria.and(Criteria.codeStartsWith("region", "44"), Criteria.stageIs(LifecycleStage.NEW))));

    List<DomainEvent> delivered = new ArrayList<>();
    RelayResult relayed = store.outboxRelay(delivered::add).relayPending();
    out.println("Outbox relayed " + relayed.delivered() + " events:");
    delivered.forEach(event -> out.println("  " + event.getClass().getSimpleName() + " " + event.customerId()));
    return delivered;
  }
}
