package io.crmkit.jdbc.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmkit.core.common.CrmStorageException;
import io.crmkit.core.customer.AttributeValue;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.CustomerKind;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.core.customer.Gender;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.LookupKey;
import io.crmkit.core.customer.Need;
import io.crmkit.core.customer.OrganisationIdentifier;
import io.crmkit.core.customer.PersonIdentifier;
import io.crmkit.core.customer.PersonName;
import io.crmkit.core.customer.PostalAddress;
import io.crmkit.core.customer.ValueTier;
import io.crmkit.core.json.CrmJson;
import io.crmkit.core.protection.ProtectedField;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Maps a {@link Customer} to its row and back. Queryable scalar fields are columns; the nested value
 * lists (contact points, addresses, organisation and person identifiers, needs) and the copies of tags,
 * dimension codes and external references live in the {@code details} JSON document, which is what
 * a read uses, so that one row is one customer. The side tables hold the same tags, codes and
 * references as indexes for queries; custom attributes are their own JSON column.
 *
 * <p>With a {@link CustomerProtection} that protects fields, their values in {@code details} are
 * ciphertext (bound to the customer's id), a protected birth date moves from its column into
 * {@code details} as ciphertext, and the lookup keys of phones, e-mails and identifiers are blind
 * indexes; a read decrypts, and fails loudly when a value does not.
 */
final class CustomerCodec {
  /** The customer table's columns in the order {@link #bind} fills them. */
  static final List<String> COLUMN_LIST = List.of("id", "version", "kind", "display_name",
      "family_name", "given_name", "legal_name", "owner_name", "gender", "birth_date", "stage", "tier",
      "created_at", "created_nanos", "updated_at", "updated_nanos", "details", "attributes");
  static final String COLUMNS = String.join(", ", COLUMN_LIST);

  private static final TypeReference<Map<String, AttributeValue>> ATTRIBUTES = new TypeReference<>() {};
  /** Marks a {@code details} document written with field protection, so that a read knows what to expect. */
  private static final String SEALED = "sealed";

  private final ObjectMapper mapper =
      CrmJson.newMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private final CustomerProtection protection;

  /** A codec that keeps every value clear. */
  CustomerCodec() {
    this(CustomerProtection.NONE);
  }

  CustomerCodec(CustomerProtection protection) {
    this.protection = Objects.requireNonNull(protection, "protection");
  }

  /** What this codec encrypts and blind-indexes. */
  CustomerProtection protection() {
    return protection;
  }

  /** The value of the {@code birth_date} column: empty when the birth date is kept encrypted in {@code details}. */
  Optional<LocalDate> birthDateColumn(Customer customer) {
    return protection.protects(ProtectedField.BIRTH_DATE) ? Optional.empty() : customer.birthDate();
  }

  /**
   * The customer's {@link LookupKey}s as the lookup table keeps them: phone, e-mail and identifier
   * values as blind indexes when protected (see {@link CustomerProtection#lookupValue}), names clear.
   */
  List<LookupKey> storedLookupKeys(Customer customer) {
    List<LookupKey> keys = new ArrayList<>();
    for (LookupKey key : LookupKey.of(customer)) {
      keys.add(new LookupKey(key.type(), protection.lookupValue(key)));
    }
    return keys;
  }

  /** A lookup key's value as the lookup table keeps it. */
  String lookupValue(LookupKey key) {
    return protection.lookupValue(key);
  }

  /** The columns prefixed with a table alias, for selects. */
  static String columns(String alias) {
    StringBuilder out = new StringBuilder();
    for (String column : COLUMN_LIST) {
      if (out.length() > 0) {
        out.append(", ");
      }
      out.append(alias).append('.').append(column);
    }
    return out.toString();
  }

  /**
   * Binds every column of {@code customer} (with {@code version}) from position 1, in
   * {@link #COLUMN_LIST} order, with JSON parameters as text.
   */
  void bind(PreparedStatement statement, Customer customer, long version) throws SQLException {
    statement.setObject(1, customer.id().value());
    statement.setLong(2, version);
    statement.setString(3, customer.kind().name());
    statement.setString(4, customer.displayName());
    Values.setText(statement, 5, customer.personName().flatMap(PersonName::familyName).orElse(null));
    Values.setText(statement, 6, customer.personName().flatMap(PersonName::givenName).orElse(null));
    Values.setText(statement, 7, customer.legalName().orElse(null));
    Values.setText(statement, 8, customer.owner().orElse(null));
    Values.setText(statement, 9, customer.gender().map(Gender::name).orElse(null));
    Values.setDate(statement, 10, birthDateColumn(customer).orElse(null));
    statement.setString(11, customer.stage().name());
    Values.setText(statement, 12, customer.tier().map(ValueTier::name).orElse(null));
    Values.setInstant(statement, 13, customer.createdAt());
    Values.setInstant(statement, 15, customer.updatedAt());
    statement.setString(17, detailsJson(customer));
    statement.setString(18, attributesJson(customer.attributes()));
  }

  /** Reads the customer in the current row, whose columns are named as in {@link #COLUMN_LIST}. */
  public Customer read(ResultSet rs) throws SQLException {
    Customer.Builder builder = new Customer.Builder();
    CustomerId id = CustomerId.of(Values.uuid(rs, "id"));
    builder.id(id)
        .version(rs.getLong("version"))
        .kind(CustomerKind.valueOf(rs.getString("kind")))
        .displayName(rs.getString("display_name"));
    String family = rs.getString("family_name");
    String given = rs.getString("given_name");
    if (family != null || given != null) {
      builder.personName(new PersonName.Builder()
          .familyName(Optional.ofNullable(family))
          .givenName(Optional.ofNullable(given))
          .build());
    }
    builder.legalName(Optional.ofNullable(rs.getString("legal_name")))
        .owner(Optional.ofNullable(rs.getString("owner_name")));
    String gender = rs.getString("gender");
    if (gender != null) {
      builder.gender(Gender.valueOf(gender));
    }
    ObjectNode details = openDetails(rs.getString("details"), id);
    LocalDate birthDate = rs.getObject("birth_date", LocalDate.class);
    if (birthDate == null) {
      birthDate = optionalText(details, "birthDate").map(LocalDate::parse).orElse(null);
    }
    if (birthDate != null) {
      builder.birthDate(birthDate);
    }
    builder.stage(LifecycleStage.of(rs.getString("stage")));
    String tier = rs.getString("tier");
    if (tier != null) {
      builder.tier(ValueTier.of(tier));
    }
    builder.createdAt(Values.instant(rs, "created_at", "created_nanos"))
        .updatedAt(Values.instant(rs, "updated_at", "updated_nanos"));
    readDetails(details, builder);
    builder.attributes(readAttributes(rs.getString("attributes")));
    return builder.build();
  }

  /** The {@code details} document of {@code customer}. */
  public String detailsJson(Customer customer) {
    ObjectNode root = mapper.createObjectNode();
    ArrayNode contacts = root.putArray("contactPoints");
    for (ContactPoint contact : customer.contactPoints()) {
      ObjectNode node = contacts.addObject();
      node.put("channel", contact.channel().name());
      node.put("value", contact.value());
      node.put("use", contact.use().name());
      contact.label().ifPresent(label -> node.put("label", label));
      node.put("primary", contact.primary());
      node.put("verified", contact.verified());
    }
    ArrayNode addresses = root.putArray("addresses");
    for (PostalAddress address : customer.addresses()) {
      ObjectNode node = addresses.addObject();
      node.put("country", address.country());
      address.regionCode().ifPresent(v -> node.put("regionCode", v));
      address.region().ifPresent(v -> node.put("region", v));
      address.city().ifPresent(v -> node.put("city", v));
      address.district().ifPresent(v -> node.put("district", v));
      address.street().ifPresent(v -> node.put("street", v));
      address.postcode().ifPresent(v -> node.put("postcode", v));
      address.line().ifPresent(v -> node.put("line", v));
      node.put("use", address.use().name());
      node.put("primary", address.primary());
    }
    ArrayNode identifiers = root.putArray("organisationIdentifiers");
    for (OrganisationIdentifier identifier : customer.organisationIdentifiers()) {
      identifiers.addObject().put("scheme", identifier.scheme()).put("value", identifier.value());
    }
    ArrayNode persons = root.putArray("personIdentifiers");
    for (PersonIdentifier identifier : customer.personIdentifiers()) {
      persons.addObject().put("scheme", identifier.scheme()).put("value", identifier.value());
    }
    ArrayNode needs = root.putArray("needs");
    for (Need need : customer.needs()) {
      ObjectNode node = needs.addObject();
      node.put("type", need.type());
      need.description().ifPresent(v -> node.put("description", v));
      node.put("urgency", need.urgency().name());
      node.put("frequency", need.frequency().name());
      node.put("status", need.status().name());
      need.identifiedOn().ifPresent(v -> node.put("identifiedOn", v.toString()));
    }
    ArrayNode tags = root.putArray("tags");
    customer.tags().forEach(tags::add);
    ObjectNode codes = root.putObject("dimensionCodes");
    customer.dimensionCodes().forEach(codes::put);
    ArrayNode references = root.putArray("externalReferences");
    for (ExternalReference reference : customer.externalReferences()) {
      references.addObject().put("system", reference.system()).put("id", reference.id());
    }
    if (protection.protects(ProtectedField.BIRTH_DATE)) {
      customer.birthDate().ifPresent(date -> root.put("birthDate", date.toString()));
    }
    if (protection.active()) {
      root.put(SEALED, true);
      protection.seal(root, customer.id());
    }
    return write(root);
  }

  /**
   * The stored {@code details} document of customer {@code id}, its protected values decrypted.
   *
   * @throws CrmStorageException if it is not a JSON object, or was written with field protection
   *     and this codec has none, or the other way round
   * @throws io.crmkit.core.protection.FieldProtectionException if a protected value does not decrypt
   */
  ObjectNode openDetails(String json, CustomerId id) {
    ObjectNode root = storedDetails(json, id);
    boolean sealed = root.path(SEALED).asBoolean(false);
    root.remove(SEALED);
    if (sealed && !protection.active()) {
      throw new CrmStorageException("Customer " + id + " was stored with field protection; open the store with "
          + "JdbcOptions.fieldProtection and the keys it was written with to read it");
    }
    if (!sealed && protection.active()) {
      throw new CrmStorageException("Customer " + id + " was stored without field protection, so this store, "
          + "which has one, cannot read it; give a store its protection from its first customer on");
    }
    protection.open(root, id);
    return root;
  }

  /** The stored {@code details} document parsed, as written (ciphertexts stay), for re-encryption. */
  ObjectNode storedDetails(String json, CustomerId id) {
    JsonNode parsed = parse(json);
    if (!(parsed instanceof ObjectNode root)) {
      throw new CrmStorageException("Stored details of customer " + id + " are not a JSON object");
    }
    return root;
  }

  /** A document as JSON text. */
  String json(JsonNode node) {
    return write(node);
  }

  /** The {@code attributes} document: name to {@code {"type": ..., "value": ...}}. */
  public String attributesJson(Map<String, AttributeValue> attributes) {
    try {
      return mapper.writeValueAsString(attributes);
    } catch (JsonProcessingException e) {
      throw new CrmStorageException("Could not write custom attributes as JSON", e);
    }
  }

  /** The JSON a PostgreSQL containment test ({@code @>}) uses to match one attribute. */
  String attributeContainment(String name, AttributeValue value) {
    return attributesJson(Map.of(name, value));
  }

  /**
   * A text key equal for two attribute values exactly when the values are equal: the type, then
   * the value in a canonical form (numbers are already normalised without trailing zeros).
   */
  static String attributeKey(AttributeValue value) {
    if (value instanceof AttributeValue.Text text) {
      return "text:" + text.value();
    } else if (value instanceof AttributeValue.Number number) {
      return "number:" + number.value().toString();
    } else if (value instanceof AttributeValue.Flag flag) {
      return "flag:" + flag.value();
    } else if (value instanceof AttributeValue.Date date) {
      return "date:" + date.value();
    }
    throw new IllegalArgumentException("unknown attribute value type " + value.getClass().getName());
  }

  private void readDetails(JsonNode root, Customer.Builder builder) {
    List<ContactPoint> contacts = new ArrayList<>();
    for (JsonNode node : root.path("contactPoints")) {
      contacts.add(new ContactPoint.Builder()
          .channel(ContactPoint.Channel.valueOf(node.get("channel").asText()))
          .value(node.get("value").asText())
          .use(ContactPoint.Use.valueOf(node.get("use").asText()))
          .label(optionalText(node, "label"))
          .primary(node.get("primary").asBoolean())
          .verified(node.get("verified").asBoolean())
          .build());
    }
    List<PostalAddress> addresses = new ArrayList<>();
    for (JsonNode node : root.path("addresses")) {
      addresses.add(new PostalAddress.Builder()
          .country(node.get("country").asText())
          .regionCode(optionalText(node, "regionCode"))
          .region(optionalText(node, "region"))
          .city(optionalText(node, "city"))
          .district(optionalText(node, "district"))
          .street(optionalText(node, "street"))
          .postcode(optionalText(node, "postcode"))
          .line(optionalText(node, "line"))
          .use(PostalAddress.Use.valueOf(node.get("use").asText()))
          .primary(node.get("primary").asBoolean())
          .build());
    }
    Set<OrganisationIdentifier> identifiers = new LinkedHashSet<>();
    for (JsonNode node : root.path("organisationIdentifiers")) {
      identifiers.add(OrganisationIdentifier.of(node.get("scheme").asText(), node.get("value").asText()));
    }
    Set<PersonIdentifier> personIdentifiers = new LinkedHashSet<>();
    for (JsonNode node : root.path("personIdentifiers")) {
      personIdentifiers.add(PersonIdentifier.of(node.get("scheme").asText(), node.get("value").asText()));
    }
    List<Need> needs = new ArrayList<>();
    for (JsonNode node : root.path("needs")) {
      needs.add(new Need.Builder()
          .type(node.get("type").asText())
          .description(optionalText(node, "description"))
          .urgency(Need.Urgency.valueOf(node.get("urgency").asText()))
          .frequency(Need.Frequency.valueOf(node.get("frequency").asText()))
          .status(Need.Status.valueOf(node.get("status").asText()))
          .identifiedOn(optionalText(node, "identifiedOn").map(LocalDate::parse))
          .build());
    }
    Set<String> tags = new LinkedHashSet<>();
    for (JsonNode node : root.path("tags")) {
      tags.add(node.asText());
    }
    Map<String, String> codes = new LinkedHashMap<>();
    root.path("dimensionCodes").fields().forEachRemaining(e -> codes.put(e.getKey(), e.getValue().asText()));
    Set<ExternalReference> references = new LinkedHashSet<>();
    for (JsonNode node : root.path("externalReferences")) {
      references.add(ExternalReference.of(node.get("system").asText(), node.get("id").asText()));
    }
    builder.contactPoints(contacts)
        .addresses(addresses)
        .organisationIdentifiers(identifiers)
        .personIdentifiers(personIdentifiers)
        .needs(needs)
        .tags(tags)
        .dimensionCodes(codes)
        .externalReferences(references);
  }

  private Map<String, AttributeValue> readAttributes(String json) {
    try {
      return mapper.readValue(json, ATTRIBUTES);
    } catch (JsonProcessingException e) {
      throw new CrmStorageException("Stored custom attributes are not valid crmkit JSON", e);
    }
  }

  private JsonNode parse(String json) {
    try {
      return mapper.readTree(json);
    } catch (JsonProcessingException e) {
      throw new CrmStorageException("Stored customer details are not valid crmkit JSON", e);
    }
  }

  private String write(JsonNode node) {
    try {
      return mapper.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new CrmStorageException("Could not write customer details as JSON", e);
    }
  }

  private static Optional<String> optionalText(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
  }
}
