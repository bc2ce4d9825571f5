package io.crmkit.testkit.dedup;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import io.crmkit.core.common.Require;
import io.crmkit.core.customer.CustomerKind;
import io.crmkit.core.dedup.MatchInput;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Generated records as a CSV file in the shape of a customer export, for command-line and scale
 * runs: a header, then one row per record with the columns {@link #COLUMNS} and, when asked, the
 * truth column {@value #TRUTH_COLUMN}. Kinds are {@code person} or {@code organisation}, birth
 * dates {@code yyyy-MM-dd}, several phones or e-mails are separated by {@code ;}, an absent value
 * is an empty field. RFC 4180 quoting, UTF-8 for files, written and read with FastCSV. Reading
 * gives back exactly the {@link MatchInput}s written (their warnings are not written).
 */
public final class DuplicateCsv {
  /** The record columns, in file order. */
  public static final List<String> COLUMNS = List.of("id", "source", "kind", "full_name", "family_name",
      "given_name", "legal_name", "identifier", "phone", "email", "address_line", "region", "city", "district",
      "street", "postcode", "birth_date");
  /** The optional last column: the record's true entity. */
  public static final String TRUTH_COLUMN = "entity_id";
  /** Separates several phones or e-mails in one field. */
  public static final String LIST_SEPARATOR = ";";

  private DuplicateCsv() {}

  /**
   * Writes the header and every record to {@code out}, leaving it open.
   *
   * @param withTruth whether to add the {@value #TRUTH_COLUMN} column
   * @return how many records were written
   * @throws UncheckedIOException if writing fails
   */
  public static long write(Iterable<GeneratedRecord> records, Writer out, boolean withTruth) {
    Require.notNull(records, "records");
    Require.notNull(out, "out");
    CsvWriter csv = CsvWriter.builder().build(out);
    List<String> header = new ArrayList<>(COLUMNS);
    if (withTruth) {
      header.add(TRUTH_COLUMN);
    }
    csv.writeRecord(header);
    long count = 0;
    for (GeneratedRecord record : records) {
      List<String> row = row(record.input());
      if (withTruth) {
        row.add(record.entityId());
      }
      csv.writeRecord(row);
      count++;
    }
    try {
      csv.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the records", e);
    }
    return count;
  }

  /**
   * Writes the header and every record to a UTF-8 file, replacing it.
   *
   * @return how many records were written
   * @throws UncheckedIOException if writing fails
   */
  public static long write(Iterable<GeneratedRecord> records, Path file, boolean withTruth) {
    Require.notNull(file, "file");
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      return write(records, out, withTruth);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /**
   * The records of a file written by {@link #write}, in file order.
   *
   * @throws IllegalArgumentException if a column is missing or a kind or date does not parse,
   *     naming the line and column
   * @throws UncheckedIOException if reading fails
   */
  public static List<MatchInput> readInputs(Reader in) {
    List<MatchInput> inputs = new ArrayList<>();
    read(in, row -> inputs.add(input(row)));
    return inputs;
  }

  /**
   * The truth column of a file written by {@link #write} with truth.
   *
   * @throws IllegalArgumentException if the file has no truth column, or repeats a record id
   * @throws UncheckedIOException if reading fails
   */
  public static GroundTruth readTruth(Reader in) {
    GroundTruth.Builder truth = GroundTruth.builder();
    read(in, row -> truth.add(field(row, "id"), field(row, TRUTH_COLUMN)));
    return truth.build();
  }

  private static void read(Reader in, Consumer<NamedCsvRecord> rows) {
    Require.notNull(in, "in");
    try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(in)) {
      for (NamedCsvRecord row : csv) {
        rows.accept(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the records", e);
    } catch (CsvParseException e) {
      throw new IllegalArgumentException("not a valid CSV file: " + e.getMessage(), e);
    }
  }

  private static List<String> row(MatchInput input) {
    return new ArrayList<>(Arrays.asList(input.id(), text(input.source()),
        input.kind().map(kind -> kind.name().toLowerCase(Locale.ROOT)).orElse(""), text(input.fullName()),
        text(input.familyName()), text(input.givenName()), text(input.legalName()), text(input.identifier()),
        String.join(LIST_SEPARATOR, input.phones()), String.join(LIST_SEPARATOR, input.emails()),
        text(input.addressLine()), text(input.region()), text(input.city()), text(input.district()),
        text(input.street()), text(input.postcode()), input.birthDate().map(LocalDate::toString).orElse("")));
  }

  private static MatchInput input(NamedCsvRecord row) {
    MatchInput.Builder input = new MatchInput.Builder().id(field(row, "id"))
        .source(optional(row, "source")).kind(optional(row, "kind").map(kind -> kind(row, kind)))
        .fullName(optional(row, "full_name")).familyName(optional(row, "family_name"))
        .givenName(optional(row, "given_name")).legalName(optional(row, "legal_name"))
        .identifier(optional(row, "identifier")).addressLine(optional(row, "address_line"))
        .region(optional(row, "region")).city(optional(row, "city")).district(optional(row, "district"))
        .street(optional(row, "street")).postcode(optional(row, "postcode"))
        .birthDate(optional(row, "birth_date").map(date -> date(row, date)));
    optional(row, "phone").ifPresent(phones -> input.addPhones(phones.split(LIST_SEPARATOR)));
    optional(row, "email").ifPresent(emails -> input.addEmails(emails.split(LIST_SEPARATOR)));
    return input.build();
  }

  private static CustomerKind kind(NamedCsvRecord row, String kind) {
    return switch (kind) {
      case "person" -> CustomerKind.PERSON;
      case "organisation" -> CustomerKind.ORGANISATION;
      default -> throw problem(row, "kind", "must be person or organisation, got '" + kind + "'");
    };
  }

  private static LocalDate date(NamedCsvRecord row, String date) {
    try {
      return LocalDate.parse(date);
    } catch (DateTimeParseException e) {
      throw problem(row, "birth_date", "must be a date yyyy-MM-dd, got '" + date + "'");
    }
  }

  private static Optional<String> optional(NamedCsvRecord row, String column) {
    String value = field(row, column);
    return value.isEmpty() ? Optional.empty() : Optional.of(value);
  }

  private static String field(NamedCsvRecord row, String column) {
    return row.findField(column).orElseThrow(() -> problem(row, column, "is missing"));
  }

  private static IllegalArgumentException problem(NamedCsvRecord row, String column, String what) {
    return new IllegalArgumentException("line " + row.getStartingLineNumber() + ", column " + column + ": " + what);
  }

  private static String text(Optional<String> value) {
    return value.orElse("");
  }
}
