package io.crmkit.jdbc.internal;

import io.crmkit.core.activity.Interaction;
import io.crmkit.core.activity.Purchase;
import io.crmkit.core.common.CrmValidationException;
import io.crmkit.core.common.Violation;
import io.crmkit.core.customer.AttributeValue;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerDetails;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.core.customer.Need;
import io.crmkit.core.customer.OrganisationIdentifier;
import io.crmkit.core.customer.PersonIdentifier;
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
 *
 * <p>A column's size is the model's constant for the field it stores ({@code
 * CustomerDetails.MAX_DISPLAY_NAME_LENGTH}, {@code Purchase.MAX_CHANNEL_LENGTH}, ...), the same
 * constant the field's {@code @Size} constraint names, and {@code ColumnSizesTest} holds every
 * bounded column of the migrations to it. Text kept inside a JSON document (contact points,
 * addresses, labels) has no column of its own: only the whole document's length is bounded.
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
    c.text("displayName", customer.displayName(), CustomerDetails.MAX_DISPLAY_NAME_LENGTH);
    Optional<PersonName> name = customer.personName();
    c.text("personName.familyName", name.flatMap(PersonName::familyName).orElse(null), PersonName.MAX_PART_LENGTH);
    c.text("personName.givenName", name.flatMap(PersonName::givenName).orElse(null), PersonName.MAX_PART_LENGTH);
    c.text("legalName", customer.legalName().orElse(null), CustomerDetails.MAX_LEGAL_NAME_LENGTH);
    c.text("owner", customer.owner().orElse(null), CustomerDetails.MAX_OWNER_LENGTH);
    customer.birthDate().ifPresent(date -> c.date("birthDate", date));
    c.instant("createdAt", customer.createdAt());
    c.instant("updatedAt", customer.updatedAt());
    int i = 0;
    for (ContactPoint contact : customer.contactPoints()) {
      String path = "contactPoints[" + i++ + "]";
      c.storable(path + ".value", contact.value());
      c.storable(path + ".label", contact.label().orElse(null));
    }
    i = 0;
    for (PostalAddress address : customer.addresses()) {
      String path = "addresses[" + i++ + "]";
      c.storable(path + ".country", address.country());
      c.storable(path + ".regionCode", address.regionCode().orElse(null));
      c.storable(path + ".region", address.region().orElse(null));
      c.storable(path + ".city", address.city().orElse(null));
      c.storable(path + ".district", address.district().orElse(null));
      c.storable(path + ".street", address.street().orElse(null));
      c.storable(path + ".postcode", address.postcode().orElse(null));
      c.storable(path + ".line", address.line().orElse(null));
    }
    // Identifier schemes and values also go into the lookup table, whose columns are sized for the model's limits.
    for (OrganisationIdentifier identifier : customer.organisationIdentifiers()) {
      c.text("organisationIdentifiers.scheme", identifier.scheme(), OrganisationIdentifier.MAX_SCHEME_LENGTH);
      c.text("organisationIdentifiers.value", identifier.value(), OrganisationIdentifier.MAX_VALUE_LENGTH);
    }
    for (PersonIdentifier identifier : customer.personIdentifiers()) {
      c.text("personIdentifiers.scheme", identifier.scheme(), PersonIdentifier.MAX_SCHEME_LENGTH);
      c.text("personIdentifiers.value", identifier.value(), PersonIdentifier.MAX_VALUE_LENGTH);
    }
    i = 0;
    for (Need need : customer.needs()) {
      String path = "needs[" + i++ + "]";
      c.storable(path + ".type", need.type());
      c.storable(path + ".description", need.description().orElse(null));
    }
    for (String tag : customer.tags()) {
      c.text("tags", tag, CustomerDetails.MAX_TAG_LENGTH);
    }
    for (Map.Entry<String, String> code : customer.dimensionCodes().entrySet()) {
      c.text("dimensionCodes", code.getKey(), CustomerDetails.MAX_DIMENSION_LENGTH);
      c.text("dimensionCodes[" + code.getKey() + "]", code.getValue(), CustomerDetails.MAX_CODE_LENGTH);
    }
    for (Map.Entry<String, AttributeValue> attribute : customer.attributes().entrySet()) {
      String path = "attributes[" + attribute.getKey() + "]";
      c.text("attributes", attribute.getKey(), CustomerDetails.MAX_ATTRIBUTE_NAME_LENGTH);
      if (attribute.getValue() instanceof AttributeValue.Text text) {
        c.storable(path, text.value());
      } else if (attribute.getValue() instanceof AttributeValue.Number number) {
        c.digits(path, number.value(), MAX_ATTRIBUTE_DIGITS, MAX_ATTRIBUTE_DIGITS);
      }
    }
    for (ExternalReference reference : customer.externalReferences()) {
      c.text("externalReferences.system", reference.system(), ExternalReference.MAX_SYSTEM_LENGTH);
      c.text("externalReferences.id", reference.id(), ExternalReference.MAX_ID_LENGTH);
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
    for (PersonIdentifier identifier : customer.personIdentifiers()) {
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
    c.text("channel", purchase.channel(), Purchase.MAX_CHANNEL_LENGTH);
    c.text("category", purchase.category().orElse(null), Purchase.MAX_CATEGORY_LENGTH);
    c.text("orderReference", purchase.orderReference().orElse(null), Purchase.MAX_ORDER_REFERENCE_LENGTH);
    return c.found;
  }

  static List<Violation> violations(Interaction interaction) {
    Checks c = new Checks();
    c.instant("occurredAt", interaction.occurredAt());
    c.text("subject", interaction.subject().orElse(null), Interaction.MAX_SUBJECT_LENGTH);
    c.text("outcome", interaction.outcome().orElse(null), Interaction.MAX_OUTCOME_LENGTH);
    c.text("agent", interaction.agent().orElse(null), Interaction.MAX_AGENT_LENGTH);
    return c.found;
  }

  /** What would keep {@code request} (and its decision, if it has one) from being stored. */
  static List<Violation> violations(CodeRequest request) {
    Checks c = new Checks();
    c.text("schemeId", request.schemeId(), CodeRequest.MAX_SCHEME_ID_LENGTH);
    c.text("code", request.code(), CodeRequest.MAX_CODE_LENGTH);
    request.labels().texts().forEach((tag, text) -> {
      c.storable("labels", tag);
      c.storable("labels[" + tag + "]", text);
    });
    c.text("parent", request.parent().orElse(null), CodeRequest.MAX_CODE_LENGTH);
    c.text("requestedBy", request.requestedBy(), CodeRequest.MAX_REQUESTED_BY_LENGTH);
    c.instant("requestedAt", request.requestedAt());
    c.text("note", request.note().orElse(null), CodeRequest.MAX_NOTE_LENGTH);
    request.decision().ifPresent(decision -> c.found.addAll(violations(decision)));
    return c.found;
  }

  /** What would keep {@code decision} from being stored. */
  static List<Violation> violations(CodeRequest.Decision decision) {
    Checks c = new Checks();
    c.text("decision.decidedBy", decision.decidedBy(), CodeRequest.Decision.MAX_DECIDED_BY_LENGTH);
    c.instant("decision.decidedAt", decision.decidedAt());
    c.text("decision.reason", decision.reason().orElse(null), CodeRequest.Decision.MAX_REASON_LENGTH);
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
  static List<Violation> violations(io.crmkit.core.metric.CustomerMetric metric) {
    Checks c = new Checks();
    c.instant("computedAt", metric.computedAt());
    return c.found;
  }

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
    c.storable(path, value);
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

    /** Text kept inside a JSON document: only the document's length is bounded. */
    void storable(String path, String value) {
      if (value == null) {
        return;
      }
      int bad = unstorableAt(value);
      if (bad >= 0) {
        found.add(new Violation(path, "StorableText", value.charAt(bad) == '\u0000'
            ? "must not contain NUL characters (position " + bad + "); databases cannot store them"
            : "must not contain unpaired surrogate characters (position " + bad + ")"));
      }
    }

    /** Text kept in a column of its own, at most {@code maxLength} characters. */
    void text(String path, String value, int maxLength) {
      if (value == null) {
        return;
      }
      storable(path, value);
      if (value.length() > maxLength) {
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
