package io.crmkit.core.quality;

import io.crmkit.core.common.Require;
import io.crmkit.core.customer.CustomerId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How good a set of customers is, as {@link DataQuality} measured it at {@link #asOf()}: one
 * section per quality dimension and a 0-100 score for each. Immutable; the field names are the
 * JSON names ({@code CrmJson.newMapper()} writes and reads it) and stay stable across versions.
 *
 * <p>Shares are fractions in [0, 1]; a share of nothing (no customer the measure applies to) is 0.
 * Customers are named by id, never by a value, because the values are personal data.
 *
 * @param asOf the instant ages are measured from (the {@link DataQuality}'s clock when it started)
 * @param customers how many customers were read
 * @param completeness one entry per field, in a fixed order (see {@link DataQuality})
 * @param validity one entry per validity rule
 * @param uniqueness duplicates by exact standardised keys
 * @param freshness ages since the last update and, if activity was given, since the last contact
 * @param consistency one entry per consistency rule
 * @param scores the 0-100 score per dimension and overall
 */
public record QualityReport(
    Instant asOf,
    long customers,
    List<FieldCompleteness> completeness,
    List<RuleResult> validity,
    Uniqueness uniqueness,
    Freshness freshness,
    List<RuleResult> consistency,
    Scores scores) {

  public QualityReport {
    Require.notNull(asOf, "asOf");
    Require.atLeast(customers, 0, "customers");
    completeness = List.copyOf(completeness);
    validity = List.copyOf(validity);
    Require.notNull(uniqueness, "uniqueness");
    Require.notNull(freshness, "freshness");
    consistency = List.copyOf(consistency);
    Require.notNull(scores, "scores");
  }

  /** The completeness entry of {@code field} (for example {@code phone} or {@code dimension:region}). */
  public Optional<FieldCompleteness> completenessOf(String field) {
    return completeness.stream().filter(entry -> entry.field().equals(field)).findFirst();
  }

  /** The validity or consistency result of {@code rule} (for example {@code phone-e164}). */
  public Optional<RuleResult> resultOf(String rule) {
    return validity.stream().filter(result -> result.rule().equals(rule)).findFirst()
        .or(() -> consistency.stream().filter(result -> result.rule().equals(rule)).findFirst());
  }

  /** {@code part} of {@code whole} as a fraction; 0 when {@code whole} is 0. */
  static double share(long part, long whole) {
    return whole == 0 ? 0.0 : (double) part / whole;
  }

  /**
   * How many of the customers a field applies to have it.
   *
   * @param field the field's stable name
   * @param applicable the customers the field applies to (a birth date applies to persons only)
   * @param present those of them that have it
   * @param share {@code present / applicable}
   */
  public record FieldCompleteness(String field, long applicable, long present, double share) {
    public FieldCompleteness {
      Require.notBlank(field, "field");
      Require.inRange(present, 0, applicable, "present");
      Require.inRange(share, 0.0, 1.0, "share");
    }
  }

  /**
   * The customers a rule checked and those it found at fault: a customer with two bad phones
   * counts once.
   *
   * @param rule the rule's stable name
   * @param checked customers that had something for the rule to check
   * @param failed those of them with at least one fault
   * @param share {@code failed / checked}
   * @param examples the first few failing customers in reading order (at most {@link DataQuality#MAX_EXAMPLES})
   */
  public record RuleResult(String rule, long checked, long failed, double share, List<CustomerId> examples) {
    public RuleResult {
      Require.notBlank(rule, "rule");
      Require.inRange(failed, 0, checked, "failed");
      Require.inRange(share, 0.0, 1.0, "share");
      examples = List.copyOf(examples);
    }
  }

  /**
   * Duplicates by one kind of exact standardised key: the first phone (E.164), the first e-mail
   * (folded), the identifier the matcher uses.
   *
   * @param key {@code phone}, {@code email} or {@code identifier}
   * @param customersWithKey customers that have the key (exact)
   * @param customersSharingKey customers whose key another customer has too (estimated unless {@code exact})
   * @param distinctKeys distinct keys (estimated unless {@code exact})
   * @param estimatedDuplicates {@code customersWithKey - distinctKeys}: customers beyond the first of each key
   * @param duplicateRate {@code estimatedDuplicates / customers}
   * @param exact whether every key was kept; otherwise the counts are scaled up from a hash sample
   * @param sampleRate the fraction of keys kept (1 when exact)
   */
  public record KeyUniqueness(String key, long customersWithKey, long customersSharingKey, long distinctKeys,
      long estimatedDuplicates, double duplicateRate, boolean exact, double sampleRate) {
    public KeyUniqueness {
      Require.notBlank(key, "key");
      Require.inRange(duplicateRate, 0.0, 1.0, "duplicateRate");
    }
  }

  /**
   * Uniqueness over every key kind.
   *
   * @param keys one entry per key kind
   * @param estimatedDuplicateRate the largest {@link KeyUniqueness#duplicateRate()}: an estimate
   *     by exact keys only, which misses duplicates no key reveals (a changed phone, a typo) and
   *     counts different customers who share a key (a family's e-mail, a switchboard number) as
   *     duplicates; the matcher's probabilistic scores are the exact answer
   * @param estimatedDistinctCustomers {@code customers} less the duplicates of that key kind
   */
  public record Uniqueness(List<KeyUniqueness> keys, double estimatedDuplicateRate, long estimatedDistinctCustomers) {
    public Uniqueness {
      keys = List.copyOf(keys);
      Require.inRange(estimatedDuplicateRate, 0.0, 1.0, "estimatedDuplicateRate");
    }
  }

  /**
   * How long ago something happened, in whole days, over the customers it happened to.
   *
   * @param counted customers with a time to measure
   * @param never customers without one (no contact recorded); 0 for updates
   * @param p50Days the median age (nearest rank), 0 when nothing was counted
   * @param p90Days the 90th percentile
   * @param p99Days the 99th percentile
   * @param maxDays the oldest, capped at {@link DataQuality#MAX_AGE_DAYS}
   * @param buckets counts by age band, youngest first, each with its share of {@code counted}
   */
  public record Ages(long counted, long never, long p50Days, long p90Days, long p99Days, long maxDays,
      List<AgeBucket> buckets) {
    public Ages {
      buckets = List.copyOf(buckets);
    }
  }

  /**
   * One age band.
   *
   * @param label a stable name ({@code under-30-days}, {@code under-1-year}, ... {@code older})
   * @param underDays the band's exclusive upper bound in days; absent for the last band
   * @param count customers in the band
   * @param share {@code count / counted}
   */
  public record AgeBucket(String label, Optional<Long> underDays, long count, double share) {
    public AgeBucket {
      Require.notBlank(label, "label");
      Require.notNull(underDays, "underDays");
    }
  }

  /**
   * Freshness.
   *
   * @param sinceUpdate age of each customer's {@code updatedAt}
   * @param sinceContact age of each customer's last purchase or interaction; absent when the
   *     measurement had no {@link LastContacts}
   * @param horizonDays the age up to which a record counts as fresh for the score
   */
  public record Freshness(Ages sinceUpdate, Optional<Ages> sinceContact, long horizonDays) {
    public Freshness {
      Require.notNull(sinceUpdate, "sinceUpdate");
      Require.notNull(sinceContact, "sinceContact");
    }
  }

  /**
   * The 0-100 scores, each rounded to one decimal; {@code overall} is their mean. See
   * {@link DataQuality} for each formula.
   */
  public record Scores(double completeness, double validity, double uniqueness, double freshness,
      double consistency, double overall) {
    public Scores {
      for (double score : new double[] {completeness, validity, uniqueness, freshness, consistency, overall}) {
        Require.inRange(score, 0.0, 100.0, "score");
      }
    }
  }
}
