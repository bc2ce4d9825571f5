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
import io.crmkit.core.event.DomainEvent;
import java.time.Instant;
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
}
