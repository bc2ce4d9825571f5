package io.crmkit.examples.cli;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.function.Function;

/**
 * Opens a delimited file the one way every command reads one: a byte-order mark skipped, empty
 * lines skipped, rows wider or narrower than the header handed on for the caller to report, an
 * unclosed quote a parse error, and a missing or unreadable file bad input naming it.
 */
final class CsvFiles {
  private CsvFiles() {}

  /**
   * Reads {@code file} with {@code rows}, which gets the records in file order.
   *
   * @throws CliException bad input if the file is a directory, missing or unreadable
   */
  static <T> T read(Path file, Charset encoding, char delimiter, char quote, Function<Iterator<CsvRecord>, T> rows) {
    if (Files.isDirectory(file)) {
      throw CliException.badInput(file + ": a directory, not a file");
    }
    CsvReader.CsvReaderBuilder csv = CsvReader.builder()
        .fieldSeparator(delimiter)
        .quoteCharacter(quote)
        .skipEmptyLines(true)
        .allowUnclosedQuote(false)
        .allowExtraFields(true)
        .allowMissingFields(true)
        .detectBomHeader(true);
    try (CsvReader<CsvRecord> reader = csv.ofCsvRecord(file, encoding)) {
      return rows.apply(reader.iterator());
    } catch (NoSuchFileException e) {
      throw CliException.badInput(file + ": no such file");
    } catch (AccessDeniedException e) {
      throw CliException.badInput(file + ": not allowed to read it");
    } catch (IOException | UncheckedIOException e) {
      throw CliException.badInput(file + ": cannot be read (" + e.getMessage() + ")");
    }
  }
}
