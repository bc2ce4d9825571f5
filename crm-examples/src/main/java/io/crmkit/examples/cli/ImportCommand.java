package io.crmkit.examples.cli;

import io.crmkit.core.customer.ExternalReference;
import io.crmkit.core.dedup.match.MatchModel;
import io.crmkit.io.imports.ColumnMapping;
import io.crmkit.io.imports.FileImport;
import io.crmkit.io.imports.ImportMatching;
import io.crmkit.io.imports.ImportReport;
import io.crmkit.io.imports.ImportReportException;
import io.crmkit.io.imports.ImportSettingsException;
import io.crmkit.io.imports.ImportSource;
import io.crmkit.io.imports.ImportStore;
import io.crmkit.io.imports.ImportTotals;
import io.crmkit.io.imports.RowProblem;
import io.crmkit.io.imports.UnreadableFileException;
import io.crmkit.jdbc.JdbcImports;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code crmkit import}: a CSV or JSON Lines file into the store through crm-io's
 * {@link FileImport} (mapping, standardisation, codes, validation, matching, upsert by reference,
 * a checkpoint per batch), with progress, a summary table and the report files beside the input.
 */
@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
    headerHeading = "%n", header = "Import customers from a CSV or JSON Lines file into the store.",
    descriptionHeading = "%n",
    description = {
        "Reads FILE row by row in constant memory, maps each row to a customer (--mapping, or columns named like "
            + "fields: id, kind, full_name, legal_name, phone, email, city, district, birth_date, ...), "
            + "standardises it, assigns its region and customer-type codes, validates it, matches it against the "
            + "stored customers and the file's earlier rows (--match store: a sure match is merged into the stored "
            + "customer, a probable one queued for review) and upserts it by its id in --source.",
        "",
        "Every rejected row, dropped value and queued row is written beside FILE, named after it without its "
            + "extension: customers.csv gives customers.import-report.csv and customers.import-report.json (row, "
            + "line, column, rule, message; never the value); a bad row never stops the file. Each batch is "
            + "committed with a checkpoint: an interrupted import resumes where it stopped (--resume, the "
            + "default), and running a finished import again changes nothing. The import is FILE's content (a "
            + "SHA-256 of the whole file) read with its settings (--format, --encoding, --delimiter, --no-header, "
            + "the mapping, --source): after changing one, the import starts again from the first row, and rows "
            + "already stored are updated, never duplicated."},
    parameterListHeading = "%nParameters:%n",
    optionListHeading = "%nOptions:%n",
    footerHeading = "%nExamples:%n",
    footer = {
        "  An ERP export in GBK, ; delimited, mapped by a YAML file, into PostgreSQL:",
        "  crmkit import customers.csv --mapping erp-mapping.yaml --encoding GBK --delimiter ';' --source erp \\",
        "    --jdbc-url jdbc:postgresql://db:5432/crm --jdbc-user crm",
        "",
        "  A bulk load without matching, into the embedded H2 database in ./crmkit-data:",
        "  crmkit import export.jsonl --match none --batch-size 5000"})
final class ImportCommand implements Callable<Integer> {
  /** Rows of the file (and stored customers) the match model is fitted on. */
  static final int MODEL_SAMPLE = 5_000;

  @Spec
  private CommandSpec spec;

  @Mixin
  private QuietOption quiet;

  @Mixin
  private StoreOptions store;

  @Parameters(index = "0", paramLabel = "FILE", description = "The CSV or JSON Lines file.")
  private Path file;

  @Option(names = "--mapping", paramLabel = "FILE", description = "A column mapping, JSON or YAML (.yaml, .yml).")
  private Path mapping;

  @Option(names = "--format", paramLabel = "FORMAT", description = "csv or jsonl (default: jsonl for .jsonl and "
      + ".ndjson files, else csv).")
  private String format;

  @Option(names = {"-d", "--delimiter"}, paramLabel = "CHAR", defaultValue = ",",
      description = "The CSV field delimiter, one character or 'tab' (default: ${DEFAULT-VALUE}).")
  private String delimiter;

  @Option(names = "--encoding", paramLabel = "CHARSET", defaultValue = "UTF-8",
      description = "The file's encoding, such as GBK (default: ${DEFAULT-VALUE}; a byte-order mark wins).")
  private String encoding;

