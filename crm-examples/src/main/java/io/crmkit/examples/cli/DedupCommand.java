package io.crmkit.examples.cli;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.crmkit.core.dedup.MatchInput;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code crmkit dedup}: finds duplicate customers in a delimited export, or links two exports,
 * and writes the pairs and clusters as CSV. The files are read here; matching is the {@link
 * MatchEngine}'s.
 */
@Command(name = "dedup", mixinStandardHelpOptions = true, sortOptions = false,
    headerHeading = "%n", header = "Find duplicate customers in a delimited file, or link two files.",
    descriptionHeading = "%n",
    description = {
        "Reads INPUT (and OTHER with --link), maps its columns to the parts of a customer record, "
            + "matches the records and writes two CSV files: the duplicate pairs (both ids, match probability, "
            + "decision, and each field's agreement level and weight) and the clusters (each record id with its "
            + "entity id). A summary ends the run.",
        "",
        "A value that cannot be read (a bad date) becomes a warning on its record, and the record is used; "
            + "a row that cannot be read (a wrong number of fields) is reported by file, row and column and "
            + "skipped. Rows are counted without the header; the line is the file line the row starts on.",
        "",
        "Fields to map: id, source, kind, fullName, familyName, givenName, legalName, identifier, phones, "
            + "emails, addressLine, region, city, district, street, postcode, birthDate. phones, emails, "
            + "fullName, givenName, street and addressLine take several columns (-c phones=手机,电话). Without "
            + "a header, name columns by number from 1. Without an id column, a record's id is FILE:ROW."},
    parameterListHeading = "%nParameters:%n",
    optionListHeading = "%nOptions:%n",
    footerHeading = "%nExamples:%n",
    footer = {
        "  A Chinese CRM export in GBK:",
        "  crmkit dedup customers.csv --encoding GBK --date-format yyyyMMdd \\",
        "    -c id=客户编号 -c fullName=客户名称 -c kind=客户类型 \\",
        "    --person-values 个人 --organisation-values 企业 \\",
        "    -c phones=手机,电话 -c birthDate=出生日期",
        "",
        "  Link a CRM's customers to an ERP's, each file with its mapping:",
        "  crmkit dedup crm.csv --mapping crm.json \\",
        "    --link erp.csv --link-mapping erp.json --pairs crm-erp.csv",
        "",
        "  FEBRL (rec_id, given_name, surname, street_number, address_1, address_2,",
        "  suburb, postcode, state, date_of_birth, soc_sec_id):",
        "  crmkit dedup dataset1.csv --kind person --date-format yyyyMMdd \\",
        "    -c id=rec_id -c givenName=given_name -c familyName=surname \\",
        "    -c street=street_number,address_1,address_2 -c city=suburb \\",
        "    -c postcode=postcode -c region=state -c birthDate=date_of_birth \\",
        "    -c identifier=soc_sec_id",
        "",
        "  A mapping file (--mapping) says the same in JSON; options override it:",
        "  {\"encoding\": \"GBK\", \"dateFormat\": \"yyyyMMdd\", \"source\": \"crm\",",
        "   \"header\": true, \"delimiter\": \",\", \"quote\": \"\\\"\",",
        "   \"personValues\": [\"个人\"], \"organisationValues\": [\"企业\"],",
        "   \"columns\": {\"id\": \"客户编号\", \"fullName\": \"客户名称\",",
        "               \"phones\": [\"手机\", \"电话\"]}}"})
final class DedupCommand implements Callable<Integer> {

  private final MatchEngine engine;
  private final boolean ownJvm;

  @Spec
  private CommandSpec spec;

  @Mixin
  private QuietOption quiet;

  @Parameters(index = "0", paramLabel = "INPUT", description = "The delimited file of customer records.")
  private Path input;

  @Option(names = {"-c", "--column"}, paramLabel = "FIELD=COLUMN[,COLUMN...]",
      description = "Maps a field to its column(s) by header name (or number without a header); repeatable.")
  private List<String> columns = new ArrayList<>();

  @Option(names = {"-m", "--mapping"}, paramLabel = "FILE",
      description = "A JSON mapping of INPUT (columns and file format); options given as well override it.")
  private Path mapping;

  @Option(names = "--kind", paramLabel = "person|organisation", description = "The kind of every record, when no column says it.")
  private String kind;

  @Option(names = "--person-values", split = ",", paramLabel = "VALUE",
      description = "The kind column's values meaning a person (default: " + InputSpec.DEFAULT_PERSON_VALUES + ").")
  private List<String> personValues;

