package io.crmkit.examples.cli;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.crmkit.privacy.anonymise.Hierarchy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a generalisation hierarchy for {@code crmkit anonymize}: ARX's layout, one line per value
 * as recorded, column i its value at level i, no header. ARX writes {@code ;}; without
 * {@code --hierarchy-delimiter} the delimiter is {@code ;} if the first line has one, else a tab if
 * it has one, else {@code ,}, so ARX's files and ordinary CSV both load as they are. Every problem
 * names the file and line.
 */
final class HierarchyFile {

  private HierarchyFile() {}

  /**
   * Reads one hierarchy.
   *
   * @param file the hierarchy file
   * @param encoding its character set when it has no byte-order mark
   * @param delimiter the delimiter, or {@code null} to detect it from the first line
   * @return the hierarchy
   * @throws CliException bad input if the file is missing or unreadable, lines differ in width, a
   *     value is listed twice, or the hierarchy is not a tree
   */
  static Hierarchy read(Path file, Charset encoding, Character delimiter) {
    char separator = delimiter != null ? delimiter : detect(file, encoding);
    CsvReader.CsvReaderBuilder csv = CsvReader.builder()
        .fieldSeparator(separator)
        .skipEmptyLines(true)
        .allowUnclosedQuote(false)
        .allowExtraFields(true)
        .allowMissingFields(true)
        .detectBomHeader(true);
    Map<String, List<String>> paths = new LinkedHashMap<>();
    Map<String, Long> lineOf = new HashMap<>();
    int width = -1;
    try (CsvReader<CsvRecord> reader = csv.ofCsvRecord(file, encoding)) {
      for (CsvRecord record : reader) {
        long line = record.getStartingLineNumber();
        List<String> path = record.getFields();
        if (width < 0) {
          width = path.size();
        } else if (path.size() != width) {
          throw CliException.badInput(file + " line " + line + ": " + path.size() + " levels where the first line has "
              + width + " (every value needs a value at every level)");
        }
        Long earlier = lineOf.putIfAbsent(path.get(0), line);
        if (earlier != null) {
          throw CliException.badInput(file + " line " + line + ": value " + path.get(0) + " is already on line "
              + earlier);
        }
        paths.put(path.get(0), path);
      }
    } catch (NoSuchFileException e) {
      throw CliException.badInput(file + ": no such hierarchy file");
    } catch (AccessDeniedException e) {
      throw CliException.badInput(file + ": not allowed to read it");
    } catch (CsvParseException e) {
      throw CliException.badInput(file + ": not valid CSV (" + e.getMessage() + ")");
    } catch (IOException | UncheckedIOException e) {
      throw CliException.badInput(file + ": cannot be read (" + e.getMessage() + ")");
    }
    if (paths.isEmpty()) {
      throw CliException.badInput(file + ": the hierarchy lists no value");
    }
    try {
      return Hierarchy.of(paths);
    } catch (IllegalArgumentException e) {
      throw CliException.badInput(file + ": " + e.getMessage());
    }
  }

  private static char detect(Path file, Charset encoding) {
    try (BufferedReader reader = Files.newBufferedReader(file, encoding)) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank()) {
          return line.indexOf(';') >= 0 ? ';' : line.indexOf('\t') >= 0 ? '\t' : ',';
        }
      }
      return ';';
    } catch (NoSuchFileException e) {
      throw CliException.badInput(file + ": no such hierarchy file");
    } catch (IOException | UncheckedIOException e) {
      throw CliException.badInput(file + ": cannot be read (" + e.getMessage() + ")");
    }
  }
}
