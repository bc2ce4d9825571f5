package io.crmkit.examples.cli;

import io.crmkit.core.dedup.MatchInput;
import io.crmkit.core.dedup.MatchRecord;
import io.crmkit.core.dedup.match.Deduplicator;
import io.crmkit.core.dedup.standardise.Standardiser;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The command line's engine: crm-core's {@link Standardiser} prepares each record and its
 * {@link Deduplicator}, with its defaults and the user's thresholds, blocks, compares, fits the
 * model without labels, scores and clusters. It is what a library user gets from the same two
 * classes, so the command shows the library's results, not a variant of them.
 */
final class CoreMatchEngine implements MatchEngine {

  @Override
  public Result deduplicate(List<MatchInput> records, Settings settings) {
    List<MatchRecord> standardised = standardise(records, settings);
    return result(deduplicator(settings).run(standardised), records, standardised);
  }

  @Override
  public Result link(List<MatchInput> left, List<MatchInput> right, Settings settings) {
    List<MatchRecord> leftRecords = standardise(left, settings);
    List<MatchRecord> rightRecords = standardise(right, settings);
    Deduplicator.Result linked = deduplicator(settings).link(leftRecords, rightRecords);
    return result(linked, concat(left, right), concat(leftRecords, rightRecords));
  }

  private static Deduplicator deduplicator(Settings settings) {
    return Deduplicator.builder().thresholds(settings.matchThreshold(), settings.reviewThreshold()).build();
  }

  /** Standardises on every core: each record on its own, in input order. */
  private static List<MatchRecord> standardise(List<MatchInput> records, Settings settings) {
    Standardiser standardiser = Standardiser.withDefaultRegion(settings.defaultRegion());
    return records.parallelStream().map(standardiser::standardise).toList();
  }

  /**
   * The engine's result with the warnings standardising added; a record carries its input's
   * warnings too, but the command has shown those already.
   */
  private static Result result(Deduplicator.Result found, List<MatchInput> inputs, List<MatchRecord> records) {
    List<String> warnings = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      MatchRecord record = records.get(i);
      List<String> read = inputs.get(i).warnings();
      record.warnings().stream().filter(warning -> !read.contains(warning))
          .forEach(warning -> warnings.add("record " + record.id() + ": " + warning));
    }
    return new Result(found.pairs(), found.entities(), found.statistics().candidatePairs(), warnings);
  }

  private static <T> List<T> concat(List<T> left, List<T> right) {
    return Stream.concat(left.stream(), right.stream()).toList();
  }
}
