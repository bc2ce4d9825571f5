package io.crmkit.examples.cli;

import io.crmkit.core.dedup.ScoredPair;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a {@code dedup} run tells its user: the rows it rejected and the warnings on standard
 * error as soon as the files are read, and the closing summary on standard output.
 *
 * @param read the files read, INPUT first
 * @param result what matching found
 * @param ids every record's id, in reading order
 * @param pairs where the pairs were written
 * @param clusters where the clusters were written
 * @param time how long the run took, reading and writing included
 */
record DedupReport(List<CustomerFile.Contents> read, MatchEngine.Result result, List<String> ids, Path pairs,
    Path clusters, Duration time) {

  /** Messages of each kind printed one by one before the rest are only counted. */
  static final int MESSAGES_SHOWN = 20;

  /** Rejected rows and warnings on standard error: the first ones in full, the rest counted. */
  static void problems(PrintWriter err, List<CustomerFile.Contents> read) {
    List<String> rejections = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (CustomerFile.Contents contents : read) {
      rejections.addAll(contents.rejections());
      contents.records().forEach(record -> warnings.addAll(record.warnings()));
    }
    show(err, "rejected", rejections);
    show(err, "warning", warnings);
    err.flush();
  }

  /** What the engine doubted or dropped while preparing the records, on standard error as {@link #problems} does. */
  static void engineWarnings(PrintWriter err, MatchEngine.Result result) {
    show(err, "warning", result.warnings());
    err.flush();
  }

  private static void show(PrintWriter err, String label, List<String> messages) {
    messages.stream().limit(MESSAGES_SHOWN).forEach(message -> err.println(label + ": " + message));
    if (messages.size() > MESSAGES_SHOWN) {
      err.printf(Locale.ROOT, "%s: and %,d more%n", label, messages.size() - MESSAGES_SHOWN);
    }
  }

  /** Prints the summary: records, rejections, warnings, candidate pairs, matches, reviews, entities, time, outputs. */
  void print(PrintWriter out) {
    long matches = count(ScoredPair.Decision.MATCH);
    long reviews = count(ScoredPair.Decision.REVIEW);
    long entities = ids.stream().map(id -> result.entityOf().getOrDefault(id, id)).distinct().count();
    List<String> perFile = read.stream()
        .map(contents -> String.format(Locale.ROOT, "%s %,d", contents.name(), contents.records().size()))
        .toList();
    line(out, "records read", String.format(Locale.ROOT, "%,d", ids.size())
        + (read.size() > 1 ? " (" + String.join(", ", perFile) + ")" : ""));
    line(out, "rejected rows", number(read.stream().mapToLong(contents -> contents.rejections().size()).sum()));
    line(out, "warnings", number(read.stream().mapToLong(CustomerFile.Contents::warnings).sum()
        + result.warnings().size()));
    line(out, "candidate pairs", number(result.candidatePairs()));
    line(out, "matches", number(matches));
    line(out, "reviews", number(reviews));
    line(out, "entities", number(entities));
    line(out, "time", String.format(Locale.ROOT, "%.2f s", time.toNanos() / 1e9));
    line(out, "pairs", pairs.toString());
    line(out, "clusters", clusters.toString());
    out.flush();
  }

  private long count(ScoredPair.Decision decision) {
    return result.pairs().stream().filter(pair -> pair.decision() == decision).count();
  }

  private static String number(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  private static void line(PrintWriter out, String label, String value) {
    out.printf(Locale.ROOT, "%-16s %s%n", label, value);
  }
}
