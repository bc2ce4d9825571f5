package io.crmkit.examples.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.dedup.MatchRecord;
import io.crmkit.core.dedup.ScoredPair;
import io.crmkit.core.dedup.match.Deduplicator;
import io.crmkit.core.dedup.merge.Merger;
import io.crmkit.core.dedup.review.ReviewItem;
import io.crmkit.core.dedup.standardise.MatchInputs;
import io.crmkit.core.dedup.standardise.Standardiser;
import io.crmkit.core.dimension.BuiltInSchemes;
import io.crmkit.core.dimension.Dimensions;
import io.crmkit.core.dimension.classify.ClassificationRules;
import io.crmkit.core.dimension.classify.Classifier;
import io.crmkit.core.imports.CustomerImporter;
import io.crmkit.core.json.CrmJson;
import io.crmkit.core.quality.QualityReport;
import io.crmkit.io.CrmStores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crmkit demo}: crmkit's whole job on a generated data set, in one command. It generates
 * customers with realistic duplicates and their purchases and interactions ({@link DemoData}),
 * imports them with their dimension codes, deduplicates the stored customers (auto-merges, the
 * review queue for the doubtful pairs), segments them and applies the lifecycle rules ({@link
 * StoreSegmentation}, as {@code crmkit segment} does), measures data quality and writes the report
 * ({@link #writeReport}). Every step shows progress and the summary tables counts and times per
 * step.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
    headerHeading = "%n", header = "Run crmkit end to end on a generated data set and write a report.",
    descriptionHeading = "%n",
    description = {
        "Generates --customers customer records (a share of them duplicates of others, as real exports have), "
            + "with purchases and interactions, deterministically per --seed; imports them with their region and "
            + "customer-type codes; deduplicates (sure matches merged, doubtful pairs queued for review); scores "
            + "RFM, writes value tiers, fits lifetime value and applies the lifecycle rules; measures data "
            + "quality; and writes the report into --output-dir.",
        "",
        "The store is the embedded H2 database in ./crmkit-data (about 4 GB after 100,000 customers) unless "
            + "--jdbc-url names another. A store that already holds customers is refused unless --reset, which "
            + "drops crmkit's tables (crm_*) first."},
    optionListHeading = "%nOptions:%n",
    footerHeading = "%nExamples:%n",
    footer = {
        "  crmkit demo                                      (100,000 customers, about 2 minutes on 2 cores)",
        "  crmkit demo --customers 10000 --seed 7 --reset --output-dir /tmp/crmkit-report"})
final class DemoCommand implements Callable<Integer> {

  /** Customers imported per transaction. */
  static final int BATCH = 5_000;
  /** Merges between two progress reports. */
  private static final int MERGE_SLICE = 1_000;
  /** The actor of the demo's merges. */
  static final String ACTOR = "crmkit-demo";

  @Spec
  private CommandSpec spec;

  @Mixin
  private QuietOption quiet;

  @Mixin
  private StoreOptions store;

  @Option(names = "--customers", paramLabel = "N", defaultValue = "100000",
      description = "Customer records to generate, duplicates included (default: ${DEFAULT-VALUE}).")
  private long customers;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
      description = "The seed: the same seed gives the same data (default: ${DEFAULT-VALUE}).")
  private long seed;

  @Option(names = "--reset", description = "Empty the store first (drops crmkit's tables) instead of refusing a store with customers.")
  private boolean reset;

  @Option(names = "--output-dir", paramLabel = "DIR", defaultValue = "crmkit-report",
      description = "Where the report goes (default: ${DEFAULT-VALUE}).")
  private Path outputDir;

  private final Clock clock;
  private final List<Step> steps = new ArrayList<>();
  private StoreSegmentation.Outcome segmented;

  DemoCommand() {
    this(Clock.systemUTC());
  }

  /** With the clock the demo's "now" is read from. */
  DemoCommand(Clock clock) {
    this.clock = clock;
  }

  /**
   * One step of the demo as the summary shows it.
   *
   * @param name what was done
   * @param count how many things it produced or handled
   * @param outcome the step's figures in words
   * @param time how long it took
   */
  record Step(String name, long count, String outcome, Duration time) {}

  @Override
  public Integer call() {
    if (customers < 1 || customers > 10_000_000) {
      throw CliException.usage("--customers must be 1 to 10000000, not " + customers);
    }
    long started = System.nanoTime();
    prepareOutputDir();
    PrintWriter out = spec.commandLine().getOut();
    Path report;
    try (StoreOptions.OpenStore open = store.open(reset);
        Progress progress = Progress.forTerminal(quiet.quiet, spec.commandLine().getErr())) {
      CrmStores stores = open.stores();
      long held = stores.base().customers().count(Criteria.all());
      if (held > 0) {
        throw CliException.usage("the store " + store.url + " already holds " + held
            + " customers; add --reset to empty it first, or name another with --jdbc-url");
      }
      Instant now = clock.instant();
      importCustomers(stores, now, progress);
      deduplicate(stores, now, progress);
      segment(stores, now, progress);
      report = writeReport(stores, outputDir);
    }
    out.printf(Locale.ROOT, "crmkit demo: %,d generated customers (seed %d) in %s%n", customers, seed, store.url);
    out.printf(Locale.ROOT, "%n  %-12s %10s %8s  %s%n", "step", "count", "time", "outcome");
    steps.forEach(step -> out.printf(Locale.ROOT, "  %-12s %,10d %7.1fs  %s%n", step.name(), step.count(),
        step.time().toMillis() / 1000.0, step.outcome()));
    out.printf(Locale.ROOT, "  %-12s %10s %7.1fs%n", "total", "", (System.nanoTime() - started) / 1e9);
    out.println();
    segmented.print(out);
    out.printf(Locale.ROOT, "%n  report             %s%n", report.toAbsolutePath().normalize());
    out.flush();
    return ExitCodes.DONE;
  }

  /** Makes --output-dir before any work, so that a bad one fails at once rather than after the store is filled. */
  private void prepareOutputDir() {
    if (Files.exists(outputDir) && !Files.isDirectory(outputDir)) {
      throw CliException.usage("--output-dir " + outputDir + " is a file; name a folder");
    }
    try {
      Files.createDirectories(outputDir);
    } catch (IOException e) {
      throw CliException.failure("--output-dir " + outputDir + " cannot be created (" + e.getMessage() + ")", e);
    }
    if (!Files.isWritable(outputDir)) {
      throw CliException.failure("--output-dir " + outputDir + " cannot be written to", null);
    }
  }

  /** Generates the customers and their histories and imports them batch by batch, coded on the way. */
  private void importCustomers(CrmStores stores, Instant now, Progress progress) {
    long started = System.nanoTime();
    Classifier classifier = new Classifier.Builder()
        .rule(ClassificationRules.regionFromAddress(Dimensions.REGION, BuiltInSchemes.gbt2260(), "CN"))
        .rule(ClassificationRules.regionFromUscc(Dimensions.REGION, BuiltInSchemes.gbt2260()))
        .rule(ClassificationRules.customerType(Dimensions.CUSTOMER_TYPE, BuiltInSchemes.customerTypes()))
        .build();
    DemoData data = new DemoData(customers, seed, now, classifier, BATCH);
    CustomerImporter importer = CustomerImporter.on(stores.base()).withClock(clock);
    long inserted = 0;
    long rejected = 0;
    long purchases = 0;
    long interactions = 0;
    long coded = 0;
    long generated = 0;
    progress.start("generating and importing");
    while (data.hasNext()) {
      DemoData.Batch batch = data.next();
      generated += batch.records();
      CustomerImporter.Report imported = importer.insertAll(batch.customers());
      inserted += imported.inserted();
      rejected += imported.rejected().size();
      coded += batch.customers().stream().filter(customer -> !customer.dimensionCodes().isEmpty()).count();
      if (imported.allAccepted()) {
        stores.base().purchases().recordAll(batch.purchases());
        stores.base().interactions().recordAll(batch.interactions());
        purchases += batch.purchases().size();
        interactions += batch.interactions().size();
      }
      progress.advance(generated);
    }
    progress.finish(String.format(Locale.ROOT, "%,d customers", inserted));
    step("import", inserted, String.format(Locale.ROOT,
        "%,d rejected, %,d unusable records; %,d coded; %,d purchases, %,d interactions", rejected,
        data.unusable(), coded, purchases, interactions), started);
  }

  /** Matches the stored customers, merges sure matches into their cluster's first customer, queues doubtful pairs. */
  private void deduplicate(CrmStores stores, Instant now, Progress progress) {
    long started = System.nanoTime();
    progress.start("deduplicating");
    Standardiser standardiser = Standardiser.defaults();
    List<MatchRecord> records;
    try (Stream<Customer> stored = stores.base().customers().stream(Criteria.all())) {
      records = stored.map(MatchInputs::of).toList().parallelStream().map(standardiser::standardise).toList();
    }
    Deduplicator.Result result = Deduplicator.withDefaults().run(records);
    Map<String, List<String>> clusters = new LinkedHashMap<>();
    result.entities().forEach((record, entity) -> clusters.computeIfAbsent(entity, e -> new ArrayList<>()).add(record));
    Merger merger = Merger.builder().store(stores.dedup()).lifecycle(stores.lifecycle()).clock(clock).build();
    List<Merger.Request> duplicates = clusters.entrySet().stream().filter(cluster -> cluster.getValue().size() > 1)
        .map(cluster -> request(cluster.getKey(), cluster.getValue())).toList();
    long merges = 0;
    long absorbed = 0;
    long failed = 0;
    for (int from = 0; from < duplicates.size(); from += MERGE_SLICE) {
      int to = Math.min(duplicates.size(), from + MERGE_SLICE);
      Merger.Outcome outcome = merger.mergeAll(duplicates.subList(from, to), ACTOR);
      merges += outcome.merged().size();
      absorbed += outcome.merged().stream().mapToLong(merged -> merged.merge().absorbedIds().size()).sum();
      failed += outcome.failed().size();
      progress.advance(merges + failed);
    }
    long queued = 0;
    for (ScoredPair pair : result.pairs()) {
      if (pair.decision() == ScoredPair.Decision.REVIEW
          && stores.dedup().reviewQueue().enqueue(ReviewItem.of(pair, now))) {
        queued++;
      }
    }
    progress.finish(String.format(Locale.ROOT, "%,d merges", merges));
    step("dedup", merges, String.format(Locale.ROOT,
        "%,d candidate pairs; %,d merges absorbing %,d duplicates (%,d failed); %,d pairs queued for review",
        result.statistics().candidatePairs(), merges, absorbed, failed, queued), started);
  }

  /** The merge of a cluster into its survivor, the entity's own record. */
  private static Merger.Request request(String survivor, List<String> members) {
    return new Merger.Request(CustomerId.parse(survivor),
        members.stream().filter(member -> !member.equals(survivor)).map(CustomerId::parse).toList());
  }

  private void segment(CrmStores stores, Instant now, Progress progress) {
    long started = System.nanoTime();
    segmented = StoreSegmentation.run(stores, new StoreSegmentation.Settings(now, Optional.of(DemoData.CNY),
        TierOption.parse(TierOption.DEFAULT, "high-medium-low")), clock, progress);
    Duration all = Duration.ofNanos(System.nanoTime() - started);
    steps.add(new Step("segment", segmented.scored(), String.format(Locale.ROOT,
        "%,d scored, %,d tiers written; lifetime value %s", segmented.scored(),
        segmented.tiersWritten().changed().size(), segmented.clv().verdict()), all.minus(segmented.lifecycleTime())));
    steps.add(new Step("lifecycle", segmented.lifecycle().applied().size(), String.format(Locale.ROOT,
        "%,d evaluated, %,d moves, %,d refused", segmented.lifecycle().customersEvaluated(),
        segmented.lifecycle().applied().size(), segmented.lifecycle().rejected().size()), segmented.lifecycleTime()));
  }

  /**
   * Writes the demo's report of {@code stores} into {@code dir} and says where it is: the
   * data-quality report ({@code quality.json}, measured here), {@code demo-summary.json} (the
   * steps with their counts and times, and the quality scores) and the HTML report of
   * {@code crmkit report} ({@code report.html}, as of the demo's clock).
   *
   * @return the HTML report
   * @throws CliException failure if a file cannot be written
   */
  Path writeReport(CrmStores stores, Path dir) {
    long started = System.nanoTime();
    QualityReport quality = QualityCommand.measure(stores.base(), clock);
    QualityCommand.write(quality, dir.resolve("quality.json"));
    step("quality", quality.customers(), String.format(Locale.ROOT,
        "overall %.1f (completeness %.1f, validity %.1f, uniqueness %.1f, freshness %.1f, consistency %.1f)",
        quality.scores().overall(), quality.scores().completeness(), quality.scores().validity(),
        quality.scores().uniqueness(), quality.scores().freshness(), quality.scores().consistency()), started);
    Path summary = dir.resolve("demo-summary.json");
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("customersGenerated", customers);
    document.put("seed", seed);
    document.put("steps", steps.stream().map(step -> Map.of("name", step.name(), "count", step.count(),
        "outcome", step.outcome(), "seconds", step.time().toMillis() / 1000.0)).toList());
    document.put("qualityScores", quality.scores());
    try {
      CrmJson.newMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(summary.toFile(), document);
    } catch (IOException e) {
      throw CliException.failure(summary + ": cannot be written (" + e.getMessage() + ")", e);
    }
    try {
      return ReportCommand.writeReport(stores, dir.resolve("report.html"), clock.instant(), quality);
    } catch (UncheckedIOException e) {
      throw CliException.failure(e.getMessage(), e);
    }
  }

  private void step(String name, long count, String outcome, long startedNanos) {
    steps.add(new Step(name, count, outcome, Duration.ofNanos(System.nanoTime() - startedNanos)));
  }
}
