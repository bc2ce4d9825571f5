package io.crmkit.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.DeserializationConfig;
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
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.AnnotatedClassResolver;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.crmkit.core.activity.ActivityId;
import io.crmkit.core.customer.AttributeValue;
import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.ValueTier;
import io.crmkit.core.event.CustomerEvent;
import io.crmkit.core.event.DomainEvent;
import io.crmkit.core.event.EventFamily;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * Jackson support for crmkit's types: ids, stages and tiers as plain strings, money as
 * {@code {"amount": 12.50, "currency": "EUR"}}, custom attribute values as
 * {@code {"type": "date", "value": "2024-05-01"}}, {@link Criteria} as a tree of typed objects
 * ({@code {"type": "eq", "field": "tier", "value": "VIP"}}, see {@code CriteriaJson}), and domain events tagged with a {@code type}
 * property holding the event's type id (its simple class name, see {@link EventFamily}).
 * Registers Jackson's Java 8 and {@code java.time} modules too.
 *
 * <p>Events are read back only for the families the module registers: crm-core's {@link
 * CustomerEvent} always, others through {@link #withFamilies(EventFamily...)}. An event of an
 * unregistered family still writes, but reading it fails with Jackson's {@code
 * InvalidTypeIdException} naming its type. Type ids are unique across the families of one mapper,
 * checked when the module is built and again when it is registered beside another crmkit module.
 */
