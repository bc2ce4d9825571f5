package io.crmkit.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmkit.core.Crm;
import io.crmkit.core.customer.Criteria;
import io.crmkit.io.export.Anonymisation;
import io.crmkit.io.export.ExportColumns;
import io.crmkit.io.export.ExportFormat;
import io.crmkit.io.export.ExportResult;
import io.crmkit.io.export.ExportSettings;
import io.crmkit.io.export.Exporter;
import io.crmkit.io.export.QuasiIdentifier;
import io.crmkit.privacy.access.AccessDeniedException;
import io.crmkit.privacy.access.Caller;
import io.crmkit.privacy.access.CallerContext;
import io.crmkit.privacy.access.ProtectedCrm;
import io.crmkit.privacy.access.Role;
import io.crmkit.privacy.anonymise.Anonymiser;
import io.crmkit.privacy.anonymise.Settings;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code crmkit export}: the customers of a store matching {@code --where}, as CSV or JSON Lines,
 * as a role may see them (crm-io's {@link Exporter} over crm-privacy's {@link ProtectedCrm}), or
 * k-anonymised with {@code --anonymise}. The file is written beside OUT and moved into place only
 * when complete, so a failed export leaves no partial file and an earlier file untouched.
 */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
    headerHeading = "%n", header = "Write the customers of a store to CSV or JSON Lines, masked by role or anonymised.",
    descriptionHeading = "%n",
    description = {
        "Writes every customer matching --where to OUT, in id order, streaming (constant memory). Columns: id, "
            + "kind, display_name, family_name, given_name, legal_name, emails, phones, other_contacts, country, "
            + "region_code, region, city, district, street, postcode, address_line, birth_date, gender, "
            + "person_identifiers, organisation_identifiers, codes, stage, tier, owner, tags, external_references, "
            + "created_at, updated_at, version, then attr.NAME per --attribute. Lists are joined by \"; \".",
        "",
        "The --role decides what is shown (crmkit's default role model): analyst exports every personal value "
            + "masked, dpo (data-protection officer) exports in clear; sales-rep and admin may not export. Every "
            + "export is recorded in the store's audit log with --actor and --purpose.",
        "",
        "CSV cells that a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage return) "
            + "are written with a ' in front, and so is a cell that starts with ' (remove one leading ' to get a "
            + "value back); phone numbers therefore read '+86... in CSV. JSON Lines values are written as stored.",
        "",
        "--anonymise writes no direct identifier: only kind, stage, tier, the --quasi columns generalised until "
            + "every combination is shared by at least -k rows (and, with --sensitive, holds --l-diversity distinct "
            + "values), and the --attribute columns. Its utility metrics go to OUT's name with .anonymity.json. "
            + "It holds the rows in memory."},
    parameterListHeading = "%nParameters:%n",
    optionListHeading = "%nOptions:%n",
    footerHeading = "%nExamples:%n",
    footer = {
        "  Active customers in Guangdong as an analyst sees them:",
        "  crmkit export active-gd.csv --where 'stage=ACTIVE,region=44*' --role analyst",
        "",
        "  A 5-anonymous extract for a research partner, from PostgreSQL:",
        "  crmkit export research.jsonl --anonymise -k 5 --quasi region,birth-year,gender --role dpo \\",
        "    --jdbc-url jdbc:postgresql://db:5432/crm --jdbc-user crm"})
