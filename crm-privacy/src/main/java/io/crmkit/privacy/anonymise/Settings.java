package io.crmkit.privacy.anonymise;

import io.crmkit.core.common.Require;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the anonymised output must satisfy, how it is recoded and what the search optimises. Start
 * from {@link #kAnonymity(int, Map)} and adjust with the {@code with...} methods.
 *
 * @param quasiIdentifiers the columns an attacker may link on, each with its hierarchy, in the
 *     order the report lists their levels
 * @param k the smallest class size allowed in the output
 * @param suppressionLimit the fraction of records (0 to 1) that may be suppressed to reach k
 * @param sensitiveColumn the column distinct l-diversity applies to, or {@code null} for none
 * @param l distinct sensitive values each class must hold (1 means no l-diversity)
 * @param metric what the search minimises (full-domain recoding; local recoding reports it but
 *     is steered by its splits, see {@link Recoding#LOCAL})
 * @param recoding how values are recoded: full-domain (the default) or local
 */
public record Settings(
    Map<String, Hierarchy> quasiIdentifiers,
    int k,
    double suppressionLimit,
    String sensitiveColumn,
    int l,
    Metric metric,
    Recoding recoding) {

  /**
   * How generalised values are chosen. Full-domain is consistent (a value always becomes the same
   * output) and optimal for the metric; local recoding keeps far more detail because each class is
   * generalised only as much as it needs.
   */
  public enum Recoding {
    /**
     * Every value of a quasi-identifier recoded to the same hierarchy level, the level vector the
     * optimum of the {@link Metric} over the whole lattice (what ARX does by default).
     */
    FULL_DOMAIN,

    /**
     * Multidimensional local recoding in the manner of Mondrian (LeFevre, DeWitt and Ramakrishnan
     * 2006): the records are split top-down, each split keeping at least k records (and l distinct
     * sensitive values) on every side, and each class is generalised to the tightest value covering
     * its records: a hierarchy node for a categorical column, a range {@code [low-high]} for a
     * numeric one. The same value may be generalised differently in different classes.
     */
    LOCAL
  }

  /** Checks every bound once, so the search can trust its settings. */
  public Settings {
    Require.notNull(quasiIdentifiers, "quasiIdentifiers");
    Require.argument(!quasiIdentifiers.isEmpty(), "at least one quasi-identifier is needed");
    quasiIdentifiers.forEach((name, hierarchy) -> {
      Require.notBlank(name, "quasi-identifier name");
      Require.notNull(hierarchy, "hierarchy of " + name);
    });
    quasiIdentifiers = Collections.unmodifiableMap(new LinkedHashMap<>(quasiIdentifiers));
    Require.positive(k, "k");
    Require.inRange(suppressionLimit, 0.0, 1.0, "suppressionLimit");
    Require.positive(l, "l");
    Require.argument(sensitiveColumn != null || l == 1,
        "l-diversity (l = %s) needs a sensitive column", l);
    Require.argument(sensitiveColumn == null || !quasiIdentifiers.containsKey(sensitiveColumn),
        "the sensitive column %s cannot also be a quasi-identifier", sensitiveColumn);
    Require.notNull(metric, "metric");
    Require.notNull(recoding, "recoding");
  }

  /**
   * Settings with full-domain recoding, the shape these settings had before local recoding existed.
   *
   * @param quasiIdentifiers the columns an attacker may link on, each with its hierarchy
   * @param k the smallest class size allowed in the output
   * @param suppressionLimit the fraction of records (0 to 1) that may be suppressed
   * @param sensitiveColumn the column distinct l-diversity applies to, or {@code null}
   * @param l distinct sensitive values each class must hold
   * @param metric what the search minimises
   */
  public Settings(Map<String, Hierarchy> quasiIdentifiers, int k, double suppressionLimit,
      String sensitiveColumn, int l, Metric metric) {
    this(quasiIdentifiers, k, suppressionLimit, sensitiveColumn, l, metric, Recoding.FULL_DOMAIN);
  }

  /**
   * k-anonymity with no suppression, no l-diversity, optimising discernibility.
   *
   * @param k the smallest class size allowed
   * @param quasiIdentifiers column name to its hierarchy, in report order
   * @return the settings
   */
  public static Settings kAnonymity(int k, Map<String, Hierarchy> quasiIdentifiers) {
    return new Settings(quasiIdentifiers, k, 0.0, null, 1, Metric.DISCERNIBILITY, Recoding.FULL_DOMAIN);
  }

  /**
   * @param limit the fraction of records (0 to 1) that may be suppressed
   * @return these settings with that suppression budget
   */
  public Settings withSuppressionLimit(double limit) {
    return new Settings(quasiIdentifiers, k, limit, sensitiveColumn, l, metric, recoding);
  }

  /**
   * @param column the sensitive column
   * @param distinctValues l, the distinct values of it each class must hold
   * @return these settings with distinct l-diversity
   */
  public Settings withDistinctLDiversity(String column, int distinctValues) {
    Require.notBlank(column, "column");
    return new Settings(quasiIdentifiers, k, suppressionLimit, column, distinctValues, metric, recoding);
  }

  /**
   * @param optimised the metric the search minimises
   * @return these settings with that metric
   */
  public Settings optimising(Metric optimised) {
    return new Settings(quasiIdentifiers, k, suppressionLimit, sensitiveColumn, l, optimised, recoding);
  }

  /**
   * @param chosen full-domain (the default) or local recoding
   * @return these settings with that recoding
   */
  public Settings withRecoding(Recoding chosen) {
    return new Settings(quasiIdentifiers, k, suppressionLimit, sensitiveColumn, l, metric, chosen);
  }

  /** @return the sensitive column, if l-diversity applies */
  public Optional<String> sensitive() {
    return Optional.ofNullable(sensitiveColumn);
  }
}
