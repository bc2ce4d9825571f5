package io.crmkit.examples.cli;

import io.crmkit.privacy.anonymise.Anonymiser;
import io.crmkit.privacy.anonymise.Hierarchy;
import io.crmkit.privacy.anonymise.Metric;
import io.crmkit.privacy.anonymise.Settings;
import io.crmkit.privacy.anonymise.Table;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code crmkit anonymize}: k-anonymity (with optional distinct l-diversity) of any delimited file
 * by crm-privacy's {@link Anonymiser}, with hierarchies from CSV files in ARX's layout. This class
 * reads and checks; {@link AnonymizeReport} writes the anonymised file, the metrics as JSON and the
 * summary.
 */
@Command(name = "anonymize", mixinStandardHelpOptions = true, sortOptions = false,
    headerHeading = "%n", header = "Make a delimited file k-anonymous by generalising its quasi-identifiers.",
    descriptionHeading = "%n",
    description = {
        "Reads INPUT (any delimited file, not only customers), generalises every quasi-identifier column "
            + "(--quasi-identifiers) along its hierarchy (--hierarchy) so that every combination of their values "
            + "is shared by at least -k rows (and, with --sensitive and --l-diversity, holds at least L distinct "
            + "values of the sensitive column), and writes the anonymised file (--out) and its utility metrics as "
            + "JSON (--metrics). Other columns pass through unchanged: drop direct identifiers such as names "
            + "before you run it.",
        "",
        "Recoding: full-domain (the default: every value of a column goes to the same level of its hierarchy; "
            + "the search covers every combination of levels and finds the optimum of --metric, never a local "
            + "guess; rows of classes that stay too small may be suppressed, their quasi-identifiers becoming *, "
            + "up to --suppression percent of the rows) or local (Mondrian: the rows are split class by class "
            + "along the hierarchies, and numeric columns at their median into ranges such as [25-34], so each "
            + "class keeps far more detail; the same value may be written differently in different classes; "
            + "rows are suppressed only when the whole file cannot reach -k).",
        "",
        "Hierarchies are CSV files in ARX's layout: one line per value as recorded, column i its value at "
            + "level i (the last usually *), no header; the delimiter is ; if the first line has one, else a tab "
            + "if it has one, else a comma (or --hierarchy-delimiter). Every value of a quasi-identifier column "
            + "must be in its hierarchy.",
        "",
        "A bad row (another field count than the header, a value missing from its hierarchy) is skipped and "
            + "named by file, row, line and column on standard error (the first 20); it is not written, the exit "
            + "code is 1 and the outputs are written from the other rows. Columns are header names, or numbers "
            + "from 1."},
    parameterListHeading = "%nParameters:%n",
    optionListHeading = "%nOptions:%n",
    footerHeading = "%nExamples:%n",
    footer = {
        "  UCI Adult as ARX ships it (; delimited, a hierarchy file per attribute):",
        "  crmkit anonymize adult.csv -d ';' -k 5 \\",
        "    --quasi-identifiers sex,age,race,marital-status,education,native-country,workclass,salary-class \\",
        "    --hierarchies 'adult_hierarchy_{column}.csv' --suppression 2 --metric discernibility",
        "",
        "  A customer extract, 2-diverse in diagnosis, hierarchies named one by one:",
        "  crmkit anonymize patients.csv -k 10 --hierarchy age=age.csv --hierarchy zip=zip.csv \\",
        "    --sensitive diagnosis --l-diversity 2 --out patients-public.csv"})
final class AnonymizeCommand implements Callable<Integer> {

  /** The placeholder of {@code --hierarchies} that stands for a column's name. */
  static final String COLUMN_PLACEHOLDER = "{column}";

  @Spec
  private CommandSpec spec;

  @Mixin
  private QuietOption quiet;

  @Parameters(index = "0", paramLabel = "INPUT", description = "The delimited file to anonymise.")
  private Path input;

  @Option(names = {"-i", "--quasi-identifiers"}, split = ",", paramLabel = "COLUMN",
      description = "The columns an attacker could link on, in report order (default: the --hierarchy columns).")
  private List<String> quasiIdentifiers;