  @Option(names = "--organisation-values", split = ",", paramLabel = "VALUE",
      description = "The kind column's values meaning an organisation (default: "
          + InputSpec.DEFAULT_ORGANISATION_VALUES + ").")
  private List<String> organisationValues;

  @Option(names = "--date-format", paramLabel = "PATTERN",
      description = "The birth date's pattern, such as yyyyMMdd or dd/MM/yyyy (default: yyyy-MM-dd).")
  private String dateFormat;

  @Option(names = "--source", paramLabel = "NAME", description = "The source system of every record of INPUT, when no column says it.")
  private String source;

  @Option(names = "--id-prefix", paramLabel = "TEXT", description = "Put before every id of INPUT.")
  private String idPrefix;

  @Option(names = "--encoding", paramLabel = "CHARSET",
      description = "INPUT's character set, such as UTF-8 or GBK (default: UTF-8); a byte-order mark wins.")
  private String encoding;

  @Option(names = {"-d", "--delimiter"}, paramLabel = "CHAR", description = "The field delimiter; \\t or tab for a tab (default: ,).")
  private String delimiter;

  @Option(names = "--quote", paramLabel = "CHAR", description = "The quote character (default: \").")
  private String quote;

  @Option(names = "--header", negatable = true, description = "Whether the first line names the columns (default: it does).")
  private Boolean header;

  @Option(names = "--link", paramLabel = "OTHER", description = "Link INPUT to OTHER instead: pairs only across the two files.")
  private Path link;

  @Option(names = "--link-mapping", paramLabel = "FILE",
      description = "A JSON mapping of OTHER; without it OTHER is read like INPUT (but with no source or id prefix).")
  private Path linkMapping;

  @Option(names = "--link-source", paramLabel = "NAME", description = "The source system of every record of OTHER.")
  private String linkSource;

  @Option(names = "--link-id-prefix", paramLabel = "TEXT", description = "Put before every id of OTHER.")
  private String linkIdPrefix;

  @Option(names = "--pairs", paramLabel = "FILE", description = "Where the pairs go (default: INPUT's name with .pairs.csv, beside it).")
  private Path pairs;

  @Option(names = "--clusters", paramLabel = "FILE", description = "Where the clusters go (default: INPUT's name with .clusters.csv, beside it).")
  private Path clusters;

  @Option(names = "--match-threshold", paramLabel = "P", defaultValue = "0.9",
      description = "The match probability from which a pair is the same customer (default: ${DEFAULT-VALUE}).")
  private double matchThreshold;

  @Option(names = "--review-threshold", paramLabel = "P", defaultValue = "0.5",
      description = "The match probability from which a pair is sent to review (default: ${DEFAULT-VALUE}).")
  private double reviewThreshold;

  @Option(names = "--region", paramLabel = "CC", defaultValue = "CN",
      description = "The ISO 3166 region of phone numbers written without a country code (default: ${DEFAULT-VALUE}).")
  private String region;

