package io.crmkit.io.export;

import io.crmkit.core.common.Require;
import io.crmkit.core.customer.AttributeValue;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerDetails;
import io.crmkit.core.customer.PersonName;
import io.crmkit.core.customer.PostalAddress;
import io.crmkit.core.customer.ValueTier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The columns of a customer export, the same for every format and fixed before the first row is
 * written, so that a file can be streamed in constant memory and read by column name:
 *
 * <pre>
 * id, kind, display_name, family_name, given_name, legal_name, emails, phones, other_contacts,
 * country, region_code, region, city, district, street, postcode, address_line, birth_date, gender,
 * person_identifiers, organisation_identifiers, codes, stage, tier, owner, tags,
 * external_references, created_at, updated_at, version, attr.&lt;name&gt;...
 * </pre>
 *
 * <p>Lists are written in one cell joined by {@code "; "}: contact points in the customer's order,
 * identifiers as {@code SCHEME:value}, dimension codes as {@code dimension=code}, external
 * references as {@code system:id}, tags as they are; sets and maps sorted, so equal customers give
 * equal rows. The address columns are those of the first address (the customer's primary one).
 * Instants are ISO-8601 in UTC, dates ISO. Custom attributes are the {@code attr.<name>} columns
 * chosen up front ({@link #withAttributes}); an attribute not chosen is not exported. An absent value
 * is an empty cell.
 */
public final class ExportColumns {

  /** The prefix of a custom attribute's column. */
  public static final String ATTRIBUTE_PREFIX = "attr.";

  private static final String JOIN = "; ";

  private static final List<Column> STANDARD = List.of(
      new Column("id", c -> c.id().value().toString()),
      new Column("kind", c -> c.kind().name()),
      new Column("display_name", Customer::displayName),
      new Column("family_name", c -> c.personName().flatMap(PersonName::familyName).orElse("")),
      new Column("given_name", c -> c.personName().flatMap(PersonName::givenName).orElse("")),
      new Column("legal_name", c -> c.legalName().orElse("")),
      new Column("emails", c -> contacts(c, ContactPoint.Channel.EMAIL)),
      new Column("phones", c -> contacts(c, ContactPoint.Channel.PHONE)),
      new Column("other_contacts", c -> contacts(c, ContactPoint.Channel.OTHER)),
      new Column("country", c -> address(c).map(PostalAddress::country).orElse("")),
      new Column("region_code", c -> address(c).flatMap(PostalAddress::regionCode).orElse("")),
      new Column("region", c -> address(c).flatMap(PostalAddress::region).orElse("")),
      new Column("city", c -> address(c).flatMap(PostalAddress::city).orElse("")),
      new Column("district", c -> address(c).flatMap(PostalAddress::district).orElse("")),
      new Column("street", c -> address(c).flatMap(PostalAddress::street).orElse("")),
      new Column("postcode", c -> address(c).flatMap(PostalAddress::postcode).orElse("")),
      new Column("address_line", c -> address(c).flatMap(PostalAddress::line).orElse("")),
      new Column("birth_date", c -> c.birthDate().map(Object::toString).orElse("")),
      new Column("gender", c -> c.gender().map(Enum::name).orElse("")),
      new Column("person_identifiers", c -> sorted(c.personIdentifiers().stream()
          .map(i -> i.scheme() + ":" + i.value()).toList())),
      new Column("organisation_identifiers", c -> sorted(c.organisationIdentifiers().stream()
          .map(i -> i.scheme() + ":" + i.value()).toList())),
      new Column("codes", c -> new TreeMap<>(c.dimensionCodes()).entrySet().stream()
          .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(JOIN))),
      new Column("stage", c -> c.stage().name()),
      new Column("tier", c -> c.tier().map(ValueTier::name).orElse("")),
      new Column("owner", c -> c.owner().orElse("")),
      new Column("tags", c -> sorted(c.tags())),
      new Column("external_references", c -> sorted(c.externalReferences().stream()
          .map(r -> r.system() + ":" + r.id()).toList())),
      new Column("created_at", c -> c.createdAt().toString()),
      new Column("updated_at", c -> c.updatedAt().toString()),
      new Column("version", c -> Long.toString(c.version())));

  private final List<Column> columns;
  private final List<String> header;

  private ExportColumns(List<Column> columns) {
    this.columns = List.copyOf(columns);
    this.header = this.columns.stream().map(Column::name).toList();
  }

  /** The standard columns without custom attributes. */
  public static ExportColumns standard() {
    return new ExportColumns(STANDARD);
  }

  /**
   * The standard columns and one {@code attr.<name>} column per attribute, in the order given.
   *
   * @param attributeNames custom attribute names, each a valid attribute name, none twice
   * @throws IllegalArgumentException if a name is not a valid attribute name or repeats
   */
  public ExportColumns withAttributes(Collection<String> attributeNames) {
    Require.notNull(attributeNames, "attributeNames");
    List<Column> all = new ArrayList<>(columns);
    LinkedHashSet<String> seen = new LinkedHashSet<>();
    for (String name : attributeNames) {
      Require.notNull(name, "attribute name");
      Require.argument(name.matches(CustomerDetails.ATTRIBUTE_NAME), "not a custom attribute name: %s", name);
      Require.argument(seen.add(name) && !header.contains(ATTRIBUTE_PREFIX + name),
          "attribute %s is named twice", name);
      all.add(new Column(ATTRIBUTE_PREFIX + name, c -> attribute(c.attributes().get(name))));
    }
    return new ExportColumns(all);
  }

  /** The column names, in file order. */
  public List<String> header() {
    return header;
  }

  /** The names of the custom attributes exported, in column order. */
  public List<String> attributeNames() {
    return header.stream().filter(h -> h.startsWith(ATTRIBUTE_PREFIX))
        .map(h -> h.substring(ATTRIBUTE_PREFIX.length())).toList();
  }

  /**
   * One customer's cells, in header order; an absent value is the empty string.
   *
   * @throws NullPointerException if {@code customer} is null
   */
  public List<String> cells(Customer customer) {
    Require.notNull(customer, "customer");
    List<String> cells = new ArrayList<>(columns.size());
    for (Column column : columns) {
      cells.add(column.value().apply(customer));
    }
    return Collections.unmodifiableList(cells);
  }

  /** A custom attribute's cell: text as it is, numbers in plain notation, dates ISO, flags true or false. */
  static String attribute(AttributeValue value) {
    if (value == null) {
      return "";
    }
    if (value instanceof AttributeValue.Number number) {
      return number.value().toPlainString();
    }
    return value.raw().toString();
  }

  private static Optional<PostalAddress> address(Customer customer) {
    return customer.addresses().stream().findFirst();
  }

  private static String contacts(Customer customer, ContactPoint.Channel channel) {
    return customer.contactPoints().stream().filter(p -> p.channel() == channel).map(ContactPoint::value)
        .collect(Collectors.joining(JOIN));
  }

  private static String sorted(Collection<String> values) {
    return values.stream().sorted().collect(Collectors.joining(JOIN));
  }

  private record Column(String name, Function<Customer, String> value) {}
}
