package io.crmkit.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmkit.core.customer.AttributeValue;
import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.CustomerField;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.CustomerKind;
import io.crmkit.core.customer.Gender;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.LookupKey;
import io.crmkit.core.customer.ValueTier;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@link Criteria} as JSON, so that a criterion can be stored (a named segment's definition) and
 * read back equal. Each criterion is an object with a {@code type}: {@code all}, {@code eq},
 * {@code in}, {@code range}, {@code codePrefix}, {@code hasTag}, {@code attributeIs}, {@code
 * hasKey}, {@code nameStartsWith}, {@code metric}, {@code and}, {@code or}, {@code not}; a field is
 * its name ({@code "field": "tier"}) plus {@code "dimension"} for a code field; values are
 * written as strings in their field's form (ids, enum names, ISO dates and instants), metric
 * bounds as JSON numbers:
 *
 * <pre>{@code
 * {"type":"and","operands":[
 *   {"type":"eq","field":"tier","value":"VIP"},
 *   {"type":"metric","name":"clv","test":"range","lower":500.0,"lowerInclusive":false}]}
 * }</pre>
 *
 * <p>Reading checks what the factories check (a range on an unordered field, an unknown field or
 * type): a bad document is a Jackson mapping error naming the problem, never a criterion that
 * means something else.
 */
final class CriteriaJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectReader TREES = new ObjectMapper().reader(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private CriteriaJson() {}

  static final class Serializer extends JsonSerializer<Criteria> {
    @Override
    public void serialize(Criteria criteria, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeTree(write(criteria));
    }
  }

  static final class Deserializer extends JsonDeserializer<Criteria> {
    @Override
    public Criteria deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      JsonNode node = TREES.readTree(parser);
      try {
        return read(node);
      } catch (RuntimeException e) {
        return context.reportInputMismatch(Criteria.class, "not a crmkit criterion (%s): %s", e.getMessage(), node);
      }
    }
  }

  static ObjectNode write(Criteria criteria) {
    ObjectNode node = NODES.objectNode();
    if (criteria instanceof Criteria.MatchAll) {
      node.put("type", "all");
    } else if (criteria instanceof Criteria.Equals<?> eq) {
      field(node.put("type", "eq"), eq.field()).put("value", text(eq.value()));
    } else if (criteria instanceof Criteria.In<?> in) {
      ArrayNode values = field(node.put("type", "in"), in.field()).putArray("values");
      in.values().stream().map(CriteriaJson::text).sorted().forEach(values::add);
    } else if (criteria instanceof Criteria.Range<?> range) {
      field(node.put("type", "range"), range.field());
      if (range.from() != null) {
        node.put("from", text(range.from()));
      }
      if (range.to() != null) {
        node.put("to", text(range.to()));
      }
    } else if (criteria instanceof Criteria.CodePrefix prefix) {
      node.put("type", "codePrefix").put("dimension", prefix.dimension()).put("prefix", prefix.prefix());
    } else if (criteria instanceof Criteria.HasTag tag) {
      node.put("type", "hasTag").put("tag", tag.tag());
    } else if (criteria instanceof Criteria.AttributeEquals attribute) {
      node.put("type", "attributeIs").put("name", attribute.name());
      node.set("value", attributeValue(attribute.value()));
    } else if (criteria instanceof Criteria.HasKey has) {
      node.put("type", "hasKey").put("keyType", has.key().type()).put("keyValue", has.key().value());
    } else if (criteria instanceof Criteria.NameStartsWith name) {
      node.put("type", "nameStartsWith").put("prefix", name.prefix());
    } else if (criteria instanceof Criteria.Metric metric) {
      metric(node.put("type", "metric").put("name", metric.name()), metric.condition());
    } else if (criteria instanceof Criteria.And and) {
      operands(node.put("type", "and"), and.operands());
    } else if (criteria instanceof Criteria.Or or) {
      operands(node.put("type", "or"), or.operands());
    } else if (criteria instanceof Criteria.Not not) {
      node.put("type", "not").set("operand", write(not.operand()));
    } else {
      throw new IllegalArgumentException("unknown criteria type " + criteria.getClass().getName());
    }
    return node;
  }

  static Criteria read(JsonNode node) {
    String type = required(node, "type").asText();
    return switch (type) {
      case "all" -> Criteria.all();
      case "eq" -> equalsOf(field(node), required(node, "value").asText());
      case "in" -> inOf(field(node), texts(required(node, "values")));
      case "range" -> rangeOf(field(node), optionalText(node, "from"), optionalText(node, "to"));
      case "codePrefix" -> Criteria.codeStartsWith(required(node, "dimension").asText(), required(node, "prefix").asText());
      case "hasTag" -> Criteria.hasTag(required(node, "tag").asText());
      case "attributeIs" -> Criteria.attributeIs(required(node, "name").asText(), attributeValue(required(node, "value")));
      case "hasKey" -> new Criteria.HasKey(new LookupKey(required(node, "keyType").asText(),
          required(node, "keyValue").asText()));
      case "nameStartsWith" -> Criteria.nameStartsWith(required(node, "prefix").asText());
      case "metric" -> metric(node);
      case "and" -> new Criteria.And(operands(node));
      case "or" -> new Criteria.Or(operands(node));
      case "not" -> Criteria.not(read(required(node, "operand")));
      default -> throw new IllegalArgumentException("unknown criterion type '" + type + "'");
    };
  }

  private static ObjectNode field(ObjectNode node, CustomerField<?> field) {
    node.put("field", field.name());
    field.dimensionKey().ifPresent(dimension -> node.put("dimension", dimension));
    return node;
  }

  private static CustomerField<?> field(JsonNode node) {
    String name = required(node, "field").asText();
    if (name.equals("dimension")) {
      return CustomerField.dimension(required(node, "dimension").asText());
    }
    return CustomerField.FIXED.stream().filter(f -> f.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown customer field '" + name + "'"));
  }

  private static String text(Object value) {
    if (value instanceof CustomerKind kind) {
      return kind.name();
    } else if (value instanceof Gender gender) {
      return gender.name();
    } else if (value instanceof LifecycleStage stage) {
      return stage.name();
    } else if (value instanceof ValueTier tier) {
      return tier.name();
    }
    return value.toString();
  }

  /** A value of {@code field}'s type from its text form. */
  private static <T> T value(CustomerField<T> field, String text) {
    Class<T> type = field.type();
    Object value;
    if (type == String.class) {
      value = text;
    } else if (type == CustomerId.class) {
      value = CustomerId.parse(text);
    } else if (type == CustomerKind.class) {
      value = CustomerKind.valueOf(text);
    } else if (type == Gender.class) {
      value = Gender.valueOf(text);
    } else if (type == LifecycleStage.class) {
      value = LifecycleStage.of(text);
    } else if (type == ValueTier.class) {
      value = ValueTier.of(text);
    } else if (type == LocalDate.class) {
      value = LocalDate.parse(text);
    } else if (type == Instant.class) {
      value = Instant.parse(text);
    } else {
      throw new IllegalArgumentException("no JSON form for values of " + field);
    }
    return type.cast(value);
  }

  private static <T> Criteria equalsOf(CustomerField<T> field, String text) {
    return Criteria.eq(field, value(field, text));
  }

  private static <T> Criteria inOf(CustomerField<T> field, List<String> texts) {
    Set<T> values = new LinkedHashSet<>();
    texts.forEach(text -> values.add(value(field, text)));
    return Criteria.in(field, values);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Criteria rangeOf(CustomerField<?> field, String from, String to) {
    CustomerField raw = field;
    return new Criteria.Range(raw, from == null ? null : (Comparable) value(field, from),
        to == null ? null : (Comparable) value(field, to));
  }

  private static void metric(ObjectNode node, Criteria.MetricCondition condition) {
    if (condition instanceof Criteria.MetricCondition.NumberRange range) {
      node.put("test", "range");
      if (range.lower() != null) {
        node.put("lower", range.lower().doubleValue()).put("lowerInclusive", range.lowerInclusive());
      }
      if (range.upper() != null) {
        node.put("upper", range.upper().doubleValue()).put("upperInclusive", range.upperInclusive());
      }
    } else if (condition instanceof Criteria.MetricCondition.TextIn texts) {
      ArrayNode values = node.put("test", "text").putArray("values");
      texts.values().stream().sorted().forEach(values::add);
    } else {
      node.put("test", "present");
    }
  }

  private static Criteria metric(JsonNode node) {
    String name = required(node, "name").asText();
    String test = required(node, "test").asText();
    Criteria.MetricCondition condition = switch (test) {
      case "range" -> new Criteria.MetricCondition.NumberRange(number(node, "lower"),
          node.path("lowerInclusive").asBoolean(false), number(node, "upper"), node.path("upperInclusive").asBoolean(false));
      case "text" -> new Criteria.MetricCondition.TextIn(new LinkedHashSet<>(texts(required(node, "values"))));
      case "present" -> Criteria.MetricCondition.Present.INSTANCE;
      default -> throw new IllegalArgumentException("unknown metric test '" + test + "'");
    };
    return new Criteria.Metric(name, condition);
  }

  private static Double number(JsonNode node, String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isNumber()) {
      throw new IllegalArgumentException(name + " must be a number, got " + value);
    }
    return value.doubleValue();
  }

  private static void operands(ObjectNode node, List<Criteria> operands) {
    ArrayNode array = node.putArray("operands");
    operands.forEach(operand -> array.add(write(operand)));
  }

  private static List<Criteria> operands(JsonNode node) {
    JsonNode array = required(node, "operands");
    if (!array.isArray()) {
      throw new IllegalArgumentException("operands must be an array");
    }
    List<Criteria> operands = new ArrayList<>();
    array.forEach(operand -> operands.add(read(operand)));
    return operands;
  }

  private static ObjectNode attributeValue(AttributeValue value) {
    ObjectNode node = NODES.objectNode();
    if (value instanceof AttributeValue.Text text) {
      node.put("type", "text").put("value", text.value());
    } else if (value instanceof AttributeValue.Number number) {
      node.put("type", "number").put("value", number.value());
    } else if (value instanceof AttributeValue.Flag flag) {
      node.put("type", "flag").put("value", flag.value());
    } else if (value instanceof AttributeValue.Date date) {
      node.put("type", "date").put("value", date.value().toString());
    }
    return node;
  }

  private static AttributeValue attributeValue(JsonNode node) {
    String type = required(node, "type").asText();
    JsonNode value = required(node, "value");
    return switch (type) {
      case "text" -> AttributeValue.text(value.asText());
      case "number" -> AttributeValue.number(new BigDecimal(value.asText()));
      case "flag" -> AttributeValue.flag(value.asBoolean());
      case "date" -> AttributeValue.date(LocalDate.parse(value.asText()));
      default -> throw new IllegalArgumentException("unknown attribute type '" + type + "'");
    };
  }

  private static List<String> texts(JsonNode array) {
    if (!array.isArray()) {
      throw new IllegalArgumentException("values must be an array");
    }
    List<String> texts = new ArrayList<>();
    array.forEach(value -> texts.add(value.asText()));
    return texts;
  }

  private static String optionalText(JsonNode node, String name) {
    JsonNode value = node.get(name);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static JsonNode required(JsonNode node, String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("'" + name + "' is missing");
    }
    return value;
  }
}
