package io.crmkit.jdbc.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.LookupKey;
import io.crmkit.core.protection.FieldProtection;
import io.crmkit.core.protection.ProtectedField;
import java.util.Objects;
import java.util.Optional;

/**
 * What a store does with protected fields: with a {@link FieldProtection}, their values are
 * written as ciphertext bound to the customer's id and looked up by blind index; without one (the
 * default), everything stays as it was. One instance per store, shared by every write and read path
 * so that none of them can keep a clear value the others encrypt.
 *
 * <p>The JSON shape it works on is the one the {@code details} document and {@code CrmJson}'s
 * customer share: {@code contactPoints[].channel/value}, {@code addresses[].street/line}, {@code
 * organisationIdentifiers[].value}, {@code personIdentifiers[].value} and {@code birthDate}.
 */
final class CustomerProtection {
  /** No protection: every value is written and read as it is. */
  static final CustomerProtection NONE = new CustomerProtection(null);

  /** Prefix of a blocking key already in its stored (blind-indexed) form. */
  static final String BLIND_KEY_PREFIX = "blind:";

  private final FieldProtection protection;

  private CustomerProtection(FieldProtection protection) {
    this.protection = protection;
  }

  static CustomerProtection of(Optional<FieldProtection> protection) {
    return protection.map(CustomerProtection::new).orElse(NONE);
  }

  /** Whether values of {@code field} are kept encrypted or blind-indexed. */
  boolean protects(ProtectedField field) {
    return protection != null && protection.protects(field);
  }

  /** Whether any field is protected. */
  boolean active() {
    return protection != null;
  }

  /**
   * The context a ciphertext of a customer's field is bound to: the customer's id (the field is
   * bound by the protection itself), so a value copied to another customer's row does not decrypt.
   */
  static String context(CustomerId id) {
    return "customer:" + id.value();
  }

  /** Encrypts the protected values in a customer document in place. */
  void seal(ObjectNode customer, CustomerId id) {
    if (active()) {
      String context = context(id);
      transform(customer, (field, value) -> protection.encrypt(field, value, context));
    }
  }

  /**
   * Decrypts the protected values in a customer document in place.
   *
   * @throws io.crmkit.core.protection.FieldProtectionException if a value does not decrypt
   */
  void open(ObjectNode customer, CustomerId id) {
    if (active()) {
      String context = context(id);
      transform(customer, (field, value) -> protection.decrypt(field, value, context));
    }
  }

  /**
   * Re-encrypts, in place, the ciphertexts of a customer document not under their field's current
   * key; returns whether any was.
   */
  boolean reseal(ObjectNode customer, CustomerId id) {
    if (!active()) {
      return false;
    }
    String context = context(id);
    boolean[] changed = {false};
    transform(customer, (field, value) -> {
      if (protection.isCurrent(field, value)) {
        return value;
      }
      changed[0] = true;
      return protection.encrypt(field, protection.decrypt(field, value, context), context);
    });
    return changed[0];
  }

  /**
   * The value a lookup key is stored and compared as: the blind index of its normalised value for
   * phone, e-mail and identifier keys of a protected field, the value itself otherwise (names).
   */
  String lookupValue(LookupKey key) {
    return fieldOfKeyType(key.type()).filter(this::protects)
        .map(field -> protection.blindIndex(field, key.value()))
        .orElse(key.value());
  }

  /**
   * A blocking key as the index stores it: {@value #BLIND_KEY_PREFIX} and its blind index, or the key
   * itself without protection. With any protection the key is blind-indexed, whatever {@link
   * FieldProtection#protects} says of {@link ProtectedField#BLOCKING_KEY}: that asks whether a field
   * is encrypted, and a blocking key (which quotes phones, e-mails and identifiers) is never
   * encrypted, only blind-indexed. A key already in that form (read back from the index, as a merge
   * does) is kept, so storing keys read from the index never indexes them twice.
   */
  String blockingKey(String key) {
    if (!active() || key.startsWith(BLIND_KEY_PREFIX)) {
      return key;
    }
    return BLIND_KEY_PREFIX + protection.blindIndex(ProtectedField.BLOCKING_KEY, key);
  }

  private static Optional<ProtectedField> fieldOfKeyType(String type) {
    if (type.equals(LookupKey.PHONE)) {
      return Optional.of(ProtectedField.PHONE);
    } else if (type.equals(LookupKey.EMAIL)) {
      return Optional.of(ProtectedField.EMAIL);
    } else if (type.startsWith("org:")) {
      return Optional.of(ProtectedField.ORGANISATION_IDENTIFIER);
    } else if (type.startsWith("person:")) {
      return Optional.of(ProtectedField.PERSON_IDENTIFIER);
    }
    return Optional.empty();
  }

  /** A contact point channel's field: phone, e-mail, or any other handle. */
  static ProtectedField contactField(String channel) {
    if (channel.equals(ContactPoint.Channel.PHONE.name())) {
      return ProtectedField.PHONE;
    }
    return channel.equals(ContactPoint.Channel.EMAIL.name()) ? ProtectedField.EMAIL : ProtectedField.CONTACT_HANDLE;
  }

  /** A function of one protected value. */
  @FunctionalInterface
  private interface ValueFunction {
    String apply(ProtectedField field, String value);
  }

  /** Applies {@code function} to every value of a protected field in the document, in place. */
  private void transform(ObjectNode customer, ValueFunction function) {
    for (JsonNode contact : customer.path("contactPoints")) {
      ProtectedField field = contactField(contact.path("channel").asText());
      replace(contact, "value", field, function);
    }
    for (JsonNode address : customer.path("addresses")) {
      replace(address, "street", ProtectedField.ADDRESS_LINE, function);
      replace(address, "line", ProtectedField.ADDRESS_LINE, function);
    }
    for (JsonNode identifier : customer.path("organisationIdentifiers")) {
      replace(identifier, "value", ProtectedField.ORGANISATION_IDENTIFIER, function);
    }
    for (JsonNode identifier : customer.path("personIdentifiers")) {
      replace(identifier, "value", ProtectedField.PERSON_IDENTIFIER, function);
    }
    replace(customer, "birthDate", ProtectedField.BIRTH_DATE, function);
  }

  private void replace(JsonNode node, String name, ProtectedField field, ValueFunction function) {
    JsonNode value = node.get(name);
    if (value != null && value.isTextual() && node instanceof ObjectNode object && protects(field)) {
      object.set(name, TextNode.valueOf(Objects.requireNonNull(function.apply(field, value.asText()),
          () -> "the field protection returned null for " + field)));
    }
  }
}
