package io.crmkit.io.export;

import io.crmkit.core.common.Require;
import java.util.Optional;

/**
 * What an export writes: its format, its columns, and whether the rows are anonymised.
 *
 * @param format CSV or JSON Lines
 * @param columns the columns of a customer row (with anonymisation, only their attribute columns are used)
 * @param anonymisation k-anonymity of the rows, if requested
 */
public record ExportSettings(ExportFormat format, ExportColumns columns, Optional<Anonymisation> anonymisation) {

  /** @throws NullPointerException if an argument is null */
  public ExportSettings {
    Require.notNull(format, "format");
    Require.notNull(columns, "columns");
    Require.notNull(anonymisation, "anonymisation");
  }

  /** Every customer in the standard columns, not anonymised. */
  public static ExportSettings of(ExportFormat format) {
    return new ExportSettings(format, ExportColumns.standard(), Optional.empty());
  }

  /** These settings with other columns. */
  public ExportSettings withColumns(ExportColumns chosen) {
    return new ExportSettings(format, chosen, anonymisation);
  }

  /** These settings with the rows anonymised. */
  public ExportSettings anonymised(Anonymisation chosen) {
    return new ExportSettings(format, columns, Optional.of(Require.notNull(chosen, "anonymisation")));
  }
}