  /**
   * @param engine what the records are matched with
   * @param ownJvm whether the JVM runs this program alone, so that a short run may leave out the
   *     optimising compiler ({@link ShortRunCompilation}); false in a test or a host program
   */
  DedupCommand(MatchEngine engine, boolean ownJvm) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.ownJvm = ownJvm;
  }

  @Override
  public Integer call() {
    long started = System.nanoTime();
    if (ownJvm && ShortRunCompilation.isShort(link == null ? List.of(input) : List.of(input, link))) {
      ShortRunCompilation.addDirective(ShortRunCompilation.EXCLUDE_C2);
    }
    PrintWriter err = spec.commandLine().getErr();
    MatchEngine.Settings settings = settings();
    MappingFile options = new MappingFile(encoding, delimiter, quote, header, MappingFile.parseColumns(columns), kind,
        personValues, organisationValues, dateFormat, source, idPrefix);
    MappingFile inputMapping = mapping == null ? options : options.over(MappingFile.read(mapping));
    InputSpec inputSpec = InputSpec.from(inputMapping, mapping == null ? "the options" : mapping.toString());
    Optional<InputSpec> otherSpec = otherSpec(inputMapping);
    Path pairsFile = pairs != null ? pairs : OutputFiles.beside(input, ".pairs.csv");
    Path clustersFile = clusters != null ? clusters : OutputFiles.beside(input, ".clusters.csv");
    OutputFiles.distinct().input("INPUT", input).input("--mapping", mapping).input("--link", link)
        .input("--link-mapping", linkMapping).output("--pairs", pairsFile).output("--clusters", clustersFile).check();

    List<CustomerFile.Contents> read = new ArrayList<>();
    MatchEngine.Result result;
    try (Progress progress = Progress.forTerminal(quiet.quiet, err)) {
      read.add(CustomerFile.read(input, inputSpec, progress));
      otherSpec.ifPresent(other -> read.add(CustomerFile.read(link, other, progress)));
      read.stream().filter(contents -> contents.records().isEmpty() && contents.rejections().isEmpty()).findFirst()
          .ifPresent(contents -> {
            throw CliException.badInput(contents.name() + ": no rows (the file is empty or holds only its header)");
          });
      if (read.size() == 2) {
        requireDistinctIds(read.get(0), read.get(1));
      }
      DedupReport.problems(err, read);
      result = match(read, settings, progress);
    }

    List<String> ids = new ArrayList<>();
    read.forEach(contents -> contents.records().forEach(record -> ids.add(record.id())));
    ResultFiles.writePairs(pairsFile, result.pairs(), read.size() == 2 ? ids(read.get(0)) : Set.of());
    ResultFiles.writeClusters(clustersFile, ids, result.entityOf());
    new DedupReport(read, result, ids, pairsFile, clustersFile, Duration.ofNanos(System.nanoTime() - started))
        .print(spec.commandLine().getOut());
    boolean rejected = read.stream().anyMatch(contents -> !contents.rejections().isEmpty());
    return rejected ? ExitCodes.BAD_INPUT : ExitCodes.DONE;
  }

  private MatchEngine.Result match(List<CustomerFile.Contents> read, MatchEngine.Settings settings, Progress progress) {
    int records = read.stream().mapToInt(contents -> contents.records().size()).sum();
    progress.start(String.format(Locale.ROOT, "matching %,d records", records));
    MatchEngine.Result result = read.size() == 2
        ? engine.link(read.get(0).records(), read.get(1).records(), settings)
        : engine.deduplicate(read.get(0).records(), settings);
    progress.finish(String.format(Locale.ROOT, "%,d candidate pairs scored: %,d matches or reviews",
        result.candidatePairs(), result.pairs().size()));
    DedupReport.engineWarnings(spec.commandLine().getErr(), result);
    return result;
  }

  private MatchEngine.Settings settings() {
    String upper = region.strip().toUpperCase(Locale.ROOT);
    if (!PhoneNumberUtil.getInstance().getSupportedRegions().contains(upper)) {
      throw CliException.usage("--region " + region + " is not a region phone numbers know (CN, GB, US, AU, ...)");
    }
    if (!(0 <= reviewThreshold && reviewThreshold <= matchThreshold && matchThreshold <= 1)) {
      throw CliException.usage("thresholds need 0 <= --review-threshold <= --match-threshold <= 1, not "
          + reviewThreshold + " and " + matchThreshold);
    }
    return new MatchEngine.Settings(matchThreshold, reviewThreshold, upper);
  }

  private Optional<InputSpec> otherSpec(MappingFile inputMapping) {
    if (link == null) {
      if (linkMapping != null || linkSource != null || linkIdPrefix != null) {
        throw CliException.usage("--link-mapping, --link-source and --link-id-prefix need --link OTHER");
      }
      return Optional.empty();
    }
    MappingFile given = new MappingFile(null, null, null, null, Map.of(), null, null, null, null, linkSource,
        linkIdPrefix);
    if (linkMapping != null) {
      return Optional.of(InputSpec.from(given.over(MappingFile.read(linkMapping)), linkMapping.toString()));
    }
    return Optional.of(InputSpec.from(given.over(inputMapping.withoutFileIdentity()), "the options (for OTHER)"));
  }

  /** Linking needs every id once across both files, or a pair could not say which record it means. */
  private static void requireDistinctIds(CustomerFile.Contents first, CustomerFile.Contents second) {
    Set<String> firstIds = ids(first);
    for (MatchInput record : second.records()) {
      if (firstIds.contains(record.id())) {
        throw CliException.badInput("id " + record.id() + " is in both " + first.name() + " and " + second.name()
            + "; ids must differ across linked files (use --id-prefix or --link-id-prefix)");
      }
    }
  }

  private static Set<String> ids(CustomerFile.Contents contents) {
    Set<String> ids = new HashSet<>();
    contents.records().forEach(record -> ids.add(record.id()));
    return ids;
  }
}
