package io.crmkit.jdbc.internal;

import io.crmkit.core.activity.Interaction;
import io.crmkit.core.activity.Purchase;
import io.crmkit.core.common.CrmValidationException;
import io.crmkit.core.common.Violation;
import io.crmkit.core.customer.AttributeValue;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.core.customer.Need;
import io.crmkit.core.customer.OrganisationIdentifier;
import io.crmkit.core.customer.PersonName;
import io.crmkit.core.customer.PostalAddress;
import io.crmkit.core.dimension.review.CodeRequest;
import io.crmkit.core.lifecycle.ChurnSignal;
import io.crmkit.core.lifecycle.HistoryEntry;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the database can store, checked before any SQL runs, so that a caller who bypasses the
 * {@code Crm} facade's validation gets a {@link CrmValidationException} naming the field instead of
 * a SQL error: no NUL characters or unpaired surrogates anywhere (PostgreSQL cannot store them in
 * text or JSON), text columns within their sizes, instants and dates in years 1 to 9999, and
 * numbers that fit the numeric columns. The same holds for code requests, history entries and
 * churn signals. Everything else, however hostile, is stored exactly.
 */
final class StorageGuard {
  /** Largest number of integer or fraction digits of a custom attribute number. */
  static final int MAX_ATTRIBUTE_DIGITS = 1000;
  /** H2 keeps a JSON document in a VARCHAR of at most this many characters. */
  static final int MAX_JSON_CHARS = 1_000_000;

  private StorageGuard() {}

  /** The problems that would keep {@code customer} from being stored, in field order. */
  static List<Violation> violations(Customer customer) {
    Checks c = new Checks();
    c.text("displayName", customer.displayName(), 200);
    Optional<PersonName> name = customer.personName();
    c.text("personName.familyName", name.flatMap(PersonName::familyName).orElse(null), 100);
    c.text("personName.givenName", name.flatMap(PersonName::givenName).orElse(null), 100);
    c.text("legalName", customer.legalName().orElse(null), 200);
    c.text("owner", customer.owner().orElse(null), 128);
    customer.birthDate().ifPresent(date -> c.date("birthDate", date));
    c.instant("createdAt", customer.createdAt());
    c.instant("updatedAt", customer.updatedAt());
    int i = 0;
    for (ContactPoint contact : customer.contactPoints()) {
      String path = "contactPoints[" + i++ + "]";
      c.text(path + ".value", contact.value(), 0);
      c.text(path + ".label", contact.label().orElse(null), 0);
    }
    i = 0;
    for (PostalAddress address : customer.addresses()) {
      String path = "addresses[" + i++ + "]";
      c.text(path + ".country", address.country(), 0);
      c.text(path + ".regionCode", address.regionCode().orElse(null), 0);
      c.text(path + ".region", address.region().orElse(null), 0);
      c.text(path + ".city", address.city().orElse(null), 0);
      c.text(path + ".district", address.district().orElse(null), 0);
      c.text(path + ".street", address.street().orElse(null), 0);
      c.text(path + ".postcode", address.postcode().orElse(null), 0);
      c.text(path + ".line", address.line().orElse(null), 0);
    }
    for (OrganisationIdentifier identifier : customer.organisationIdentifiers()) {
      c.text("organisationIdentifiers.scheme", identifier.scheme(), 0);
      c.text("organisationIdentifiers.value", identifier.value(), 0);
    }
    i = 0;
    for (Need need : customer.needs()) {
      String path = "needs[" + i++ + "]";
      c.text(path + ".type", need.type(), 0);
      c.text(path + ".description", need.description().orElse(null), 0);
    }
    for (String tag : customer.tags()) {
      c.text("tags", tag, 64);
    }
    for (Map.Entry<String, String> code : customer.dimensionCodes().entrySet()) {
      c.text("dimensionCodes", code.getKey(), 64);
      c.text("dimensionCodes[" + code.getKey() + "]", code.getValue(), 64);
    }
    for (Map.Entry<String, AttributeValue> attribute : customer.attributes().entrySet()) {
      String path = "attributes[" + attribute.getKey() + "]";
      c.text("attributes", attribute.getKey(), 64);
      if (attribute.getValue() instanceof AttributeValue.Text text) {
        c.text(path, text.value(), 0);
      } else if (attribute.getValue() instanceof AttributeValue.Number number) {
        c.digits(path, number.value(), MAX_ATTRIBUTE_DIGITS, MAX_ATTRIBUTE_DIGITS);
      }
    }
    for (ExternalReference reference : customer.externalReferences()) {
      c.text("externalReferences.system", reference.system(), 64);
      c.text("externalReferences.id", reference.id(), 128);
    }
    return c.found;
  }

