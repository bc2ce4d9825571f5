package io.crmkit.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import io.crmkit.core.activity.ActivityId;
import io.crmkit.core.activity.Purchase;
import io.crmkit.core.customer.AttributeValue;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.CustomerKind;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.event.CustomerEvent;
import io.crmkit.core.event.CustomerRegistered;
import io.crmkit.core.event.CustomerUpdated;
import io.crmkit.core.event.DomainEvent;
import io.crmkit.core.event.EventFamily;
import io.crmkit.core.event.RivalEvents;
import io.crmkit.core.event.StageChanged;
import io.crmkit.core.event.TestEvents;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CrmJacksonModuleTest {
  /** The minimal setup the package documents: the module, nothing else. */
  private final ObjectMapper moduleOnly = new ObjectMapper().registerModule(new CrmJacksonModule());

  @Test
  void aRefundRoundTripsThroughAMapperWithOnlyTheModule() throws Exception {
    Purchase refund = new Purchase.Builder().id(ActivityId.of(new UUID(1, 2))).customerId(CustomerId.of(new UUID(3, 4)))
        .occurredAt(Instant.parse("2025-01-02T03:04:05.123456789Z")).amount(Money.of(CurrencyUnit.EUR, -12.5)).channel("store")
        .build();

    String json = moduleOnly.writeValueAsString(refund);

    assertThat(json).doesNotContain("refund");
    assertThat(moduleOnly.readValue(json, Purchase.class)).isEqualTo(refund);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"type\":\"text\",\"value\":null}",
      "{\"type\":\"text\",\"value\":{\"a\":1}}",
      "{\"type\":\"flag\",\"value\":\"yes\"}",
      "{\"type\":\"number\",\"value\":true}",
      "{\"type\":\"date\",\"value\":20240501}"})
  void anAttributeValueOfTheWrongJsonTypeIsRejectedNotConverted(String json) {
    assertThatThrownBy(() -> moduleOnly.readValue(json, AttributeValue.class))
        .isInstanceOf(InvalidFormatException.class).hasMessageContaining("the value must be");
  }

  @Test
  void anEventOfAKindThisVersionDoesNotKnowFailsWithItsTypeNamed() {
    String json = "{\"type\":\"CustomerMerged\",\"eventId\":\"" + new UUID(1, 1) + "\"}";

    assertThatThrownBy(() -> CrmJson.newMapper().readValue(json, DomainEvent.class))
        .isInstanceOf(InvalidTypeIdException.class).hasMessageContaining("CustomerMerged");
  }

  @Test
  void eventsStoredByEarlierVersionsReadBackUnderTheirTypeTags() throws Exception {
    CustomerId customer = CustomerId.of(new UUID(7, 8));
    Instant at = Instant.parse("2024-05-01T10:15:30.123456Z");
    ObjectMapper mapper = CrmJson.newMapper();

    // Payloads as the outbox wrote them before event families existed.
    assertThat(mapper.readValue("{\"type\":\"CustomerRegistered\",\"eventId\":\"" + new UUID(1, 1)
        + "\",\"occurredAt\":\"2024-05-01T10:15:30.123456Z\",\"customerId\":\"" + customer
        + "\",\"kind\":\"PERSON\"}", DomainEvent.class))
        .isEqualTo(new CustomerRegistered(new UUID(1, 1), at, customer, CustomerKind.PERSON));
    assertThat(mapper.readValue("{\"type\":\"CustomerUpdated\",\"eventId\":\"" + new UUID(1, 2)
        + "\",\"occurredAt\":\"2024-05-01T10:15:30.123456Z\",\"customerId\":\"" + customer
        + "\",\"version\":3,\"changedAttributes\":[\"owner\"]}", DomainEvent.class))
        .isEqualTo(new CustomerUpdated(new UUID(1, 2), at, customer, 3, Set.of("owner")));
    assertThat(mapper.readValue("{\"type\":\"StageChanged\",\"eventId\":\"" + new UUID(1, 3)
        + "\",\"occurredAt\":\"2024-05-01T10:15:30.123456Z\",\"customerId\":\"" + customer
        + "\",\"version\":4,\"from\":\"NEW\",\"to\":\"ACTIVE\",\"trigger\":\"FIRST_PURCHASE\"}",
        CustomerEvent.class))
        .isEqualTo(new StageChanged(new UUID(1, 3), at, customer, 4, LifecycleStage.NEW, LifecycleStage.ACTIVE,
            "FIRST_PURCHASE"));
  }

  @Test
  void eachCoreEventIsWrittenWithItsSimpleClassNameAsType() throws Exception {
    ObjectMapper mapper = CrmJson.newMapper();
    CustomerId customer = CustomerId.of(new UUID(7, 8));

    assertThat(mapper.readTree(mapper.writeValueAsString(
        new CustomerRegistered(new UUID(1, 1), Instant.EPOCH, customer, CustomerKind.ORGANISATION))).get("type").asText())
        .isEqualTo("CustomerRegistered");
    assertThat(mapper.readTree(mapper.writeValueAsString(
        new StageChanged(new UUID(1, 3), Instant.EPOCH, customer, 2, LifecycleStage.NEW, LifecycleStage.ACTIVE, "MANUAL")))
        .get("type").asText())
        .isEqualTo("StageChanged");
  }

  @Test
  void anEventOfAnotherFamilyRoundTripsAsDomainEventAsItsFamilyAndAsItsOwnType() throws Exception {
    ObjectMapper mapper = CrmJson.newMapper(TestEvents.FAMILY);
    TestEvents.ScoreChanged event = new TestEvents.ScoreChanged(new UUID(2, 1),
        Instant.parse("2025-03-04T05:06:07.000000009Z"), CustomerId.of(new UUID(7, 8)),
        new BigDecimal("12345678901234567890.125"), Optional.of("RFM rescored"));

    String json = mapper.writeValueAsString(event);

    assertThat(mapper.readTree(json).get("type").asText()).isEqualTo("ScoreChanged");
    assertThat(mapper.readValue(json, DomainEvent.class)).isEqualTo(event);
    assertThat(mapper.readValue(json, TestEvents.class)).isEqualTo(event);
    assertThat(mapper.readValue(json, TestEvents.ScoreChanged.class)).isEqualTo(event);
  }

  @Test
  void anEventOfAFamilyTheMapperWasNotGivenWritesButDoesNotReadBack() throws Exception {
    TestEvents.TagAdded event = new TestEvents.TagAdded(new UUID(2, 2), Instant.EPOCH, CustomerId.of(new UUID(7, 8)), "vip");
    String json = CrmJson.newMapper(TestEvents.FAMILY).writeValueAsString(event);

    assertThatThrownBy(() -> CrmJson.newMapper().readValue(json, DomainEvent.class))
        .isInstanceOf(InvalidTypeIdException.class).hasMessageContaining("TagAdded");
  }

  @Test
  void aFamilyWhoseTypeIdIsACoreEventsIsRejectedWhenTheModuleIsBuilt() {
    EventFamily<Impostors> impostors = EventFamily.of("impostors", Impostors.class);

    assertThatThrownBy(() -> CrmJacksonModule.withFamilies(impostors))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'CustomerRegistered'")
        .hasMessageContaining("family 'customer'")
        .hasMessageContaining("family 'impostors'");
  }

  @Test
  void twoFamiliesThatShareATypeIdAreRejectedWhenTheModuleIsBuilt() {
    assertThatThrownBy(() -> CrmJacksonModule.withFamilies(TestEvents.FAMILY, RivalEvents.FAMILY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'TagAdded'")
        .hasMessageContaining(TestEvents.TagAdded.class.getName())
        .hasMessageContaining(RivalEvents.TagAdded.class.getName());
  }

  @Test
  void twoDifferentFamiliesUnderOneNameAreRejected() {
    assertThatThrownBy(() -> CrmJacksonModule.withFamilies(EventFamily.of("test", RivalEvents.class), TestEvents.FAMILY))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'test'");
  }

  @Test
  void aFamilyGivenTwiceOrTheCoreFamilyGivenAgainCountsOnce() {
    CrmJacksonModule module = CrmJacksonModule.withFamilies(TestEvents.FAMILY, CustomerEvent.FAMILY, TestEvents.FAMILY);

    assertThat(module.familyNames()).containsExactly("customer", "test");
    assertThat(module.eventTypes()).containsOnlyKeys(
        "CustomerRegistered", "CustomerUpdated", "StageChanged", "TagAdded", "ScoreChanged");
  }

  @Test
  void theModuleNamesTheTypeIdOfExactlyTheEventTypesItRegisters() {
    CrmJacksonModule module = CrmJacksonModule.withFamilies(TestEvents.FAMILY);

    assertThat(module.typeIdOf(StageChanged.class)).contains("StageChanged");
    assertThat(module.typeIdOf(TestEvents.TagAdded.class)).contains("TagAdded");
    assertThat(module.typeIdOf(RivalEvents.TagAdded.class)).isEmpty();
    assertThat(module.typeIdOf(TestEvents.class)).isEmpty();
    assertThat(new CrmJacksonModule().typeIdOf(TestEvents.TagAdded.class)).isEmpty();
  }

  @Test
  void aMapperThatAlreadyHasTheModuleTakesASecondOneWithMoreFamilies() throws Exception {
    ObjectMapper mapper = CrmJson.newMapper().registerModule(CrmJacksonModule.withFamilies(TestEvents.FAMILY));
    TestEvents.TagAdded event = new TestEvents.TagAdded(new UUID(2, 2), Instant.EPOCH, CustomerId.of(new UUID(7, 8)), "vip");

    assertThat(mapper.readValue(mapper.writeValueAsString(event), DomainEvent.class)).isEqualTo(event);
  }

  @Test
  void aSecondModuleWhoseTypeIdAlreadyNamesAnotherEventOnTheMapperIsRejected() {
    ObjectMapper mapper = CrmJson.newMapper(TestEvents.FAMILY);

    assertThatThrownBy(() -> mapper.registerModule(CrmJacksonModule.withFamilies(RivalEvents.FAMILY)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'TagAdded'")
        .hasMessageContaining(TestEvents.TagAdded.class.getName())
        .hasMessageContaining(RivalEvents.TagAdded.class.getName());
  }

  @Test
  void theSameModuleRegisteredTwiceIsHarmless() throws Exception {
    ObjectMapper mapper = CrmJson.newMapper(TestEvents.FAMILY)
        .registerModule(CrmJacksonModule.withFamilies(TestEvents.FAMILY))
        .registerModule(new CrmJacksonModule());
    CustomerRegistered event = new CustomerRegistered(new UUID(1, 1), Instant.EPOCH, CustomerId.of(new UUID(7, 8)),
        CustomerKind.PERSON);

    assertThat(mapper.readValue(mapper.writeValueAsString(event), DomainEvent.class)).isEqualTo(event);
  }

  /** A family of another module that reuses a core event's name. */
  sealed interface Impostors extends DomainEvent {
    record CustomerRegistered(UUID eventId, Instant occurredAt, CustomerId customerId) implements Impostors {}
  }
}