  @Option(names = "--no-header", description = "The CSV file has no header row; columns are numbers from 1.")
  private boolean noHeader;

  @Option(names = "--source", paramLabel = "SYSTEM", defaultValue = "import",
      description = "The system the id column's references belong to (default: ${DEFAULT-VALUE}).")
  private String system;

  @Option(names = "--match", paramLabel = "MODE", defaultValue = "store",
      description = "store: match against the stored customers and earlier rows; none: no matching, the fastest "
          + "bulk load (default: ${DEFAULT-VALUE}).")
  private String match;

  @Option(names = "--unknown-columns", paramLabel = "WHAT", defaultValue = "report",
      description = "Columns the mapping does not name: attributes (custom attributes), report or ignore "
          + "(default: ${DEFAULT-VALUE}; with --mapping, the file's unknownColumns decides).")
  private String unknownColumns;

  @Option(names = "--batch-size", paramLabel = "ROWS", defaultValue = "1000",
      description = "Rows per transaction and checkpoint (default: ${DEFAULT-VALUE}).")
  private int batchSize;

  @Option(names = "--import-id", paramLabel = "ID",
      description = "The import's id for its checkpoint (default: the file's name and size, a SHA-256 of its "
          + "whole content and one of the read settings: format, encoding, delimiter, header, mapping, --source).")
  private String importId;

  @Option(names = "--resume", negatable = true, defaultValue = "true",
      description = "Resume after the checkpoint of an interrupted import (default); --no-resume restarts.")
  private boolean resume;

  @Option(names = "--restart", description = "Forget the checkpoint and read the file from the first row.")
  private boolean restart;