  @Option(names = "--hierarchy", paramLabel = "COLUMN=FILE",
      description = "The hierarchy file of a quasi-identifier column; repeatable.")
  private Map<String, Path> hierarchyFiles = new LinkedHashMap<>();

  @Option(names = "--hierarchies", paramLabel = "PATTERN",
      description = "The hierarchy file of every quasi-identifier without --hierarchy: PATTERN with "
          + COLUMN_PLACEHOLDER + " replaced by the column's name, in INPUT's folder unless absolute, such as "
          + "adult_hierarchy_{column}.csv.")
  private String hierarchyPattern;

  @Option(names = "--hierarchy-delimiter", paramLabel = "CHAR",
      description = "The hierarchy files' delimiter (default: ; if the first line has one, else tab, else ,).")
  private String hierarchyDelimiter;

  @Option(names = "-k", required = true, paramLabel = "K", description = "The fewest rows a combination of "
      + "quasi-identifier values may be shared by.")
  private int k;

  @Option(names = "--sensitive", paramLabel = "COLUMN", description = "The sensitive column --l-diversity applies to.")
  private String sensitive;

  @Option(names = "--l-diversity", paramLabel = "L",
      description = "Distinct values of --sensitive every class must hold (default: 2 with --sensitive).")
  private Integer l;

  @Option(names = "--suppression", paramLabel = "PERCENT", defaultValue = "0",
      description = "The most rows, in percent, that may be suppressed (default: ${DEFAULT-VALUE}).")
  private String suppression;

  @Option(names = "--metric", paramLabel = "loss|discernibility", defaultValue = "loss",
      description = "What the search minimises: generalisation loss (ARX's default) or discernibility "
          + "(default: ${DEFAULT-VALUE}).")
  private String metric;

  @Option(names = "--recoding", paramLabel = "full-domain|local", defaultValue = "full-domain",
      description = "How values are recoded: full-domain or local (default: ${DEFAULT-VALUE}).")
  private String recoding;

  @Option(names = "--encoding", paramLabel = "CHARSET",
      description = "The files' character set, such as UTF-8 or GBK (default: UTF-8); a byte-order mark wins.")
  private String encoding;

  @Option(names = {"-d", "--delimiter"}, paramLabel = "CHAR", defaultValue = ",",
      description = "INPUT's field delimiter; \\t or tab for a tab (default: ${DEFAULT-VALUE}).")
  private String delimiter;

  @Option(names = "--quote", paramLabel = "CHAR", defaultValue = "\"",
      description = "INPUT's quote character (default: ${DEFAULT-VALUE}).")
  private String quote;

  @Option(names = "--header", negatable = true,
      description = "Whether the first line names the columns (default: it does).")
  private Boolean header;

  @Option(names = "--out", paramLabel = "FILE",
      description = "Where the anonymised rows go, in INPUT's format (default: INPUT's name with .anonymized.csv).")
  private Path out;

  @Option(names = "--metrics", paramLabel = "FILE",
      description = "Where the utility metrics go, as JSON (default: INPUT's name with .anonymized.json).")
  private Path metrics;

