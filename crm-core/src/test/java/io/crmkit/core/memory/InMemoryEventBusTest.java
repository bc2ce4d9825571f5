package io.crmkit.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.CustomerKind;
import io.crmkit.core.event.CustomerRegistered;
import io.crmkit.core.event.DomainEvent;
import io.crmkit.core.event.TestEvents;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InMemoryEventBusTest {
  private static final CustomerId CUSTOMER = CustomerId.of(new UUID(7, 8));

  private final InMemoryEventBus bus = InMemoryCrmStore.create().events();

  @Test
  void eventsOfEveryFamilyReachEverySubscriberInPublishingOrder() throws Exception {
    List<DomainEvent> first = new ArrayList<>();
    List<DomainEvent> second = new ArrayList<>();
    List<DomainEvent> published = List.of(
        new CustomerRegistered(new UUID(1, 1), Instant.EPOCH, CUSTOMER, CustomerKind.PERSON),
        new TestEvents.TagAdded(new UUID(1, 2), Instant.EPOCH, CUSTOMER, "vip"),
        new TestEvents.ScoreChanged(new UUID(1, 3), Instant.EPOCH, CUSTOMER, BigDecimal.TEN, Optional.empty()));

    try (AutoCloseable a = bus.subscribe(first::add); AutoCloseable b = bus.subscribe(second::add)) {
      published.forEach(bus::publish);
    }

    assertThat(first).containsExactlyElementsOf(published);
    assertThat(second).containsExactlyElementsOf(published);
  }

  @Test
  void aFailingSubscriberDoesNotKeepAnEventOfAnotherFamilyFromTheNextOne() throws Exception {
    List<DomainEvent> received = new ArrayList<>();
    TestEvents.TagAdded event = new TestEvents.TagAdded(new UUID(1, 2), Instant.EPOCH, CUSTOMER, "vip");

    try (AutoCloseable failing = bus.subscribe(e -> { throw new IllegalStateException("listener down"); });
        AutoCloseable working = bus.subscribe(received::add)) {
      bus.publish(event);
    }
    bus.publish(event);

    assertThat(received).containsExactly(event);
  }
}