  /**
   * Throws if {@code customer} cannot be stored.
   *
   * @throws CrmValidationException listing every problem
   */
  static Customer check(Customer customer) {
    List<Violation> found = violations(customer);
    if (!found.isEmpty()) {
      throw new CrmValidationException("Customer", found);
    }
    return customer;
  }

  /**
   * An upper bound of the length of the customer's {@code details} and {@code attributes} JSON
   * documents, cheap to compute: every character escaped as {@code \\uXXXX} (6 characters), plus
   * generous room for names, quotes and punctuation. When it is within a limit, the exact length
   * need not be computed.
   */
  static long jsonLengthBound(Customer customer) {
    long bound = 512;
    for (ContactPoint contact : customer.contactPoints()) {
      bound += 160 + 6L * (contact.value().length() + contact.label().map(String::length).orElse(0));
    }
    for (PostalAddress address : customer.addresses()) {
      bound += 240 + 6L * (address.country().length() + length(address.regionCode()) + length(address.region())
          + length(address.city()) + length(address.district()) + length(address.street())
          + length(address.postcode()) + length(address.line()));
    }
    for (OrganisationIdentifier identifier : customer.organisationIdentifiers()) {
      bound += 40 + 6L * (identifier.scheme().length() + identifier.value().length());
    }
    for (Need need : customer.needs()) {
      bound += 160 + 6L * (need.type().length() + length(need.description()));
    }
    for (String tag : customer.tags()) {
      bound += 4 + 6L * tag.length();
    }
    for (Map.Entry<String, String> code : customer.dimensionCodes().entrySet()) {
      bound += 8 + 6L * (code.getKey().length() + code.getValue().length());
    }
    for (ExternalReference reference : customer.externalReferences()) {
      bound += 40 + 6L * (reference.system().length() + reference.id().length());
    }
    long attributes = 8;
    for (Map.Entry<String, AttributeValue> attribute : customer.attributes().entrySet()) {
      AttributeValue value = attribute.getValue();
      long valueLength = value instanceof AttributeValue.Text text ? 6L * text.value().length()
          : value instanceof AttributeValue.Number number
              ? number.value().precision() + 24L + Math.abs((long) number.value().scale()) : 16;
      attributes += 48 + 6L * attribute.getKey().length() + valueLength;
    }
    return Math.max(bound, attributes);
  }

  private static int length(Optional<String> value) {
    return value.map(String::length).orElse(0);
  }

  /** Throws if a JSON document is too long for the dialect's JSON column. */
  static void checkJsonLength(String subject, String path, String json, int maxChars) {
    if (json.length() > maxChars) {
      throw CrmValidationException.of(subject, path, "StorableSize",
          "is " + json.length() + " characters as JSON; this database stores at most " + maxChars);
    }
  }

  static List<Violation> violations(Purchase purchase) {
    Checks c = new Checks();
    c.instant("occurredAt", purchase.occurredAt());
    c.digits("amount", purchase.amount().getAmount(), 32, 6);
    c.text("channel", purchase.channel(), 64);
    c.text("category", purchase.category().orElse(null), 128);
    c.text("orderReference", purchase.orderReference().orElse(null), 128);
    return c.found;
  }

  static List<Violation> violations(Interaction interaction) {
    Checks c = new Checks();
    c.instant("occurredAt", interaction.occurredAt());
    c.text("subject", interaction.subject().orElse(null), 200);
    c.text("outcome", interaction.outcome().orElse(null), 2000);
    c.text("agent", interaction.agent().orElse(null), 128);
    return c.found;
  }