  @Override
  public Integer call() {
    if (!Files.isRegularFile(file)) {
      throw CliException.badInput(file + (Files.isDirectory(file) ? ": a folder, not a file" : ": no such file"));
    }
    ImportSource source = source();
    ColumnMapping columns = mapping(source);
    if (batchSize < 1 || batchSize > 100_000) {
      throw CliException.usage("--batch-size must be between 1 and 100000, not " + batchSize);
    }
    if (system.isBlank() || system.length() > ExternalReference.MAX_SYSTEM_LENGTH) {
      throw CliException.usage("--source must be a name of 1 to " + ExternalReference.MAX_SYSTEM_LENGTH
          + " characters, not \"" + system + "\"");
    }
    PrintWriter out = spec.commandLine().getOut();
    Path reportCsv = OutputFiles.beside(file, ".import-report.csv");
    Path reportJson = OutputFiles.beside(file, ".import-report.json");
    OutputFiles.distinct().input("FILE", file).input("--mapping", mapping).output("the CSV report", reportCsv)
        .output("the JSON report", reportJson).check();
    try (StoreOptions.OpenStore open = store.open();
        Progress progress = Progress.forTerminal(quiet.quiet, spec.commandLine().getErr())) {
      ImportStore imports = open.jdbc().attach(JdbcImports.extension());
      FileImport.Builder builder = FileImport.builder().stores(open.stores()).imports(imports).mapping(columns)
          .system(system).batchSize(batchSize).restart(restart || !resume).reportFiles(reportCsv, reportJson)
          .listener((row, totals) -> progress.advance(row));
      if (matching()) {
        progress.start("Fitting the match model");
        MatchModel model = ImportMatching.fit(open.stores(), source, columns, system, MODEL_SAMPLE);
        builder.matching(model);
        progress.finish("done");
      }
      progress.start("Importing " + file.getFileName());
      ImportReport report = builder.build().run(source);
      progress.finish(String.format(Locale.ROOT, "%,d rows", report.totals().read()));
      summary(out, report, reportCsv, reportJson);
      return report.allGood() ? ExitCodes.DONE : ExitCodes.BAD_INPUT;
    } catch (UnreadableFileException e) {
      throw CliException.badInput(file + ": " + e.getMessage());
    } catch (ImportSettingsException e) {
      throw CliException.usage(e.getMessage());
    } catch (ImportReportException e) {
      throw CliException.failure(e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw CliException.badInput(e.getMessage());
    }
  }

  private boolean matching() {
    return switch (match.strip().toLowerCase(Locale.ROOT)) {
      case "store" -> true;
      case "none" -> false;
      default -> throw CliException.usage("--match is store or none, not '" + match + "'");
    };
  }

  private ImportSource source() {
    String kind = format != null ? format.strip().toLowerCase(Locale.ROOT)
        : file.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(jsonl|ndjson)") ? "jsonl" : "csv";
    ImportSource source = switch (kind) {
      case "csv" -> ImportSource.csv(file).header(!noHeader).delimiter(delimiterChar());
      case "jsonl", "json-lines", "ndjson" -> ImportSource.jsonLines(file);
      default -> throw CliException.usage("--format is csv or jsonl, not '" + format + "'");
    };
    source = source.encoding(charset());
    try {
      return importId == null ? source : source.importId(importId);
    } catch (IllegalArgumentException e) {
      throw CliException.usage("--import-id: " + e.getMessage());
    }
  }

  private char delimiterChar() {
    if (delimiter.equalsIgnoreCase("tab") || delimiter.equals("\\t")) {
      return '\t';
    }
    if (delimiter.length() != 1 || "\"\r\n".indexOf(delimiter.charAt(0)) >= 0) {
      throw CliException.usage("--delimiter must be one character (not a quote or line break) or 'tab', not '"
          + delimiter + "'");
    }
    return delimiter.charAt(0);
  }

  private Charset charset() {
    try {
      return Charset.forName(encoding);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw CliException.usage("--encoding: unknown encoding '" + encoding + "'");
    }
  }

  private ColumnMapping mapping(ImportSource source) {
    ColumnMapping.UnknownColumns unknown;
    try {
      unknown = ColumnMapping.UnknownColumns.parse(unknownColumns, "--unknown-columns");
    } catch (IllegalArgumentException e) {
      throw CliException.usage(e.getMessage());
    }
    try {
      return mapping != null ? ColumnMapping.read(mapping) : ColumnMapping.byName(source, unknown);
    } catch (UnreadableFileException e) {
      throw CliException.badInput(file + ": " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw CliException.usage(e.getMessage());
    } catch (UncheckedIOException e) {
      throw CliException.badInput(e.getMessage());
    }
  }

  private static void summary(PrintWriter out, ImportReport report, Path reportCsv, Path reportJson) {
    ImportTotals t = report.totals();
    if (report.alreadyFinished()) {
      out.printf(Locale.ROOT, "Import %s was already finished: nothing was read or written (--restart reads the"
          + " file again). Its totals:%n", report.importId());
    } else {
      out.printf(Locale.ROOT, "Import %s%s%n", report.importId(),
          report.resumedAfterRow() > 0 ? " (resumed after row " + report.resumedAfterRow() + ")" : " (from row 1)");
    }
    String row = "  %-10s %,12d%n";
    out.printf(Locale.ROOT, row, "read", t.read());
    out.printf(Locale.ROOT, row, "inserted", t.inserted());
    out.printf(Locale.ROOT, row, "updated", t.updated());
    out.printf(Locale.ROOT, row, "unchanged", t.unchanged());
    out.printf(Locale.ROOT, row, "merged", t.merged());
    out.printf(Locale.ROOT, row, "queued", t.queued());
    out.printf(Locale.ROOT, row, "rejected", t.rejected());
    for (RowProblem problem : report.problems()) {
      if (problem.outcome() == RowProblem.Outcome.FILE) {
        out.println("  file: " + problem.message() + (problem.column().isEmpty() ? "" : " (" + problem.column() + ")"));
      }
    }
    if (report.alreadyFinished()) {
      out.printf(Locale.ROOT, "%s and %s are the report of the run that finished it%n", reportCsv.getFileName(),
          reportJson.getFileName());
    } else if (report.resumedAfterRow() > 0) {
      out.printf(Locale.ROOT, "%,d problem(s) in this run, reported in %s and %s (the CSV also lists the earlier"
          + " runs')%n", report.problemCount(), reportJson.getFileName(), reportCsv.getFileName());
    } else {
      out.printf(Locale.ROOT, "%,d problem(s) reported in %s and %s%n", report.problemCount(),
          reportCsv.getFileName(), reportJson.getFileName());
    }
    out.flush();
  }
}
