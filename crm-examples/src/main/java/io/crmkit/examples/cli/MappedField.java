package io.crmkit.examples.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The parts of a {@link io.crmkit.core.dedup.MatchInput} a column can be mapped to, named as
 * {@code MatchInput} names them, and how many columns each part takes.
 */
enum MappedField {
  ID("id", Columns.ONE),
  SOURCE("source", Columns.ONE),
  KIND("kind", Columns.ONE),
  FULL_NAME("fullName", Columns.JOINED),
  FAMILY_NAME("familyName", Columns.ONE),
  GIVEN_NAME("givenName", Columns.JOINED),
  LEGAL_NAME("legalName", Columns.ONE),
  IDENTIFIER("identifier", Columns.ONE),
  PHONES("phones", Columns.EACH),
  EMAILS("emails", Columns.EACH),
  ADDRESS_LINE("addressLine", Columns.JOINED),
  REGION("region", Columns.ONE),
  CITY("city", Columns.ONE),
  DISTRICT("district", Columns.ONE),
  STREET("street", Columns.JOINED),
  POSTCODE("postcode", Columns.ONE),
  BIRTH_DATE("birthDate", Columns.ONE);

  /** How a part reads the columns mapped to it. */
  enum Columns {
    /** Exactly one column. */
    ONE,
    /** Several columns, non-blank values joined by a space (street number and street names). */
    JOINED,
    /** Several columns, each giving values of its own (a mobile and a landline column). */
    EACH
  }

  private final String key;
  private final Columns columns;

  MappedField(String key, Columns columns) {
    this.key = key;
    this.columns = columns;
  }

  /** The name used in {@code --column key=column} and in a mapping file. */
  String key() {
    return key;
  }

  Columns columns() {
    return columns;
  }

  /** The field a key names, ignoring case; {@code phone} and {@code email} are accepted for the plural. */
  static Optional<MappedField> byKey(String key) {
    String folded = key.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(field -> field.key.toLowerCase(Locale.ROOT).equals(folded)
            || field.columns == Columns.EACH && field.key.toLowerCase(Locale.ROOT).equals(folded + "s"))
        .findFirst();
  }

  /** Every key, for messages that list what may be mapped. */
  static String keys() {
    return Arrays.stream(values()).map(MappedField::key).collect(Collectors.joining(", "));
  }
}
