package io.crmkit.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.crmkit.core.activity.ActivityId;
import io.crmkit.core.customer.AttributeValue;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.ValueTier;
import io.crmkit.core.event.DomainEvent;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * Jackson support for crmkit's types: ids, stages and tiers as plain strings, money as
 * {@code {"amount": 12.50, "currency": "EUR"}}, custom attribute values as
 * {@code {"type": "date", "value": "2024-05-01"}}, and domain events tagged with a {@code type}
 * property naming the event. Registers Jackson's Java 8 and {@code java.time} modules too.
 */
public final class CrmJacksonModule extends SimpleModule {
  private static final long serialVersionUID = 1L;
  /**
   * Reads money and attribute values as trees with decimal numbers kept exactly: the host
   * mapper's default would parse them as doubles and round amounts beyond 15 or so digits.
   */
  private static final ObjectReader EXACT_TREES =
      new ObjectMapper().reader(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  public CrmJacksonModule() {
    super("crmkit", Version.unknownVersion());
    stringValue(CustomerId.class, CustomerId::toString, CustomerId::parse);
    stringValue(ActivityId.class, ActivityId::toString, text -> ActivityId.of(UUID.fromString(text)));
    stringValue(LifecycleStage.class, LifecycleStage::name, LifecycleStage::of);
    stringValue(ValueTier.class, ValueTier::name, ValueTier::of);
    addSerializer(Money.class, new MoneySerializer());
    addDeserializer(Money.class, new MoneyDeserializer());
    addSerializer(AttributeValue.class, new AttributeValueSerializer());
    addDeserializer(AttributeValue.class, new AttributeValueDeserializer());
    setMixInAnnotation(DomainEvent.class, EventTypeMixin.class);
    for (Class<?> event : DomainEvent.class.getPermittedSubclasses()) {
      registerSubtypes(new NamedType(event, event.getSimpleName()));
    }
  }

  @Override
  public Iterable<? extends Module> getDependencies() {
    return List.of(new Jdk8Module(), new JavaTimeModule());
  }

  private <T> void stringValue(Class<T> type, Function<T, String> write, Function<String, T> read) {
    addSerializer(type, new JsonSerializer<T>() {
      @Override
      public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeString(write.apply(value));
      }
    });
    addDeserializer(type, new JsonDeserializer<T>() {
      @Override
      public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String text = parser.getValueAsString();
        try {
          return read.apply(text);
        } catch (IllegalArgumentException e) {
          return type.cast(context.handleWeirdStringValue(type, text, e.getMessage()));
        }
      }
    });
  }

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
  private interface EventTypeMixin {}

  private static final class MoneySerializer extends JsonSerializer<Money> {
    @Override
    public void serialize(Money money, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeStartObject();
      gen.writeNumberField("amount", money.getAmount());
      gen.writeStringField("currency", money.getCurrencyUnit().getCode());
      gen.writeEndObject();
    }
  }

  private static final class MoneyDeserializer extends JsonDeserializer<Money> {
    @Override
    public Money deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      JsonNode node = EXACT_TREES.readTree(parser);
      JsonNode amount = node.get("amount");
      JsonNode currency = node.get("currency");
      if (amount == null || currency == null) {
        return (Money) context.handleUnexpectedToken(Money.class, parser);
      }
      try {
        return Money.of(CurrencyUnit.of(currency.asText()), new BigDecimal(amount.asText()));
      } catch (RuntimeException e) {
        return (Money) context.handleWeirdStringValue(Money.class, node.toString(), e.getMessage());
      }
    }
  }

  private static final class AttributeValueSerializer extends JsonSerializer<AttributeValue> {
    @Override
    public void serialize(AttributeValue value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeStartObject();
      if (value instanceof AttributeValue.Text text) {
        gen.writeStringField("type", "text");
        gen.writeStringField("value", text.value());
      } else if (value instanceof AttributeValue.Number number) {
        gen.writeStringField("type", "number");
        gen.writeNumberField("value", number.value());
      } else if (value instanceof AttributeValue.Flag flag) {
        gen.writeStringField("type", "flag");
        gen.writeBooleanField("value", flag.value());
      } else if (value instanceof AttributeValue.Date date) {
        gen.writeStringField("type", "date");
        gen.writeStringField("value", date.value().toString());
      }
      gen.writeEndObject();
    }
  }

  private static final class AttributeValueDeserializer extends JsonDeserializer<AttributeValue> {
    @Override
    public AttributeValue deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      JsonNode node = EXACT_TREES.readTree(parser);
      JsonNode type = node.get("type");
      JsonNode value = node.get("value");
      if (type == null || value == null) {
        return (AttributeValue) context.handleUnexpectedToken(AttributeValue.class, parser);
      }
      try {
        return switch (type.asText()) {
          case "text" -> AttributeValue.text(expect(value, value.isTextual(), "a string").asText());
          case "number" -> AttributeValue.number(new BigDecimal(expect(value, value.isNumber(), "a number").asText()));
          case "flag" -> AttributeValue.flag(expect(value, value.isBoolean(), "true or false").asBoolean());
          case "date" -> AttributeValue.date(LocalDate.parse(expect(value, value.isTextual(), "a date").asText()));
          default -> throw new IllegalArgumentException("unknown attribute type '" + type.asText() + "'");
        };
      } catch (RuntimeException e) {
        return (AttributeValue) context.handleWeirdStringValue(
            AttributeValue.class, node.toString(), e.getMessage());
      }
    }

    /** {@code value}, if it is of the JSON type its attribute type needs. */
    private static JsonNode expect(JsonNode value, boolean rightType, String what) {
      if (!rightType) {
        throw new IllegalArgumentException("the value must be " + what + ", got " + value.getNodeType());
      }
      return value;
    }
  }
}
