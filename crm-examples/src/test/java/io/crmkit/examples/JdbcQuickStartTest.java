package io.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.event.CustomerRegistered;
import io.crmkit.core.event.DomainEvent;
import io.crmkit.core.event.StageChanged;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JdbcQuickStartTest {

  @Test
  void jdbcQuickStartMovesTheCustomerAtomicallyAndRelaysEveryEvent() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    List<DomainEvent> events = JdbcQuickStart.run(new PrintStream(buffer, true, StandardCharsets.UTF_8),
        "jdbc:h2:mem:jdbc-quickstart-test;DB_CLOSE_DELAY=-1");
    String output = buffer.toString(StandardCharsets.UTF_8);

    assertThat(output)
        .contains("Lifecycle move: Moved, now NEW, replayed from history: NEW")
        .contains("New customers in Shenzhen (44xxxx): 1")
        .contains("Outbox relayed 2 events");
    assertThat(events).hasExactlyElementsOfTypes(CustomerRegistered.class, StageChanged.class);
  }
}