final class ExportCommand implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  /** Symbolic links followed from OUT before giving up on a loop (Linux's own limit). */
  private static final int MAX_LINKS = 40;

  @Spec
  private CommandSpec spec;

  @Mixin
  private QuietOption quiet;

  @Mixin
  private StoreOptions store;

  @Parameters(index = "0", paramLabel = "OUT", description = "The file to write: .csv or .jsonl (or name --format).")
  private Path out;

  @Option(names = "--format", paramLabel = "csv|jsonl", description = "The format (default: from OUT's extension).")
  private String format;

  @Option(names = "--where", paramLabel = "CRITERIA",
      description = "Which customers: key=value terms joined by commas, values by | (keys: " + WhereOption.KEYS
          + "; a trailing * for a prefix; name is always a prefix; stages and tiers match exactly, in upper case), "
          + "such as stage=ACTIVE,region=44*,tier=GOLD (default: every customer).")
  private String where;

  @Option(names = "--role", paramLabel = "ROLE", defaultValue = "analyst",
      description = "Whose view: analyst, sales-rep, admin or dpo (default: ${DEFAULT-VALUE}).")
  private String role;

  @Option(names = "--actor", paramLabel = "NAME", defaultValue = "${sys:user.name}",
      description = "Who exports, as the audit log records it (default: the user name).")
  private String actor;

  @Option(names = "--purpose", paramLabel = "TEXT", defaultValue = "crmkit export",
      description = "Why, as the audit log records it (default: ${DEFAULT-VALUE}).")
  private String purpose;

  @Option(names = "--attribute", split = ",", paramLabel = "NAME",
      description = "A custom attribute to export as column attr.NAME; repeatable.")
  private List<String> attributes = List.of();

  @Option(names = {"--anonymise", "--anonymize"}, description = "Write a k-anonymous extract without direct identifiers.")
  private boolean anonymise;

  @Option(names = {"-k", "--k"}, paramLabel = "K", defaultValue = "5",
      description = "With --anonymise: the fewest rows a combination of --quasi values may be shared by (default: ${DEFAULT-VALUE}).")
  private int k;

  @Option(names = "--quasi", split = ",", paramLabel = "NAME", defaultValue = "region,birth-year,gender",
      description = "With --anonymise: the quasi-identifiers, of region, birth-year, gender, postcode (default: ${DEFAULT-VALUE}).")
  private List<String> quasi;

  @Option(names = "--sensitive", paramLabel = "COLUMN",
      description = "With --anonymise: the column that must be diverse in every class (tier, stage, kind or attr.NAME).")
  private String sensitive;

  @Option(names = "--l-diversity", paramLabel = "L", defaultValue = "2",
      description = "With --sensitive: distinct values every class must hold (default: ${DEFAULT-VALUE}).")
  private int l;

  @Option(names = "--suppression", paramLabel = "PERCENT", defaultValue = "0",
      description = "With --anonymise: the most rows, in percent, that may be suppressed (default: ${DEFAULT-VALUE}).")
  private double suppression;

  @Option(names = "--recoding", paramLabel = "full-domain|local", defaultValue = "full-domain",
      description = "With --anonymise: full-domain or local recoding (default: ${DEFAULT-VALUE}).")
  private String recoding;

  @Override
  public Integer call() {
    long started = System.nanoTime();
    ExportFormat chosenFormat = format();
    Criteria criteria = WhereOption.parse(where);
    Role chosenRole = role();
    ExportSettings settings = settings(chosenFormat);
    Caller caller = caller(chosenRole);
    PrintWriter err = spec.commandLine().getErr();

    OutputFiles.distinct().input("the store", store.h2File().orElse(null)).output("OUT", out).check();
    try (StoreOptions.OpenStore open = store.openExisting(); Progress progress = Progress.forTerminal(quiet.quiet, err)) {
      Crm crm = Crm.builder().store(open.stores().base()).build();
      ProtectedCrm protectedCrm = ProtectedCrm.builder().crm(crm).privacy(open.stores().privacy())
          .callers(CallerContext.fixed(caller)).build();
      progress.start("exporting to " + out.getFileName());
      ExportResult result = write(Exporter.of(protectedCrm), criteria, settings, progress);
      progress.finish(String.format(Locale.ROOT, "%,d customers", result.rows()));
      Optional<Path> metrics = result.anonymisation().map(report -> writeMetrics(report, settings, result));
      print(result, chosenFormat, metrics, Duration.ofNanos(System.nanoTime() - started));
      return ExitCodes.DONE;
    }
  }

  /**
   * Writes to a temporary file beside OUT, then moves it into place, so that a failed export leaves
   * no half file; through a symbolic link to the file it names (there or not yet), keeping an
   * existing file's permissions where the file system has them. A pipe or device ({@code
   * /dev/stdout}) is written directly, as it cannot be replaced.
   */
  private ExportResult write(Exporter exporter, Criteria criteria, ExportSettings settings, Progress progress) {
    Path partial = null;
    try {
      if (Files.exists(out) && !Files.isRegularFile(out)) {
        try (OutputStream stream = Files.newOutputStream(out)) {
          return exporter.export(criteria, settings, stream, progress::advance);
        }
      }
      Path target = linkTarget(out);
      Files.createDirectories(target.getParent());
      partial = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
      ExportResult result;
      try (OutputStream stream = Files.newOutputStream(partial)) {
        result = exporter.export(criteria, settings, stream, progress::advance);
      }
      if (Files.exists(target) && Files.getFileStore(partial).supportsFileAttributeView(PosixFileAttributeView.class)) {
        Files.setPosixFilePermissions(partial, Files.getPosixFilePermissions(target));
      }
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return result;
    } catch (AccessDeniedException e) {
      throw CliException.usage("role " + role + " may not export customers (" + e.getMessage()
          + "); the analyst exports masked, the dpo in clear");
    } catch (Anonymiser.NoSolutionException e) {
      throw CliException.badInput(e.getMessage() + "; allow more suppression (--suppression) or lower -k");
    } catch (IllegalArgumentException e) {
      throw CliException.usage(e.getMessage());
    } catch (IOException e) {
      throw CliException.failure(out + ": cannot be written (" + e.getMessage() + ")", e);
    } finally {
      deletePartial(partial);
    }
  }

  /** The file {@code path} names after following its symbolic links, even to a file not there yet. */
  private static Path linkTarget(Path path) throws IOException {
    Path current = path.toAbsolutePath();
    for (int hops = 0; Files.isSymbolicLink(current) && hops < MAX_LINKS; hops++) {
      current = current.resolveSibling(Files.readSymbolicLink(current)).normalize();
    }
    return current;
  }

  private void deletePartial(Path partial) {
    try {
      if (partial != null) {
        Files.deleteIfExists(partial);
      }
    } catch (IOException e) {
      err().println("export: the partial file " + partial + " could not be removed: " + e.getMessage());
    }
  }

  private Path writeMetrics(Anonymiser.Report report, ExportSettings settings, ExportResult result) {
    Path file = OutputFiles.beside(out, ".anonymity.json");
    Anonymisation anonymisation = settings.anonymisation().orElseThrow();
    ObjectNode json = JSON.createObjectNode();
    json.put("output", out.getFileName().toString());
    json.put("rows", result.rows());
    json.put("k", anonymisation.k());
    anonymisation.sensitiveColumn().ifPresent(s -> json.put("sensitive", s).put("l", anonymisation.l()));
    json.put("suppressionLimit", anonymisation.suppressionLimit());
    json.put("recoding", anonymisation.recoding().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    ObjectNode levels = json.putObject("levels");
    report.levels().forEach(levels::put);
    json.put("suppressedRecords", report.suppressedRecords());
    json.put("classes", report.classes());
    json.put("averageClassSize", report.averageClassSize());
    json.put("discernibility", report.discernibility());
    json.put("generalisationLoss", report.generalisationLoss());
    try {
      JSON.writeValue(file.toFile(), json);
      return file;
    } catch (IOException e) {
      throw CliException.failure(file + ": cannot be written (" + e.getMessage() + ")", e);
    }
  }

  private void print(ExportResult result, ExportFormat chosenFormat, Optional<Path> metrics, Duration took) {
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.printf(Locale.ROOT, "Exported %,d customers to %s%n", result.rows(), out);
    stdout.printf(Locale.ROOT, "  %-16s %s%n", "format", chosenFormat == ExportFormat.CSV ? "csv" : "jsonl");
    stdout.printf(Locale.ROOT, "  %-16s %s (%s)%n", "role", role, anonymise ? "anonymised"
        : role.equalsIgnoreCase("dpo") ? "clear" : "masked");
    stdout.printf(Locale.ROOT, "  %-16s %d%n", "columns", result.header().size());
    result.anonymisation().ifPresent(report -> {
      stdout.printf(Locale.ROOT, "  %-16s %d%n", "k", k);
      stdout.printf(Locale.ROOT, "  %-16s %,d%n", "suppressed", report.suppressedRecords());
      stdout.printf(Locale.ROOT, "  %-16s %,d (average %.1f rows)%n", "classes", report.classes(),
          report.averageClassSize());
      stdout.printf(Locale.ROOT, "  %-16s %.3f%n", "loss", report.generalisationLoss());
    });
    metrics.ifPresent(file -> stdout.printf(Locale.ROOT, "  %-16s %s%n", "metrics", file));
    stdout.printf(Locale.ROOT, "  %-16s %.1f s%n", "time", took.toMillis() / 1000.0);
    stdout.flush();
    if (result.rows() == 0 && where != null) {
      err().println("export: no customer matches --where " + where + " (is every stage, tier and code spelt right?)");
      err().flush();
    }
  }

  private ExportFormat format() {
    if (format == null) {
      return ExportFormat.forFileName(out.getFileName().toString()).orElseThrow(() -> CliException.usage(
          "cannot tell the format from " + out.getFileName() + ": name it .csv or .jsonl, or give --format"));
    }
    return switch (format.strip().toLowerCase(Locale.ROOT)) {
      case "csv" -> ExportFormat.CSV;
      case "jsonl", "ndjson", "json-lines" -> ExportFormat.JSON_LINES;
      default -> throw CliException.usage("--format must be csv or jsonl, not " + format);
    };
  }

  private Role role() {
    return switch (role.strip().toLowerCase(Locale.ROOT)) {
      case "analyst" -> Role.ANALYST;
      case "sales-rep", "sales" -> Role.SALES_REP;
      case "admin", "administrator" -> Role.ADMINISTRATOR;
      case "dpo", "data-protection-officer" -> Role.DATA_PROTECTION_OFFICER;
      default -> throw CliException.usage("--role must be analyst, sales-rep, admin or dpo, not " + role);
    };
  }

  private Caller caller(Role chosen) {
    try {
      return Caller.of(actor, purpose, chosen);
    } catch (IllegalArgumentException e) {
      throw CliException.usage("--actor or --purpose: " + e.getMessage());
    }
  }

  private ExportSettings settings(ExportFormat chosenFormat) {
    try {
      ExportSettings settings = ExportSettings.of(chosenFormat)
          .withColumns(ExportColumns.standard().withAttributes(attributes));
      if (!anonymise) {
        return settings;
      }
      if (suppression < 0 || suppression > 100) {
        throw CliException.usage("--suppression must be a percentage from 0 to 100, not " + suppression);
      }
      Anonymisation anonymisation = Anonymisation.kAnonymity(k, quasi.stream().map(QuasiIdentifier::named).toList())
          .withSuppressionLimit(suppression / 100).withRecoding(recoding());
      if (sensitive != null) {
        anonymisation = anonymisation.withDistinctLDiversity(sensitive, l);
      }
      return settings.anonymised(anonymisation);
    } catch (IllegalArgumentException e) {
      throw CliException.usage(e.getMessage());
    }
  }

  private Settings.Recoding recoding() {
    return switch (recoding.strip().toLowerCase(Locale.ROOT)) {
      case "full-domain" -> Settings.Recoding.FULL_DOMAIN;
      case "local" -> Settings.Recoding.LOCAL;
      default -> throw CliException.usage("--recoding must be full-domain or local, not " + recoding);
    };
  }

  private PrintWriter err() {
    return spec.commandLine().getErr();
  }
}