  @Override
  public Integer call() {
    long started = System.nanoTime();
    PrintWriter err = spec.commandLine().getErr();
    DelimitedFile.Format format = format();
    Metric optimised = metric();
    double limit = suppressionLimit();
    Settings.Recoding recodingChosen = recoding();
    checkPrivacyModel();
    if (quasiIdentifiers == null && hierarchyFiles.isEmpty()) {
      throw CliException.usage("name the quasi-identifiers (--quasi-identifiers) and their hierarchies "
          + "(--hierarchy or --hierarchies)");
    }
    Character hierarchySeparator = hierarchyDelimiter == null ? null : delimiter(hierarchyDelimiter,
        "--hierarchy-delimiter");

    try (Progress progress = Progress.forTerminal(quiet.quiet, err)) {
      DelimitedFile.Contents contents = DelimitedFile.read(input, format, progress);
      Columns columns = new Columns(contents.header());
      Map<String, Path> files = hierarchyFilesByColumn(columns);
      Path outFile = out != null ? out : OutputFiles.beside(input, ".anonymized.csv");
      Path metricsFile = metrics != null ? metrics : OutputFiles.beside(input, ".anonymized.json");
      OutputFiles.Distinct distinct = OutputFiles.distinct().input("INPUT", input);
      files.forEach((column, file) -> distinct.input("the hierarchy of " + column, file));
      distinct.output("--out", outFile).output("--metrics", metricsFile).check();
      Map<String, Hierarchy> hierarchies = new LinkedHashMap<>();
      files.forEach((column, file) -> hierarchies.put(column, HierarchyFile.read(file, format.encoding(),
          hierarchySeparator)));
      String sensitiveColumn = sensitive == null ? null : columns.resolve(sensitive, "--sensitive");
      if (sensitiveColumn != null && hierarchies.containsKey(sensitiveColumn)) {
        throw CliException.usage("the sensitive column " + sensitiveColumn + " cannot also be a quasi-identifier");
      }
      HierarchyCheck.Checked checked = HierarchyCheck.keepKnownValues(contents, hierarchies, files);
      List<DelimitedFile.Rejection> rejections = checked.rejections();
      report(rejections, err);
      if (checked.rows().isEmpty()) {
        throw CliException.badInput(input + ": no row could be read");
      }
      Settings settings = new Settings(hierarchies, k, limit, sensitiveColumn,
          sensitiveColumn == null ? 1 : (l == null ? 2 : l), optimised).withRecoding(recodingChosen);

      progress.start(recodingChosen == Settings.Recoding.LOCAL ? "partitioning the rows" : "searching the generalisations");
      Anonymiser.Result result = anonymise(new Table(contents.header(), checked.rows()), settings);
      progress.finish(recodingChosen == Settings.Recoding.LOCAL
          ? String.format(Locale.ROOT, "%,d partitions examined", result.report().nodesEvaluated())
          : String.format(Locale.ROOT, "%,d of %,d evaluated", result.report().nodesEvaluated(),
              result.report().latticeSize()));

      AnonymizeReport report = new AnonymizeReport(contents.name(), settings, files, result, rejections.size());
      report.writeTable(outFile, format, DelimitedFile.lineDelimiterOf(input, format.encoding()), progress);
      report.writeMetrics(metricsFile, outFile);
      report.print(spec.commandLine().getOut(), outFile, metricsFile, Duration.ofNanos(System.nanoTime() - started));
      return rejections.isEmpty() ? ExitCodes.DONE : ExitCodes.BAD_INPUT;
    }
  }

  private Anonymiser.Result anonymise(Table table, Settings settings) {
    try {
      return Anonymiser.anonymise(table, settings);
    } catch (Anonymiser.NoSolutionException e) {
      throw CliException.badInput(input + ": " + e.getMessage() + "; allow more suppression (--suppression) or "
          + "lower -k" + (settings.l() > 1 ? " or --l-diversity" : ""));
    } catch (IllegalArgumentException e) {
      throw CliException.usage(e.getMessage());
    }
  }

  /** Each quasi-identifier's hierarchy file, in the order the quasi-identifiers are named. */
  private Map<String, Path> hierarchyFilesByColumn(Columns columns) {
    Map<String, Path> given = new LinkedHashMap<>();
    hierarchyFiles.forEach((reference, file) -> {
      String column = columns.resolve(reference, "--hierarchy");
      if (given.put(column, file) != null) {
        throw CliException.usage("--hierarchy names column " + column + " twice");
      }
    });
    List<String> named = new ArrayList<>();
    if (quasiIdentifiers == null) {
      named.addAll(given.keySet());
    } else {
      for (String reference : quasiIdentifiers) {
        String column = columns.resolve(reference, "--quasi-identifiers");
        if (named.contains(column)) {
          throw CliException.usage("--quasi-identifiers names column " + column + " twice");
        }
        named.add(column);
      }
    }
    Map<String, Path> files = new LinkedHashMap<>();
    for (String column : named) {
      Path file = given.remove(column);
      if (file == null && hierarchyPattern != null) {
        file = input.resolveSibling(hierarchyPattern.replace(COLUMN_PLACEHOLDER, column));
      }
      if (file == null) {
        throw CliException.usage("the quasi-identifier " + column + " has no hierarchy: give --hierarchy "
            + column + "=FILE or --hierarchies PATTERN");
      }
      files.put(column, file);
    }
    if (!given.isEmpty()) {
      throw CliException.usage("--hierarchy for " + String.join(", ", given.keySet())
          + ", which --quasi-identifiers does not name");
    }
    return files;
  }

