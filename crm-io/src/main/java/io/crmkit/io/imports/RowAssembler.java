package io.crmkit.io.imports;

import io.crmkit.core.customer.AttributeValue;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.CustomerDetails;
import io.crmkit.core.customer.CustomerKind;
import io.crmkit.core.customer.EmailAddresses;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.customer.OrganisationIdentifier;
import io.crmkit.core.customer.PersonIdentifier;
import io.crmkit.core.customer.PersonName;
import io.crmkit.core.customer.PhoneNumbers;
import io.crmkit.core.customer.PostalAddress;
import io.crmkit.core.dedup.MatchInput;
import io.crmkit.core.dedup.MatchRecord;
import io.crmkit.core.dedup.standardise.Standardiser;
import io.crmkit.core.identifier.ResidentIdentityNumber;
import io.crmkit.core.identifier.UnifiedSocialCreditCode;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a read row into the customer it describes, through the mapping's transforms and crm-core's
 * {@link Standardiser} (names split, Chinese addresses resolved to GB/T 2260 division codes):
 * phones to E.164 in the mapping's region, e-mails that look like addresses, identifiers told
 * apart by their check characters, the external reference in the import's system. A value that
 * cannot be read is dropped with a {@link RowProblem.Outcome#VALUE_DROPPED} problem; a row that
 * cannot become a customer (no name for its kind, an unknown kind, a blank id) is rejected.
 * Validation proper (lengths, printable text, domain rules) is the core importer's.
 */
final class RowAssembler {
  private final ColumnMapping mapping;
  private final String system;
  private final String rowReferencePrefix;
  private final Standardiser standardiser;
  /** Each attribute name's column: the first in the file's order to have it, in every row. */
  private final Map<String, String> attributeOwners = new HashMap<>();
  /** Each unknown column's attribute field, named once per import rather than on every row. */
  private final Map<String, String> attributeFields = new HashMap<>();
  /** The unknown columns whose attribute name another took, reported once each rather than on every row. */
  private final Set<String> takenNamesReported = new HashSet<>();

  /**
   * @param fileTag names the file's content in the reference of a row without an id column
   *     ({@code row-TAG-N}): the same file imported again finds its customers, another file's
   *     row N never lands on this file's row N
   */
  RowAssembler(ColumnMapping mapping, String system, String fileTag) {
    this.mapping = mapping;
    this.system = system;
    this.rowReferencePrefix = "row-" + fileTag + "-";
    this.standardiser = Standardiser.withDefaultRegion(mapping.phoneRegion());
  }

  /** A row as a customer, or only problems if it cannot be one. */
  record Assembled(Optional<NewCustomer> customer, String reference, List<RowProblem> problems) {}

  /**
   * Checks before the first row that every mapped column is in the file: in its header, or, without
   * one, among the numbered columns of its first row.
   *
   * @param columns the header's names, or the first row's numbers
   * @throws ImportSettingsException naming the file, the missing columns and the file's columns
   */
  void checkColumns(ImportSource source, List<String> columns) {
    List<String> missing = mapping.mappedColumns().stream().filter(c -> !columns.contains(c)).toList();
    if (missing.isEmpty()) {
      return;
    }
    String file = source.file().getFileName().toString();
    if (source.header()) {
      throw new ImportSettingsException(file + ": the mapping names column(s) " + missing
          + " that the file does not have; its columns are " + columns);
    }
    throw new ImportSettingsException("the mapping names column" + (missing.size() == 1 ? " " + missing.get(0)
        : "s " + String.join(", ", missing)) + " but " + file + "'s first row has " + columns.size());
  }

  /** The columns the mapping does not name. */
  List<String> unknownColumns(List<String> header) {
    return header.stream().filter(c -> !mapping.mappedColumns().contains(c)).toList();
  }

  Assembled assemble(SourceRow row) {
    List<RowProblem> problems = new ArrayList<>();
    Map<String, List<String>> fields = new LinkedHashMap<>();
    Map<String, String> columnOf = new LinkedHashMap<>();
    for (ColumnMapping.Column column : mapping.columns()) {
      String raw = row.values().get(column.column());
      List<String> values = new ArrayList<>(List.of(raw == null ? "" : raw));
      try {
        for (Transform step : column.transforms()) {
          values = step.apply(values);
        }
      } catch (Transform.ValueException e) {
        problems.add(new RowProblem(row.row(), row.line(), column.column(), e.rule(), e.getMessage(),
            RowProblem.Outcome.VALUE_DROPPED));
        continue;
      }
      values.removeIf(String::isBlank);
      if (!values.isEmpty()) {
        fields.computeIfAbsent(column.field(), f -> new ArrayList<>()).addAll(values);
        columnOf.putIfAbsent(column.field(), column.column());
      }
    }
    if (mapping.unknownColumns() == ColumnMapping.UnknownColumns.ATTRIBUTES) {
      row.values().forEach((column, value) -> {
        if (mapping.mappedColumns().contains(column)) {
          return;
        }
        String field = attributeFields.computeIfAbsent(column, c -> ColumnMapping.ATTRIBUTE + attributeName(c));
        String owner = attributeOwners.computeIfAbsent(field, f -> column);
        if (value.isBlank()) {
          return;
        }
        if (owner.equals(column)) {
          fields.computeIfAbsent(field, f -> new ArrayList<>()).add(value.strip());
          columnOf.putIfAbsent(field, column);
        } else if (takenNamesReported.add(column)) {
          problems.add(new RowProblem(row.row(), row.line(), column, "attribute-name-taken", "column " + column
              + " would be attribute " + field.substring(ColumnMapping.ATTRIBUTE.length()) + ", as column " + owner
              + " is; its values are not kept, in this row or any later one (map it to attribute:NAME)",
              RowProblem.Outcome.VALUE_DROPPED));
        }
      });
    }
    Fields f = new Fields(row, fields, columnOf, problems);
    String reference = f.one("id").orElse(rowReferencePrefix + row.row());
    try {
      return new Assembled(Optional.of(build(f, reference)), reference, problems);
    } catch (Rejected e) {
      problems.add(RowProblem.rejected(row.row(), row.line(), e.column, e.rule, e.getMessage()));
      return new Assembled(Optional.empty(), reference, problems);
    }
  }

  private NewCustomer build(Fields f, String reference) throws Rejected {
    Optional<String> legalName = f.joined("legalName");
    CustomerKind kind = kind(f, legalName.isPresent());
    MatchRecord standard = standardiser.standardise(matchInput(f, reference, kind));
    NewCustomer.Builder customer = new NewCustomer.Builder().kind(kind);
    if (kind == CustomerKind.ORGANISATION) {
      customer.legalName(legalName.orElseThrow(() -> new Rejected(f.column("legalName"), "missing-name",
          "an organisation needs a legal name")));
    } else {
      customer.personName(personName(f, standard));
    }
    f.joined("displayName").ifPresent(customer::displayName);
    f.one("owner").ifPresent(customer::owner);
    customer.addExternalReference(ExternalReference.of(system, reference));
    Set<String> phones = new LinkedHashSet<>();
    for (String phone : f.all("phone")) {
      Optional<String> e164 = PhoneNumbers.toE164(Normalizer.normalize(phone, Normalizer.Form.NFKC),
          mapping.phoneRegion());
      if (e164.isPresent()) {
        phones.add(e164.get());
      } else {
        f.dropped("phone", "phone", "not a phone number of region " + mapping.phoneRegion()
            + " or in international form; left out");
      }
    }
    phones.forEach(phone -> customer.addContactPoint(ContactPoint.phone(phone)));
    Set<String> emails = new LinkedHashSet<>();
    for (String email : f.all("email")) {
      if (EmailAddresses.isPlausible(email.strip())) {
        emails.add(email.strip());
      } else {
        f.dropped("email", "email", "not an e-mail address; left out");
      }
    }
    emails.forEach(email -> customer.addContactPoint(ContactPoint.email(email)));
    f.all("tag").forEach(customer::addTag);
    f.one("birthDate").ifPresent(text -> {
      try {
        customer.birthDate(LocalDate.parse(text));
      } catch (DateTimeParseException e) {
        f.dropped("birthDate", "date-format", "not an ISO date (yyyy-MM-dd); give a date:PATTERN transform");
      }
    });
    f.one("identifier").map(RowAssembler::compact).ifPresent(id -> identifier(customer, kind, id));
    address(f, standard).ifPresent(customer::addAddress);
    f.attributes().forEach((name, value) -> customer.putAttribute(name, AttributeValue.text(value)));
    return customer.build();
  }

  private static CustomerKind kind(Fields f, boolean hasLegalName) throws Rejected {
    Optional<String> written = f.one("kind");
    if (written.isEmpty()) {
      return hasLegalName ? CustomerKind.ORGANISATION : CustomerKind.PERSON;
    }
    return switch (written.get().strip().toLowerCase(Locale.ROOT)) {
      case "person", "individual", "p", "个人" -> CustomerKind.PERSON;
      case "organisation", "organization", "company", "org", "o", "企业", "公司" -> CustomerKind.ORGANISATION;
      default -> throw new Rejected(f.column("kind"), "unknown-kind", "the kind is neither person nor organisation");
    };
  }

  private MatchInput matchInput(Fields f, String reference, CustomerKind kind) {
    MatchInput.Builder input = new MatchInput.Builder().id(reference).kind(kind);
    f.joined("fullName").ifPresent(input::fullName);
    f.joined("familyName").ifPresent(input::familyName);
    f.joined("givenName").ifPresent(input::givenName);
    f.joined("legalName").ifPresent(input::legalName);
    f.joined("addressLine").ifPresent(input::addressLine);
    f.joined("region").ifPresent(input::region);
    f.joined("city").ifPresent(input::city);
    f.joined("district").ifPresent(input::district);
    f.joined("street").ifPresent(input::street);
    f.one("postcode").ifPresent(input::postcode);
    return input.build();
  }

  private static PersonName personName(Fields f, MatchRecord standard) throws Rejected {
    Optional<String> family = f.joined("familyName");
    Optional<String> given = f.joined("givenName");
    if (family.isPresent() || given.isPresent()) {
      return PersonName.of(family.orElse(null), given.orElse(null));
    }
    Optional<String> full = f.joined("fullName");
    if (full.isEmpty()) {
      throw new Rejected(f.column("fullName"), "missing-name", "a person needs a name (fullName, familyName or"
          + " givenName)");
    }
    // The standardiser split the name as written into family and given name; keep the row's own
    // letters (not the folded comparison form) by cutting the written name at the same place.
    String written = full.get();
    Optional<String> standardFamily = standard.familyName();
    Optional<String> standardGiven = standard.givenName();
    String[] words = written.split("\\s+");
    if (words.length > 1 && standardFamily.isPresent()) {
      int familyWords = standardFamily.get().split("\\s+").length;
      int cut = Math.max(0, words.length - familyWords);
      String givenWritten = String.join(" ", Arrays.copyOfRange(words, 0, cut));
      String familyWritten = String.join(" ", Arrays.copyOfRange(words, cut, words.length));
      return PersonName.of(familyWritten, givenWritten.isEmpty() ? null : givenWritten);
    }
    if (words.length == 1 && standardFamily.isPresent() && standardGiven.isPresent()
        && written.codePointCount(0, written.length()) > standardFamily.get().codePointCount(0,
            standardFamily.get().length())) {
      int cut = written.offsetByCodePoints(0, standardFamily.get().codePointCount(0, standardFamily.get().length()));
      return PersonName.of(written.substring(0, cut), written.substring(cut));
    }
    return PersonName.of(written, null);
  }

  private static void identifier(NewCustomer.Builder customer, CustomerKind kind, String id) {
    if (kind == CustomerKind.ORGANISATION) {
      String scheme = UnifiedSocialCreditCode.isValid(id) ? OrganisationIdentifier.CN_USCC
          : id.matches("[0-9]{9}") ? OrganisationIdentifier.DUNS : "OTHER";
      customer.addOrganisationIdentifier(OrganisationIdentifier.of(scheme, id));
    } else if (ResidentIdentityNumber.isValid(id)) {
      customer.addPersonIdentifier(PersonIdentifier.residentIdentityNumber(id));
    } else {
      customer.putAttribute("identifier", AttributeValue.text(id));
    }
  }

  private Optional<PostalAddress> address(Fields f, MatchRecord standard) {
    Optional<String> line = f.joined("addressLine");
    Optional<String> region = f.joined("region");
    Optional<String> city = f.joined("city");
    Optional<String> district = f.joined("district");
    Optional<String> street = f.joined("street");
    Optional<String> postcode = f.one("postcode");
    Optional<String> regionCode = f.one("regionCode");
    if (line.isEmpty() && region.isEmpty() && city.isEmpty() && district.isEmpty() && street.isEmpty()
        && postcode.isEmpty() && regionCode.isEmpty()) {
      return Optional.empty();
    }
    PostalAddress.Builder address = new PostalAddress.Builder()
        .country(f.one("country").map(c -> c.strip().toUpperCase(Locale.ROOT)).orElse(mapping.country()));
    regionCode.or(standard::regionCode).ifPresent(address::regionCode);
    region.ifPresent(address::region);
    city.ifPresent(address::city);
    district.ifPresent(address::district);
    street.ifPresent(address::street);
    postcode.ifPresent(address::postcode);
    line.ifPresent(address::line);
    return Optional.of(address.build());
  }

  /** The identifier without spaces or dashes, NFKC (half-width), upper-case. */
  private static String compact(String identifier) {
    return Normalizer.normalize(identifier, Normalizer.Form.NFKC).replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
  }

  /**
   * A column name as a custom attribute name: letters, digits, {@code _ . -}, starting with a
   * letter. Other ASCII characters become {@code _}; any other character its code point in hex
   * ({@code 积分} is {@code col_79ef_5206}), so that columns named in other scripts stay apart.
   */
  static String attributeName(String column) {
    StringBuilder ascii = new StringBuilder();
    Normalizer.normalize(column.strip(), Normalizer.Form.NFKC).codePoints().forEach(c -> {
      if (c < 0x80) {
        ascii.append(Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-' ? (char) c : '_');
      } else {
        ascii.append(ascii.length() == 0 ? "" : "_").append(Integer.toHexString(c));
      }
    });
    String name = ascii.toString();
    if (name.isEmpty() || !Character.isLetter(name.charAt(0))) {
      name = "col_" + name;
    }
    if (name.length() > CustomerDetails.MAX_ATTRIBUTE_NAME_LENGTH) {
      name = name.substring(0, CustomerDetails.MAX_ATTRIBUTE_NAME_LENGTH);
    }
    return name;
  }

  /** The mapped values of one row by field, and the row's problems so far. */
  private static final class Fields {
    private final SourceRow row;
    private final Map<String, List<String>> values;
    private final Map<String, String> columnOf;
    private final List<RowProblem> problems;

    Fields(SourceRow row, Map<String, List<String>> values, Map<String, String> columnOf, List<RowProblem> problems) {
      this.row = row;
      this.values = values;
      this.columnOf = columnOf;
      this.problems = problems;
    }

    List<String> all(String field) {
      return values.getOrDefault(field, List.of());
    }

    Optional<String> one(String field) {
      List<String> all = all(field);
      return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0).strip());
    }

    Optional<String> joined(String field) {
      List<String> all = all(field);
      return all.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", all).strip());
    }

    String column(String field) {
      return columnOf.getOrDefault(field, field);
    }

    Map<String, String> attributes() {
      Map<String, String> out = new LinkedHashMap<>();
      values.forEach((field, list) -> {
        if (field.startsWith(ColumnMapping.ATTRIBUTE)) {
          out.put(field.substring(ColumnMapping.ATTRIBUTE.length()), String.join(" ", list));
        }
      });
      return out;
    }

    void dropped(String field, String rule, String message) {
      problems.add(new RowProblem(row.row(), row.line(), column(field), rule, message,
          RowProblem.Outcome.VALUE_DROPPED));
    }
  }

  /** A row that cannot become a customer. */
  private static final class Rejected extends Exception {
    private static final long serialVersionUID = 1L;
    private final String column;
    private final String rule;

    Rejected(String column, String rule, String message) {
      super(message, null, false, false);
      this.column = column;
      this.rule = rule;
    }
  }
}
