package io.crmkit.privacy.anonymise;

import io.crmkit.core.common.Require;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the anonymised output must satisfy and what the search optimises. Start from
 * {@link #kAnonymity(int, Map)} and adjust with the {@code with...} methods.
 *
 * @param quasiIdentifiers the columns an attacker may link on, each with its hierarchy, in the
 *     order the report lists their levels
 * @param k the smallest class size allowed in the output
 * @param suppressionLimit the fraction of records (0 to 1) that may be suppressed to reach k
 * @param sensitiveColumn the column distinct l-diversity applies to, or {@code null} for none
 * @param l distinct sensitive values each class must hold (1 means no l-diversity)
 * @param metric what the search minimises
 */
public record Settings(
    Map<String, Hierarchy> quasiIdentifiers,
    int k,
    double suppressionLimit,
    String sensitiveColumn,
    int l,
    Metric metric) {

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
  }

  /**
   * k-anonymity with no suppression, no l-diversity, optimising discernibility.
   *
   * @param k the smallest class size allowed
   * @param quasiIdentifiers column name to its hierarchy, in report order
   * @return the settings
   */
  public static Settings kAnonymity(int k, Map<String, Hierarchy> quasiIdentifiers) {
    return new Settings(quasiIdentifiers, k, 0.0, null, 1, Metric.DISCERNIBILITY);
  }

  /**
   * @param limit the fraction of records (0 to 1) that may be suppressed
   * @return these settings with that suppression budget
   */
  public Settings withSuppressionLimit(double limit) {
    return new Settings(quasiIdentifiers, k, limit, sensitiveColumn, l, metric);
  }

  /**
   * @param column the sensitive column
   * @param distinctValues l, the distinct values of it each class must hold
   * @return these settings with distinct l-diversity
   */
  public Settings withDistinctLDiversity(String column, int distinctValues) {
    Require.notBlank(column, "column");
    return new Settings(quasiIdentifiers, k, suppressionLimit, column, distinctValues, metric);
  }

  /**
   * @param optimised the metric the search minimises
   * @return these settings with that metric
   */
  public Settings optimising(Metric optimised) {
    return new Settings(quasiIdentifiers, k, suppressionLimit, sensitiveColumn, l, optimised);
  }

  /** @return the sensitive column, if l-diversity applies */
  public Optional<String> sensitive() {
    return Optional.ofNullable(sensitiveColumn);
  }
}
