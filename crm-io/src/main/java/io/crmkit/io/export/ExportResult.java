package io.crmkit.io.export;

import io.crmkit.core.common.Require;
import io.crmkit.privacy.anonymise.Anonymiser;
import java.util.List;
import java.util.Optional;

/**
 * What an export wrote.
 *
 * @param rows data rows written (the header not counted)
 * @param header the columns, in file order
 * @param anonymisation the anonymiser's utility report (suppressed rows, classes, discernibility,
 *     generalisation loss, levels), if the rows were anonymised
 */
public record ExportResult(long rows, List<String> header, Optional<Anonymiser.Report> anonymisation) {

  /** @throws NullPointerException if an argument is null */
  public ExportResult {
    Require.atLeast(rows, 0, "rows");
    header = List.copyOf(Require.notNull(header, "header"));
    Require.notNull(anonymisation, "anonymisation");
  }
}
