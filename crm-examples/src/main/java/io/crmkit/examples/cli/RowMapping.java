package io.crmkit.examples.cli;

import io.crmkit.core.customer.CustomerKind;
import io.crmkit.core.dedup.MatchInput;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns one row of a customer file into a {@link MatchInput}, by the columns an {@link InputSpec}
 * maps. Values are taken as written, only stripped of surrounding blanks (fixed-width exports pad
 * them); cleaning is the standardiser's work. A value that cannot be read (a bad date, a kind
 * nobody configured) becomes a warning on the record naming file, row and column.
 */
final class RowMapping {

  /** What separates several phone numbers in one cell. */
  private static final Pattern PHONE_SEPARATORS = Pattern.compile("[;；,，/、|]");
  /** What separates several e-mail addresses in one cell. */
  private static final Pattern EMAIL_SEPARATORS = Pattern.compile("[;；,，\\s]+");
  private static final char REPLACEMENT_CHARACTER = '\uFFFD';

  private final String fileName;
  private final InputSpec spec;
  private final List<String> header;
  private final Map<MappedField, int[]> indexes;
  private final DateReader dates;

  /**
   * Resolves the mapped columns against a file's header, or against its field count when it has none.
   *
   * @param header the header's names, stripped; empty when the file has no header
   * @param fieldCount how many fields each row has
   * @throws CliException usage if a mapped column is not in the header or past the last field
   */
  RowMapping(String fileName, InputSpec spec, List<String> header, int fieldCount) {
    this.fileName = fileName;
    this.spec = spec;
    this.header = List.copyOf(header);
    this.dates = new DateReader(spec.datePattern(), spec.dateFormatter());
    this.indexes = new EnumMap<>(MappedField.class);
    spec.columns().forEach((field, names) -> indexes.put(field,
        names.stream().mapToInt(name -> index(field, name, fieldCount)).toArray()));
  }

  /**
   * Reads one row.
   *
   * @param fields the row's fields, as many as the header has
   * @param row the row's number among the data rows, from 1
   * @param line the file line the row starts on, from 1
   * @throws RejectedRowException if the row has no id where an id column is mapped
   */
  MatchInput read(List<String> fields, long row, long line) throws RejectedRowException {
    MatchInput.Builder input = new MatchInput.Builder();
    List<String> warnings = new ArrayList<>();
    input.id(spec.idPrefix() + id(fields, row, line));
    Optional<String> source = one(MappedField.SOURCE, fields).or(spec::source);
    input.source(source);
    Optional<CustomerKind> kind = spec.kind().or(() -> kind(fields, row, line, warnings));
    input.kind(kind);
    Optional<String> fullName = joined(MappedField.FULL_NAME, fields);
    Optional<String> legalName = one(MappedField.LEGAL_NAME, fields);
    if (kind.equals(Optional.of(CustomerKind.ORGANISATION)) && legalName.isEmpty()) {
      // Exports keep persons' and organisations' names in one "name" column; an organisation's is its legal name.
      legalName = fullName;
      fullName = Optional.empty();
    }
    input.fullName(fullName)
        .familyName(one(MappedField.FAMILY_NAME, fields))
        .givenName(joined(MappedField.GIVEN_NAME, fields))
        .legalName(legalName)
        .identifier(one(MappedField.IDENTIFIER, fields))
        .addAllPhones(each(MappedField.PHONES, fields, PHONE_SEPARATORS))
        .addAllEmails(each(MappedField.EMAILS, fields, EMAIL_SEPARATORS))
        .addressLine(joined(MappedField.ADDRESS_LINE, fields))
        .region(one(MappedField.REGION, fields))
        .city(one(MappedField.CITY, fields))
        .district(one(MappedField.DISTRICT, fields))
        .street(joined(MappedField.STREET, fields))
        .postcode(one(MappedField.POSTCODE, fields))
        .birthDate(birthDate(fields, row, line, warnings));
    undecodable(fields, row, line).ifPresent(warnings::add);
    return input.addAllWarnings(warnings).build();
  }

  /** Where a value is, as messages name it: {@code crm.csv row 4 (line 5), column 3 (出生日期)}. */
  String where(long row, long line, int index) {
    String column = "column " + (index + 1) + (index < header.size() ? " (" + header.get(index) + ")" : "");
    return fileName + " row " + row + " (line " + line + "), " + column;
  }