public final class CrmJacksonModule extends SimpleModule {
  private static final long serialVersionUID = 1L;
  /**
   * Reads money and attribute values as trees with decimal numbers kept exactly: the host
   * mapper's default would parse them as doubles and round amounts beyond 15 or so digits.
   */
  private static final ObjectReader EXACT_TREES =
      new ObjectMapper().reader(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private final List<String> familyNames;
  private final Map<String, Class<? extends DomainEvent>> eventTypes;

  /** The module with crm-core's event family, {@link CustomerEvent#FAMILY}, and no other. */
  public CrmJacksonModule() {
    this(List.of());
  }

  private CrmJacksonModule(Collection<? extends EventFamily<?>> extraFamilies) {
    super("crmkit", Version.unknownVersion());
    List<EventFamily<?>> families = distinctFamilies(extraFamilies);
    this.familyNames = families.stream().map(EventFamily::name).toList();
    this.eventTypes = typeIds(families);
    stringValue(CustomerId.class, CustomerId::toString, CustomerId::parse);
    stringValue(ActivityId.class, ActivityId::toString, text -> ActivityId.of(UUID.fromString(text)));
    stringValue(LifecycleStage.class, LifecycleStage::name, LifecycleStage::of);
    stringValue(ValueTier.class, ValueTier::name, ValueTier::of);
    addSerializer(Money.class, new MoneySerializer());
    addDeserializer(Money.class, new MoneyDeserializer());
    addSerializer(AttributeValue.class, new AttributeValueSerializer());
    addDeserializer(AttributeValue.class, new AttributeValueDeserializer());
    addSerializer(Criteria.class, new CriteriaJson.Serializer());
    addDeserializer(Criteria.class, new CriteriaJson.Deserializer());
    setMixInAnnotation(DomainEvent.class, EventTypeMixin.class);
    eventTypes.forEach((typeId, type) -> registerSubtypes(new NamedType(type, typeId)));
  }

  /**
   * The module with crm-core's event family and {@code families}, for a host that also reads and
   * writes the events of other modules (crm-privacy, crm-segmentation, its own).
   *
   * @throws IllegalArgumentException if two event types of the families share a type id, or two
   *     different families share a name
   */
  public static CrmJacksonModule withFamilies(EventFamily<?>... families) {
    return withFamilies(List.of(families));
  }

  /**
   * As {@link #withFamilies(EventFamily...)}; a family listed twice, or crm-core's own, counts once.
   *
   * @throws IllegalArgumentException if two event types of the families share a type id, or two
   *     different families share a name
   */
  public static CrmJacksonModule withFamilies(Collection<? extends EventFamily<?>> families) {
    Objects.requireNonNull(families, "families");
    return new CrmJacksonModule(families);
  }

  /** The names of the event families this module registers, crm-core's ({@code customer}) first. */
  public List<String> familyNames() {
    return familyNames;
  }

  /** Every event type this module registers, by its type id (the {@code type} property in JSON). */
  public Map<String, Class<? extends DomainEvent>> eventTypes() {
    return eventTypes;
  }

  /**
   * The type id under which this module writes and reads {@code eventType}, if one of its
   * families has that type; empty for any other class, including a family's own interface.
   */
  public Optional<String> typeIdOf(Class<?> eventType) {
    Objects.requireNonNull(eventType, "eventType");
    String typeId = eventType.getSimpleName();
    return eventTypes.get(typeId) == eventType ? Optional.of(typeId) : Optional.empty();
  }

  @Override
  public Iterable<? extends Module> getDependencies() {
    return List.of(new Jdk8Module(), new JavaTimeModule());
  }

  /**
   * One id per set of families, so that a mapper which already has this module with other
   * families takes this one too rather than ignoring it as a duplicate (Jackson's default).
   */
  @Override
  public Object getTypeId() {
    return CrmJacksonModule.class.getName() + familyNames;
  }

  /**
   * Registers the module on a mapper, after checking that none of its type ids already names
   * another event type there (registered by another crmkit module instance).
   *
   * @throws IllegalArgumentException on such a clash; nothing of this module is set up then
   */
  @Override
  public void setupModule(SetupContext context) {
    if (context.getOwner() instanceof ObjectMapper mapper) {
      rejectClashesWithRegisteredEvents(mapper);
    }
    super.setupModule(context);
  }

  private void rejectClashesWithRegisteredEvents(ObjectMapper mapper) {
    DeserializationConfig config = mapper.getDeserializationConfig();
    AnnotatedClass root = AnnotatedClassResolver.resolveWithoutSuperTypes(config, DomainEvent.class);
    for (NamedType registered : mapper.getSubtypeResolver().collectAndResolveSubtypesByTypeId(config, root)) {
      Class<?> ours = registered.hasName() ? eventTypes.get(registered.getName()) : null;
      if (ours != null && ours != registered.getType()) {
        throw new IllegalArgumentException("The event type id '" + registered.getName() + "' of " + ours.getName()
            + " already names " + registered.getType().getName() + " on this mapper; rename one of them");
      }
    }
  }

  private static List<EventFamily<?>> distinctFamilies(Collection<? extends EventFamily<?>> extraFamilies) {
    Map<String, EventFamily<?>> byName = new LinkedHashMap<>();
    byName.put(CustomerEvent.FAMILY.name(), CustomerEvent.FAMILY);
    for (EventFamily<?> family : extraFamilies) {
      Objects.requireNonNull(family, "families must not contain null");
      EventFamily<?> known = byName.putIfAbsent(family.name(), family);
      if (known != null && !known.equals(family)) {
        throw new IllegalArgumentException("Two event families are named '" + family.name() + "': "
            + known.root().getName() + " and " + family.root().getName());
      }
    }
    return List.copyOf(byName.values());
  }

  private static Map<String, Class<? extends DomainEvent>> typeIds(List<EventFamily<?>> families) {
    Map<String, Class<? extends DomainEvent>> types = new LinkedHashMap<>();
    Map<String, String> familyOf = new HashMap<>();
    for (EventFamily<?> family : families) {
      family.types().forEach((typeId, type) -> {
        Class<? extends DomainEvent> clash = types.putIfAbsent(typeId, type);
        if (clash != null) {
          throw new IllegalArgumentException("The event type id '" + typeId + "' names both " + clash.getName()
              + " (family '" + familyOf.get(typeId) + "') and " + type.getName() + " (family '" + family.name()
              + "'); type ids must be unique across families, rename one");
        }
        familyOf.put(typeId, family.name());
      });
    }
    return Collections.unmodifiableMap(types);
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
