package io.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.event.CustomerEvent;
import io.crmkit.core.event.DomainEvent;
import io.crmkit.core.event.EventFamily;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JdbcOptionsTest {

  @Test
  void theOutboxCarriesNoOtherFamilyUnlessGivenOne() {
    assertThat(JdbcOptions.defaults().eventFamilies()).isEmpty();
    assertThat(JdbcOptions.builder().eventFamilies(TestEvents.FAMILY).build().eventFamilies())
        .containsExactly(TestEvents.FAMILY);
  }

  @Test
  void eventFamiliesSurviveToBuilderAndAreReplacedBySettingThemAgain() {
    JdbcOptions options = JdbcOptions.builder().eventFamilies(TestEvents.FAMILY).build();

    assertThat(options.toBuilder().build().eventFamilies()).containsExactly(TestEvents.FAMILY);
    assertThat(options.toBuilder().eventFamilies().build().eventFamilies()).isEmpty();
    assertThat(options).hasToString("JdbcOptions[tablePrefix=crm_, schema=null, migrateOnStart=true,"
        + " transactionMode=MANAGED, eventFamilies=[test], fieldProtection=none]");
  }

  @Test
  void fieldProtectionIsNoneUnlessGivenAndSurvivesToBuilder() {
    TestFieldProtection protection = TestFieldProtection.create();
    JdbcOptions options = JdbcOptions.builder().fieldProtection(protection).build();

    assertThat(JdbcOptions.defaults().fieldProtection()).isEmpty();
    assertThat(options.toBuilder().build().fieldProtection()).containsSame(protection);
    assertThat(options.toString()).endsWith("fieldProtection=TestFieldProtection]");
    assertThatThrownBy(() -> JdbcOptions.builder().fieldProtection(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void familiesWhoseTypeIdsClashAreRejectedWhenSetNotWhenTheStoreIsCreated() {
    assertThatThrownBy(() -> JdbcOptions.builder().eventFamilies(TestEvents.FAMILY, Rivals.FAMILY))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'TagAdded'");
    assertThatThrownBy(() -> JdbcOptions.builder().eventFamilies(EventFamily.of("customer", Rivals.class)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'customer'");
  }

  @Test
  void crmCoresOwnFamilyMayBeListedAndCountsOnce() {
    assertThat(JdbcOptions.builder().eventFamilies(CustomerEvent.FAMILY, TestEvents.FAMILY).build().eventFamilies())
        .containsExactly(CustomerEvent.FAMILY, TestEvents.FAMILY);
  }

  /** A family whose one type id is also one of {@link TestEvents}'. */
  sealed interface Rivals extends DomainEvent {
    EventFamily<Rivals> FAMILY = EventFamily.of("rivals", Rivals.class);

    record TagAdded(UUID eventId, Instant occurredAt, CustomerId customerId) implements Rivals {}
  }
}