  private String id(List<String> fields, long row, long line) throws RejectedRowException {
    int[] columns = indexes.get(MappedField.ID);
    if (columns == null) {
      return fileName + ":" + row;
    }
    String id = fields.get(columns[0]).strip();
    if (id.isEmpty()) {
      throw new RejectedRowException(where(row, line, columns[0]) + ": no id; row skipped");
    }
    return id;
  }

  private Optional<CustomerKind> kind(List<String> fields, long row, long line, List<String> warnings) {
    Optional<String> value = one(MappedField.KIND, fields);
    Optional<CustomerKind> kind = value.map(InputSpec::fold).map(spec.kindValues()::get);
    if (value.isPresent() && kind.isEmpty()) {
      warnings.add(where(row, line, indexes.get(MappedField.KIND)[0]) + ": kind \"" + value.get()
          + "\" means neither a person nor an organisation (configured: " + String.join(", ",
          spec.kindValues().keySet()) + "); left for matching to infer");
    }
    return kind;
  }

  private Optional<LocalDate> birthDate(List<String> fields, long row, long line, List<String> warnings) {
    Optional<String> value = one(MappedField.BIRTH_DATE, fields);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(dates.parse(value.get()));
    } catch (DateTimeParseException e) {
      // The value itself stays out of the message: it is personal data.
      warnings.add(where(row, line, indexes.get(MappedField.BIRTH_DATE)[0]) + ": not a date in the format "
          + spec.datePattern() + "; birth date left out");
      return Optional.empty();
    }
  }

  /** Text that was not valid in the file's encoding decodes to U+FFFD: most likely the wrong --encoding. */
  private Optional<String> undecodable(List<String> fields, long row, long line) {
    for (int[] columns : indexes.values()) {
      for (int index : columns) {
        if (fields.get(index).indexOf(REPLACEMENT_CHARACTER) >= 0) {
          return Optional.of(where(row, line, index) + ": bytes that are not " + spec.encoding().name()
              + " (is the file in another encoding? see --encoding)");
        }
      }
    }
    return Optional.empty();
  }

  private Optional<String> one(MappedField field, List<String> fields) {
    int[] columns = indexes.get(field);
    return columns == null ? Optional.empty() : present(fields.get(columns[0]));
  }

  private Optional<String> joined(MappedField field, List<String> fields) {
    int[] columns = indexes.get(field);
    if (columns == null) {
      return Optional.empty();
    }
    StringBuilder joined = new StringBuilder();
    for (int index : columns) {
      present(fields.get(index)).ifPresent(value -> joined.append(joined.isEmpty() ? "" : " ").append(value));
    }
    return present(joined.toString());
  }

  private List<String> each(MappedField field, List<String> fields, Pattern separators) {
    int[] columns = indexes.get(field);
    List<String> values = new ArrayList<>();
    if (columns != null) {
      for (int index : columns) {
        for (String value : separators.split(fields.get(index))) {
          present(value).ifPresent(values::add);
        }
      }
    }
    return values;
  }

  private static Optional<String> present(String value) {
    String stripped = value.strip();
    return stripped.isEmpty() ? Optional.empty() : Optional.of(stripped);
  }

  private int index(MappedField field, String name, int fieldCount) {
    if (!header.isEmpty()) {
      int index = header.indexOf(name.strip());
      if (index < 0) {
        throw CliException.usage(fileName + " has no column \"" + name + "\" (mapped to " + field.key()
            + "); its columns are: " + String.join(", ", header));
      }
      return index;
    }
    int number;
    try {
      number = Integer.parseInt(name.strip());
    } catch (NumberFormatException e) {
      throw CliException.usage(fileName + " has no header, so " + field.key() + " must name its column by number"
          + " (1 to " + fieldCount + "), not \"" + name + "\"");
    }
    if (number < 1 || number > fieldCount) {
      throw CliException.usage(fileName + " has no column " + number + " (mapped to " + field.key() + "); its rows have "
          + fieldCount + " fields");
    }
    return number - 1;
  }

  /** A row that cannot be used at all; its message names file, row and column. */
  static final class RejectedRowException extends Exception {
    private static final long serialVersionUID = 1L;

    RejectedRowException(String message) {
      super(message);
    }
  }
}
