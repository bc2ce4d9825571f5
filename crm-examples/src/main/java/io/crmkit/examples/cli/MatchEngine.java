package io.crmkit.examples.cli;

import io.crmkit.core.dedup.MatchInput;
import io.crmkit.core.dedup.ScoredPair;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The one seam between the command line and matching: records in, scored pairs, entities and
 * statistics out. The command reads files, checks options and writes results; everything from
 * standardising a record to clustering is on the other side, so that the command stays the same
 * whichever engine matches.
 */
interface MatchEngine {

  /**
   * Finds the duplicates among {@code records}.
   *
   * @param records the records, with ids unique among them
   */
  Result deduplicate(List<MatchInput> records, Settings settings);

  /**
   * Links two sets of records: pairs only ever join a record of {@code left} to one of {@code right}.
   *
   * @param left the records of one file, with ids unique across both sets
   * @param right the records of the other file
   */
  Result link(List<MatchInput> left, List<MatchInput> right, Settings settings);

  /**
   * What the user chose for matching.
   *
   * @param matchThreshold the probability from which a pair is the same customer
   * @param reviewThreshold the probability from which a pair goes to review, at most {@code matchThreshold}
   * @param defaultRegion the ISO 3166 region of phone numbers written without a country code
   */
  record Settings(double matchThreshold, double reviewThreshold, String defaultRegion) {
    public Settings {
      Objects.requireNonNull(defaultRegion, "defaultRegion");
      if (!(0 <= reviewThreshold && reviewThreshold <= matchThreshold && matchThreshold <= 1)) {
        throw new IllegalArgumentException("thresholds need 0 <= review <= match <= 1, not review "
            + reviewThreshold + " and match " + matchThreshold);
      }
    }
  }

  /**
   * What matching found.
   *
   * @param pairs the scored pairs worth reporting (matches and reviews; non-matches may be left out)
   * @param entityOf each record's entity id; a record alone is its own entity
   * @param candidatePairs how many pairs blocking proposed for comparison
   * @param warnings what the engine doubted or dropped while preparing the records, each naming its
   *     record (an invalid phone number, an unknown region)
   */
  record Result(List<ScoredPair> pairs, Map<String, String> entityOf, long candidatePairs, List<String> warnings) {
    public Result {
      pairs = List.copyOf(pairs);
      entityOf = Map.copyOf(entityOf);
      warnings = List.copyOf(warnings);
      if (candidatePairs < 0) {
        throw new IllegalArgumentException("candidatePairs must not be negative: " + candidatePairs);
      }
    }
  }
}