  /** What would keep {@code request} (and its decision, if it has one) from being stored. */
  static List<Violation> violations(CodeRequest request) {
    Checks c = new Checks();
    c.text("schemeId", request.schemeId(), 128);
    c.text("code", request.code(), 64);
    request.labels().texts().forEach((tag, text) -> {
      c.text("labels", tag, 0);
      c.text("labels[" + tag + "]", text, 0);
    });
    c.text("parent", request.parent().orElse(null), 64);
    c.text("requestedBy", request.requestedBy(), 128);
    c.instant("requestedAt", request.requestedAt());
    c.text("note", request.note().orElse(null), 1000);
    request.decision().ifPresent(decision -> c.found.addAll(violations(decision)));
    return c.found;
  }

  /** What would keep {@code decision} from being stored. */
  static List<Violation> violations(CodeRequest.Decision decision) {
    Checks c = new Checks();
    c.text("decision.decidedBy", decision.decidedBy(), 128);
    c.instant("decision.decidedAt", decision.decidedAt());
    c.text("decision.reason", decision.reason().orElse(null), 1000);
    return c.found;
  }

  /**
   * What would keep {@code entry} from being stored: only its time can be out of reach, since
   * {@link HistoryEntry} itself keeps its names and texts printable and within their columns.
   */
  static List<Violation> violations(HistoryEntry entry) {
    Checks c = new Checks();
    c.instant("at", entry.at());
    return c.found;
  }

  /** What would keep {@code signal} from being stored: only its time can be out of reach. */
  static List<Violation> violations(ChurnSignal signal) {
    Checks c = new Checks();
    c.instant("measuredAt", signal.measuredAt());
    return c.found;
  }

  /**
   * Checks text that a query compares with stored values: it must be storable text too.
   *
   * @throws CrmValidationException if it holds NUL or an unpaired surrogate
   */
  static void checkQueryText(String path, String value) {
    Checks c = new Checks();
    c.text(path, value, 0);
    if (!c.found.isEmpty()) {
      throw new CrmValidationException("Criteria", c.found);
    }
  }

  /** Where the first NUL or unpaired surrogate is, or -1. */
  static int unstorableAt(String value) {
    for (int i = 0; i < value.length(); i++) {
      char ch = value.charAt(i);
      if (ch == '\u0000') {
        return i;
      }
      if (Character.isHighSurrogate(ch)) {
        if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
          return i;
        }
        i++;
      } else if (Character.isLowSurrogate(ch)) {
        return i;
      }
    }
    return -1;
  }

  private static final class Checks {
    final List<Violation> found = new ArrayList<>();

    void text(String path, String value, int maxLength) {
      if (value == null) {
        return;
      }
      int bad = unstorableAt(value);
      if (bad >= 0) {
        found.add(new Violation(path, "StorableText", value.charAt(bad) == '\u0000'
            ? "must not contain NUL characters (position " + bad + "); databases cannot store them"
            : "must not contain unpaired surrogate characters (position " + bad + ")"));
      }
      if (maxLength > 0 && value.length() > maxLength) {
        found.add(new Violation(path, "StorableSize",
            "is " + value.length() + " characters long; at most " + maxLength + " can be stored"));
      }
    }

    void instant(String path, Instant value) {
      if (!Values.storable(value)) {
        found.add(new Violation(path, "StorableInstant",
            "must be between years 1 and 9999 to be stored, got " + value));
      }
    }

    void date(String path, LocalDate value) {
      if (!Values.storable(value)) {
        found.add(new Violation(path, "StorableDate",
            "must be between years 1 and 9999 to be stored, got " + value));
      }
    }

    void digits(String path, BigDecimal value, int maxIntegerDigits, int maxFractionDigits) {
      int fraction = Math.max(value.scale(), 0);
      long integer = (long) value.precision() - value.scale();
      if (integer > maxIntegerDigits || fraction > maxFractionDigits) {
        found.add(new Violation(path, "StorableNumber", "has " + Math.max(integer, 0)
            + " integer and " + fraction + " fraction digits; at most " + maxIntegerDigits + " and "
            + maxFractionDigits + " can be stored"));
      }
    }
  }
}
