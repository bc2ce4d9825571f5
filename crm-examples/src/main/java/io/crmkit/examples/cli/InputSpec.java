package io.crmkit.examples.cli;

import io.crmkit.core.customer.CustomerKind;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How to read one customer file, complete and checked: the {@link MappingFile} given, with a
 * default for everything it leaves out. Building one is where a bad option is caught, before any
 * row is read.
 *
 * @param encoding the file's character set, used when it has no byte-order mark
 * @param delimiter the field delimiter
 * @param quote the quote character
 * @param header whether the first line names the columns
 * @param columns each mapped part's column references (header names, or 1-based numbers without a header)
 * @param kind the kind of every record, when given instead of a kind column
 * @param kindValues the kind column's values, case-folded, and the kind each means
 * @param datePattern the birth date's pattern, as given
 * @param source the source of every record, when no column gives it (or the column is blank)
 * @param idPrefix put before every id
 */
record InputSpec(Charset encoding, char delimiter, char quote, boolean header, Map<MappedField, List<String>> columns,
    Optional<CustomerKind> kind, Map<String, CustomerKind> kindValues, String datePattern, Optional<String> source,
    String idPrefix) {

  static final String DEFAULT_DATE_FORMAT = "yyyy-MM-dd";
  /** The kind column's values meaning a person unless configured, as {@code --help} shows them. */
  static final String DEFAULT_PERSON_VALUES = "person, individual, P, 个人, 自然人";
  /** The kind column's values meaning an organisation unless configured, as {@code --help} shows them. */
  static final String DEFAULT_ORGANISATION_VALUES = "organisation, organization, company, O, 企业, 公司, 单位, 机构";

  InputSpec {
    columns = Collections.unmodifiableMap(new EnumMap<>(columns));
    kindValues = Map.copyOf(kindValues);
  }

  /**
   * Completes and checks a mapping.
   *
   * @param given what the options or the mapping file say
   * @param origin where it was given, for messages ({@code the options}, a mapping file's name)
   * @throws CliException usage for anything that cannot work: an unknown encoding or field, a
   *     delimiter that is not one character, a bad date pattern, a kind given twice
   */
  static InputSpec from(MappingFile given, String origin) {
    Map<MappedField, List<String>> columns = columns(given.columns(), origin);
    Optional<CustomerKind> kind = Optional.ofNullable(given.kind()).map(value -> fixedKind(value, origin));
    if (kind.isPresent() && columns.containsKey(MappedField.KIND)) {
      throw CliException.usage(origin + ": give a kind column or a fixed kind, not both");
    }
    String datePattern = given.dateFormat() != null ? given.dateFormat() : DEFAULT_DATE_FORMAT;
    dateFormatter(datePattern, origin);
    char delimiter = delimiter(given.delimiter() != null ? given.delimiter() : ",", origin);
    char quote = oneCharacter("quote", given.quote() != null ? given.quote() : "\"", origin);
    if (quote == delimiter) {
      throw CliException.usage(origin + ": the quote and the delimiter must differ");
    }
    return new InputSpec(charset(given.encoding(), origin), delimiter, quote,
        given.header() == null || given.header(), columns, kind, kindValues(given, origin), datePattern,
        Optional.ofNullable(given.source()).filter(source -> !source.isBlank()),
        given.idPrefix() != null ? given.idPrefix() : "");
  }

  /** The birth date's pattern as a strict formatter: a 31st of February is no date. */
  DateTimeFormatter dateFormatter() {
    return dateFormatter(datePattern, "the date format");
  }

  private static Map<MappedField, List<String>> columns(Map<String, List<String>> given, String origin) {
    Map<MappedField, List<String>> columns = new EnumMap<>(MappedField.class);
    given.forEach((key, names) -> {
      MappedField field = MappedField.byKey(key).orElseThrow(() -> CliException.usage(
          origin + ": no field " + key + " to map; the fields are " + MappedField.keys()));
      if (names.isEmpty()) {
        throw CliException.usage(origin + ": " + field.key() + " is mapped to no column");
      }
      if (field.columns() == MappedField.Columns.ONE && names.size() > 1) {
        throw CliException.usage(origin + ": " + field.key() + " takes one column, not " + String.join(", ", names));
      }
      columns.put(field, List.copyOf(names));
    });
    if (columns.isEmpty()) {
      throw CliException.usage(origin + ": no column is mapped; map at least one, for example --column fullName=客户名称");
    }
    return columns;
  }

  private static CustomerKind fixedKind(String value, String origin) {
    String folded = value.strip().toLowerCase(Locale.ROOT);
    return switch (folded) {
      case "person" -> CustomerKind.PERSON;
      case "organisation", "organization" -> CustomerKind.ORGANISATION;
      default -> throw CliException.usage(origin + ": kind " + value + " is neither person nor organisation");
    };
  }

  private static Map<String, CustomerKind> kindValues(MappingFile given, String origin) {
    Map<String, CustomerKind> values = new LinkedHashMap<>();
    List<String> persons =
        given.personValues() != null ? given.personValues() : List.of(DEFAULT_PERSON_VALUES.split(", "));
    List<String> organisations = given.organisationValues() != null
        ? given.organisationValues() : List.of(DEFAULT_ORGANISATION_VALUES.split(", "));
    persons.forEach(value -> values.put(fold(value), CustomerKind.PERSON));
    for (String value : organisations) {
      if (values.put(fold(value), CustomerKind.ORGANISATION) == CustomerKind.PERSON) {
        throw CliException.usage(origin + ": " + value + " cannot mean both a person and an organisation");
      }
    }
    return values;
  }

  /** How a kind column's value is compared with the configured values. */
  static String fold(String value) {
    return value.strip().toLowerCase(Locale.ROOT);
  }

  private static Charset charset(String name, String origin) {
    if (name == null) {
      return StandardCharsets.UTF_8;
    }
    try {
      return Charset.forName(name.strip());
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw CliException.usage(origin + ": unknown encoding " + name + " (try UTF-8 or GBK)");
    }
  }

  private static char delimiter(String value, String origin) {
    char delimiter = switch (value) {
      case "\\t", "tab", "TAB" -> '\t';
      default -> oneCharacter("delimiter", value, origin);
    };
    if (delimiter == '\n' || delimiter == '\r') {
      throw CliException.usage(origin + ": a line break cannot be the delimiter");
    }
    return delimiter;
  }

  private static char oneCharacter(String what, String value, String origin) {
    if (value.length() != 1) {
      throw CliException.usage(origin + ": the " + what + " must be one character, not \"" + value + "\"");
    }
    return value.charAt(0);
  }

  static DateTimeFormatter dateFormatter(String pattern, String origin) {
    try {
      return DateTimeFormatter.ofPattern(withProlepticYear(pattern), Locale.ROOT)
          .withResolverStyle(ResolverStyle.STRICT);
    } catch (IllegalArgumentException e) {
      throw CliException.usage(origin + ": date format " + pattern + " is not a pattern (" + e.getMessage() + ")");
    }
  }

  /**
   * A strict formatter needs an era for {@code y} (year of era); people write {@code yyyy} and mean
   * the year, {@code u}. Quoted text is left alone.
   */
  private static String withProlepticYear(String pattern) {
    StringBuilder text = new StringBuilder(pattern.length());
    boolean quoted = false;
    for (char c : pattern.toCharArray()) {
      if (c == '\'') {
        quoted = !quoted;
      }
      text.append(!quoted && c == 'y' ? 'u' : c);
    }
    return text.toString();
  }
}
