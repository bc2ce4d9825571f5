package io.crmkit.examples.cli;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;

/**
 * One execution of {@code crmkit} in the test JVM, as a script would see it: the exit code and
 * what went to standard output and standard error.
 */
record CliRun(int exitCode, String out, String err) {

  static CliRun execute(MatchEngine engine, String... args) {
    CommandLine commandLine = Crmkit.commandLine(engine);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(err));
    int exitCode = commandLine.execute(args);
    return new CliRun(exitCode, out.toString(), err.toString());
  }

  /** Copies a sample of the test resources into {@code dir}. */
  static Path sample(Path dir, String name) {
    try (InputStream in = CliRun.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test sample " + name);
      }
      Path file = dir.resolve(name);
      Files.copy(in, file);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The rows of a CSV file the command wrote, header first. */
  static List<List<String>> rows(Path file) {
    try (CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(file, StandardCharsets.UTF_8)) {
      return csv.stream().map(CsvRecord::getFields).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
