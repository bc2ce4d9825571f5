package io.crmkit.benchmarks.dedup;

import io.crmkit.core.customer.CustomerKind;
import io.crmkit.core.dedup.MatchInput;
import io.crmkit.core.dedup.MatchRecord;
import io.crmkit.core.dedup.ScoredPair;
import io.crmkit.core.dedup.match.Blocking;
import io.crmkit.core.dedup.match.BlockingRule;
import io.crmkit.core.dedup.match.Deduplicator;
import io.crmkit.core.dedup.match.RecordPair;
import io.crmkit.core.dedup.standardise.Standardiser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Accuracy and speed of {@link Deduplicator#withDefaults()} on the FEBRL data sets, fitted without
 * the labels: precision, recall and F1 of the predicted duplicate pairs (the MATCH pairs, and the
 * pairs the clusters imply), pair completeness and reduction ratio of blocking, and time per
 * file. Then, as a baseline in the same run, the same comparisons and model over every pair of the
 * first 5,000 records (no blocking).
 *
 * <p>The FEBRL files carry a licence that forbids committing them; pass their directory:
 * {@code --data DIR} (default {@code ../shared/data/febrl}, relative to the working directory, which
 * is meant to be the project root). {@code --files dataset3.csv} runs one file;
 * {@code --baseline false} skips the all-pairs run.
 *
 * <p>By default each row is read as a {@link MatchInput}, as a user's export or {@code crmkit dedup}
 * reads it, and goes through the real {@link Standardiser} (phones read in AU), so the numbers are
 * those a user gets. {@code --standardise false} builds the match records directly instead
 * (lower-cased and trimmed only), to tell the standardiser's effect from the matcher's.
 */
public final class FebrlAccuracy {
  private static final DateTimeFormatter BIRTH_DATE =
      DateTimeFormatter.ofPattern("uuuuMMdd", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
  private static final int BASELINE_RECORDS = 5_000;

  private FebrlAccuracy() {}

  public static void main(String[] args) throws IOException {
    Map<String, String> options = options(args);
    Path data = Path.of(options.getOrDefault("data", "../shared/data/febrl"));
    List<String> files = List.of(options.getOrDefault("files", "dataset1.csv,dataset2.csv,dataset3.csv").split(","));
    boolean baseline = Boolean.parseBoolean(options.getOrDefault("baseline", "true"));
    boolean standardise = Boolean.parseBoolean(options.getOrDefault("standardise", "true"));
    if (!Files.isDirectory(data)) {
      System.err.println("FEBRL directory not found: " + data.toAbsolutePath() + " (give it with --data DIR)");
      System.exit(2);
    }
    System.out.printf(Locale.ROOT, "%-13s %7s %7s %9s %9s %9s %9s %9s %9s %8s %8s %9s%n", "file", "records",
        "true", "predicted", "precision", "recall", "F1", "F1(clus)", "pairs/PC", "RR", "cands", "time ms");
    List<MatchRecord> largest = List.of();
    for (String file : files) {
      Path path = data.resolve(file.trim());
      List<MatchRecord> records;
      if (standardise) {
        List<MatchInput> inputs = readInputs(path);
        long start = System.nanoTime();
        records = standardise(inputs);
        System.out.printf(Locale.ROOT, "  %s: %d records standardised in %d ms%n", file.trim(), records.size(),
            (System.nanoTime() - start) / 1_000_000);
      } else {
        records = read(path);
      }
      if (records.size() > largest.size()) {
        largest = records;
      }
      evaluate(file.trim(), records, Deduplicator.withDefaults(), options);
    }
    if (baseline && !largest.isEmpty()) {
      List<MatchRecord> first = largest.subList(0, Math.min(BASELINE_RECORDS, largest.size()));
      Deduplicator allPairs = Deduplicator.builder()
          .blocking(new Blocking(List.of(new BlockingRule.Window("all-pairs", r -> Optional.of(""), first.size())),
              first.size(), Blocking.Oversized.WINDOW, first.size()))
          .build();
      evaluate("all-pairs " + first.size(), first, allPairs, Map.of());
    }
  }

  private static void evaluate(String name, List<MatchRecord> records, Deduplicator deduplicator,
      Map<String, String> options) {
    boolean printParameters = options.containsKey("print-parameters");
    long start = System.nanoTime();
    Deduplicator.Result result = deduplicator.run(records);
    long millis = (System.nanoTime() - start) / 1_000_000;
    Set<RecordPair> truth = truePairs(records);
    Set<RecordPair> predicted = new HashSet<>();
    for (ScoredPair pair : result.matches()) {
      predicted.add(RecordPair.of(pair.leftId(), pair.rightId()));
    }
    Score pairs = Score.of(predicted, truth);
    Score clusters = Score.of(clusterPairs(result.entities()), truth);
    Blocking.Quality quality = result.candidates().quality(truth);
    System.out.printf(Locale.ROOT, "%-13s %7d %7d %9d %9.4f %9.4f %9.4f %9.4f %9.4f %8.4f %8d %9d%n", name,
        records.size(), truth.size(), predicted.size(), pairs.precision, pairs.recall, pairs.f1, clusters.f1,
        quality.pairCompleteness(), quality.reductionRatio(), result.statistics().candidatePairs(), millis);
    StringBuilder steps = new StringBuilder("  steps:");
    result.statistics().timings().forEach((step, time) -> steps.append(' ').append(step).append(' ')
        .append(time.toMillis()).append(" ms"));
    System.out.println(steps);
    int showMissed = Integer.parseInt(options.getOrDefault("show-missed", "0"));
    if (showMissed > 0) {
      Set<RecordPair> candidates = new HashSet<>(result.candidates().pairs());
      Map<String, MatchRecord> byId = new HashMap<>();
      records.forEach(r -> byId.put(r.id(), r));
      truth.stream().filter(p -> !predicted.contains(p)).limit(showMissed).forEach(p -> System.out.println(
          (candidates.contains(p) ? "scored low: " : "not blocked: ") + byId.get(p.leftId()) + System.lineSeparator()
              + "             " + byId.get(p.rightId())));
    }
    if (printParameters) {
      System.out.println(result.parameters());
      System.out.println(result.statistics());
    }
  }

  private record Score(double precision, double recall, double f1) {
    static Score of(Set<RecordPair> predicted, Set<RecordPair> truth) {
      long correct = predicted.stream().filter(truth::contains).count();
      double precision = predicted.isEmpty() ? 0 : (double) correct / predicted.size();
      double recall = (double) correct / truth.size();
      double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
      return new Score(precision, recall, f1);
    }
  }

  /** Records rec-N-org and rec-N-dup-k with the same N are one person. */
  static Set<RecordPair> truePairs(List<MatchRecord> records) {
    Map<String, List<String>> byPerson = new HashMap<>();
    for (MatchRecord r : records) {
      byPerson.computeIfAbsent(r.id().split("-")[1], k -> new ArrayList<>()).add(r.id());
    }
    return pairsWithin(byPerson.values());
  }

  private static Set<RecordPair> clusterPairs(Map<String, String> entities) {
    Map<String, List<String>> byEntity = new HashMap<>();
    entities.forEach((id, entity) -> byEntity.computeIfAbsent(entity, k -> new ArrayList<>()).add(id));
    return pairsWithin(byEntity.values());
  }

  private static Set<RecordPair> pairsWithin(Iterable<List<String>> groups) {
    Set<RecordPair> pairs = new HashSet<>();
    for (List<String> group : groups) {
      for (int i = 0; i < group.size(); i++) {
        for (int j = i + 1; j < group.size(); j++) {
          pairs.add(RecordPair.of(group.get(i), group.get(j)));
        }
      }
    }
    return pairs;
  }

  /**
   * Reads a FEBRL file into match records directly (trimmed, lower-case as FEBRL writes them):
   * street is the street number and address_1, locality the suburb, region the state; an invalid
   * date of birth is missing and noted as a warning.
   */
  static List<MatchRecord> read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<MatchRecord> records = new ArrayList<>(lines.size());
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] c = line.split(",", -1);
      MatchRecord.Builder b = new MatchRecord.Builder().id(c[0].trim()).kind(CustomerKind.PERSON);
      value(c[1]).ifPresent(b::givenName);
      value(c[2]).ifPresent(b::familyName);
      String street = (c[3].trim() + " " + c[4].trim()).trim();
      if (!street.isEmpty()) {
        b.street(street);
      }
      value(c[6]).ifPresent(b::locality);
      value(c[7]).ifPresent(b::postcode);
      value(c[8]).ifPresent(b::region);
      value(c[9]).ifPresent(d -> {
        try {
          b.birthDate(LocalDate.parse(d, BIRTH_DATE));
        } catch (DateTimeParseException invalid) {
          b.addWarning("birthDate: not a date: " + d);
        }
      });
      value(c[10]).ifPresent(b::identifier);
      records.add(b.build());
    }
    return records;
  }

  /** The FEBRL region phones would be read in (FEBRL has none; a user's Australian export would). */
  static final String FEBRL_REGION = "AU";

  /** {@code inputs} through a standardiser with {@link #FEBRL_REGION} as the default phone region. */
  static List<MatchRecord> standardise(List<MatchInput> inputs) {
    Standardiser standardiser = Standardiser.withDefaultRegion(FEBRL_REGION);
    List<MatchRecord> records = new ArrayList<>(inputs.size());
    for (MatchInput input : inputs) {
      records.add(standardiser.standardise(input));
    }
    return records;
  }

  /**
   * Reads a FEBRL file as a user's export is read, nothing cleaned: given_name and surname as the
   * name parts, street_number, address_1 and address_2 as the street, suburb as the city, postcode,
   * state as the region, date_of_birth (yyyyMMdd; an invalid date is absent and noted as a
   * warning), soc_sec_id as the identifier, kind person.
   */
  static List<MatchInput> readInputs(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<MatchInput> inputs = new ArrayList<>(lines.size());
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] c = line.split(",", -1);
      MatchInput.Builder b = new MatchInput.Builder().id(c[0].trim()).kind(CustomerKind.PERSON);
      raw(c[1]).ifPresent(b::givenName);
      raw(c[2]).ifPresent(b::familyName);
      String street = String.join(" ", c[3].trim(), c[4].trim(), c[5].trim()).strip();
      if (!street.isEmpty()) {
        b.street(street);
      }
      raw(c[6]).ifPresent(b::city);
      raw(c[7]).ifPresent(b::postcode);
      raw(c[8]).ifPresent(b::region);
      raw(c[9]).map(String::trim).ifPresent(d -> {
        try {
          b.birthDate(LocalDate.parse(d, BIRTH_DATE));
        } catch (DateTimeParseException invalid) {
          b.addWarning("birthDate: not a date: " + d);
        }
      });
      raw(c[10]).ifPresent(b::identifier);
      inputs.add(b.build());
    }
    return inputs;
  }

  private static Optional<String> raw(String cell) {
    return cell.isBlank() ? Optional.empty() : Optional.of(cell);
  }

  private static Optional<String> value(String raw) {
    String v = raw.trim().toLowerCase(Locale.ROOT);
    return v.isEmpty() ? Optional.empty() : Optional.of(v);
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("options are --name value, got " + args[i]);
      }
      String name = args[i].substring(2);
      if (name.equals("print-parameters")) {
        options.put(name, "true");
      } else if (i + 1 < args.length) {
        options.put(name, args[++i]);
      } else {
        throw new IllegalArgumentException("option --" + name + " needs a value");
      }
    }
    return options;
  }
}