  private static void report(List<DelimitedFile.Rejection> rejections, PrintWriter err) {
    rejections.stream().limit(DedupReport.MESSAGES_SHOWN).forEach(r -> err.println("rejected: " + r.message()));
    if (rejections.size() > DedupReport.MESSAGES_SHOWN) {
      err.printf(Locale.ROOT, "rejected: and %,d more%n", rejections.size() - DedupReport.MESSAGES_SHOWN);
    }
    err.flush();
  }

  private DelimitedFile.Format format() {
    Charset charset = charset();
    char separator = delimiter(delimiter, "--delimiter");
    if (quote.length() != 1) {
      throw CliException.usage("--quote must be one character, not \"" + quote + "\"");
    }
    if (quote.charAt(0) == separator) {
      throw CliException.usage("the quote and the delimiter must differ");
    }
    return new DelimitedFile.Format(charset, separator, quote.charAt(0), header == null || header);
  }

  private Charset charset() {
    if (encoding == null) {
      return StandardCharsets.UTF_8;
    }
    try {
      return Charset.forName(encoding.strip());
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw CliException.usage("unknown encoding " + encoding + " (try UTF-8 or GBK)");
    }
  }

  private static char delimiter(String value, String option) {
    String text = switch (value) {
      case "\\t", "tab", "TAB" -> "\t";
      default -> value;
    };
    if (text.length() != 1 || text.charAt(0) == '\n' || text.charAt(0) == '\r') {
      throw CliException.usage(option + " must be one character (\\t or tab for a tab), not \"" + value + "\"");
    }
    return text.charAt(0);
  }

  private Metric metric() {
    return switch (metric.strip().toLowerCase(Locale.ROOT)) {
      case "loss", "generalisation-loss", "generalization-loss" -> Metric.GENERALISATION_LOSS;
      case "discernibility" -> Metric.DISCERNIBILITY;
      default -> throw CliException.usage("--metric must be loss or discernibility, not " + metric);
    };
  }

  /** {@code --suppression} as a fraction: a percentage from 0 to 100, with or without {@code %}. */
  private double suppressionLimit() {
    String text = suppression.strip();
    if (text.endsWith("%")) {
      text = text.substring(0, text.length() - 1).strip();
    }
    try {
      double percent = Double.parseDouble(text);
      if (percent >= 0 && percent <= 100) {
        return percent / 100;
      }
    } catch (NumberFormatException e) {
      // reported below with the other wrong values
    }
    throw CliException.usage("--suppression must be a percentage from 0 to 100, such as 2 or 0.5, not " + suppression);
  }

  private Settings.Recoding recoding() {
    return switch (recoding.strip().toLowerCase(Locale.ROOT)) {
      case "full-domain" -> Settings.Recoding.FULL_DOMAIN;
      case "local" -> Settings.Recoding.LOCAL;
      default -> throw CliException.usage("--recoding must be full-domain or local, not " + recoding);
    };
  }

  private void checkPrivacyModel() {
    if (k < 1) {
      throw CliException.usage("-k must be 1 or more, not " + k);
    }
    if (l != null && sensitive == null) {
      throw CliException.usage("--l-diversity needs --sensitive, the column whose values must be diverse");
    }
    if (l != null && l < 1) {
      throw CliException.usage("--l-diversity must be 1 or more, not " + l);
    }
  }

  /** The file's columns, named by header name or by number from 1. */
  private record Columns(List<String> header) {
    String resolve(String reference, String option) {
      String name = reference.strip();
      if (header.contains(name)) {
        return name;
      }
      try {
        int number = Integer.parseInt(name);
        if (number >= 1 && number <= header.size()) {
          return header.get(number - 1);
        }
      } catch (NumberFormatException e) {
        // not a number either: reported below
      }
      throw CliException.usage(option + ": no column " + reference + " in the file; its columns are "
          + String.join(", ", header));
    }
  }
}
