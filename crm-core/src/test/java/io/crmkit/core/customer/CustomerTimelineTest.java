package io.crmkit.core.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CustomerTimelineTest {
  private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");

  private final Customer customer = new Customer.Builder()
      .id(CustomerId.of(new UUID(1, 2)))
      .version(1)
      .kind(CustomerKind.PERSON)
      .personName(PersonName.of("Li", "Na"))
      .displayName("李娜")
      .stage(LifecycleStage.PROSPECT)
      .createdAt(CREATED)
      .updatedAt(CREATED)
      .build();

  @Test
  void aChangeIsDatedNowWhenNowIsAfterTheCreation() {
    Instant later = CREATED.plusSeconds(90);

    assertThat(customer.touchedAt(later).updatedAt()).isEqualTo(later);
  }

  @Test
  void aChangeNeverDatesBeforeTheCustomerWhenTheClockIsBehind() {
    assertThat(customer.touchedAt(CREATED.minusSeconds(3600)).updatedAt()).isEqualTo(CREATED);
    assertThat(Customer.updateTime(CREATED, Instant.EPOCH)).isEqualTo(CREATED);
  }

  @Test
  void aCustomerUpdatedBeforeItWasCreatedCannotBeBuilt() {
    assertThatThrownBy(() -> customer.withUpdatedAt(CREATED.minusNanos(1)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("before createdAt");
  }
}
