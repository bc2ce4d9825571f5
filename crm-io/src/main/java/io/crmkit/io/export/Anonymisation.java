package io.crmkit.io.export;

import io.crmkit.core.common.Require;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.ValueTier;
import io.crmkit.privacy.anonymise.Metric;
import io.crmkit.privacy.anonymise.Settings;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * An export made k-anonymous (and, optionally, distinct l-diverse) by crm-privacy's {@code
 * Anonymiser}, for data that leaves the company's control. Its rows carry no direct identifier:
 * only {@code kind}, {@code stage}, {@code tier}, the chosen {@link QuasiIdentifier}s generalised
 * along their hierarchies, and the custom attributes the export's columns name; every combination
 * of quasi-identifier values is shared by at least k rows or suppressed ({@code *}).
 *
 * @param quasiIdentifiers the quasi-identifiers kept, in column order; at least one
 * @param k the fewest rows a combination of quasi-identifier values may be shared by
 * @param suppressionLimit the fraction of rows (0 to 1) that may be suppressed to reach k
 * @param sensitiveColumn the column distinct l-diversity applies to ({@code tier}, {@code stage} or
 *     an {@code attr.<name>} column of the export), if any
 * @param l distinct sensitive values each class must hold (1: no l-diversity)
 * @param recoding full-domain (every value of a column to the same level) or local (Mondrian)
 */
public record Anonymisation(List<QuasiIdentifier> quasiIdentifiers, int k, double suppressionLimit,
    Optional<String> sensitiveColumn, int l, Settings.Recoding recoding) {

  /** The columns before the quasi-identifiers: what an anonymised row says that identifies no one. */
  static final List<String> LEADING = List.of("kind", "stage", "tier");

  /**
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if no quasi-identifier is given or one twice, k or l is below
   *     1, the limit is outside 0 to 1, or l-diversity has no sensitive column
   */
  public Anonymisation {
    quasiIdentifiers = List.copyOf(Require.notNull(quasiIdentifiers, "quasiIdentifiers"));
    Require.argument(!quasiIdentifiers.isEmpty(), "at least one quasi-identifier is needed");
    Require.argument(new LinkedHashSet<>(quasiIdentifiers).size() == quasiIdentifiers.size(),
        "a quasi-identifier is named twice: %s", quasiIdentifiers);
    Require.positive(k, "k");
    Require.inRange(suppressionLimit, 0.0, 1.0, "suppressionLimit");
    Require.notNull(sensitiveColumn, "sensitiveColumn");
    Require.positive(l, "l");
    Require.argument(l == 1 || sensitiveColumn.isPresent(), "l-diversity (l = %s) needs a sensitive column", l);
    Require.notNull(recoding, "recoding");
  }

  /** k-anonymity on the given quasi-identifiers: no suppression, no l-diversity, full-domain recoding. */
  public static Anonymisation kAnonymity(int k, List<QuasiIdentifier> quasiIdentifiers) {
    return new Anonymisation(quasiIdentifiers, k, 0.0, Optional.empty(), 1, Settings.Recoding.FULL_DOMAIN);
  }

  /** These settings with at most {@code limit} (0 to 1) of the rows suppressed. */
  public Anonymisation withSuppressionLimit(double limit) {
    return new Anonymisation(quasiIdentifiers, k, limit, sensitiveColumn, l, recoding);
  }

  /** These settings with at least {@code distinctValues} values of {@code column} in every class. */
  public Anonymisation withDistinctLDiversity(String column, int distinctValues) {
    Require.notBlank(column, "column");
    return new Anonymisation(quasiIdentifiers, k, suppressionLimit, Optional.of(column), distinctValues, recoding);
  }

  /** These settings with the given recoding. */
  public Anonymisation withRecoding(Settings.Recoding chosen) {
    return new Anonymisation(quasiIdentifiers, k, suppressionLimit, sensitiveColumn, l, chosen);
  }

  /**
   * The anonymised rows' columns for an export of {@code columns}: kind, stage, tier, the
   * quasi-identifiers, then the export's {@code attr.<name>} columns.
   *
   * @throws IllegalArgumentException if the sensitive column is not one of them or is a quasi-identifier
   */
  List<String> header(ExportColumns columns) {
    List<String> header = new ArrayList<>(LEADING);
    quasiIdentifiers.forEach(q -> header.add(q.column()));
    columns.attributeNames().forEach(a -> header.add(ExportColumns.ATTRIBUTE_PREFIX + a));
    sensitiveColumn.ifPresent(s -> Require.argument(header.contains(s)
            && quasiIdentifiers.stream().noneMatch(q -> q.column().equals(s)),
        "the sensitive column %s must be one of kind, stage, tier or an exported attribute column", s));
    return header;
  }

  /** A customer's row before anonymisation, in {@link #header} order. */
  List<String> row(Customer customer, ExportColumns columns) {
    List<String> row = new ArrayList<>();
    row.add(customer.kind().name());
    row.add(customer.stage().name());
    row.add(customer.tier().map(ValueTier::name).orElse(""));
    quasiIdentifiers.forEach(q -> row.add(q.valueOf(customer)));
    columns.attributeNames().forEach(a -> row.add(ExportColumns.attribute(customer.attributes().get(a))));
    return row;
  }

  /** The anonymiser's settings, optimising generalisation loss (ARX's default). */
  Settings settings() {
    return new Settings(QuasiIdentifier.hierarchies(quasiIdentifiers), k, suppressionLimit,
        sensitiveColumn.orElse(null), l, Metric.GENERALISATION_LOSS, recoding);
  }
}
