package io.crmkit.io.export;

import io.crmkit.core.common.Require;
import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.Customer;
import io.crmkit.privacy.access.AccessDeniedException;
import io.crmkit.privacy.access.ProtectedCrm;
import io.crmkit.privacy.anonymise.Anonymiser;
import io.crmkit.privacy.anonymise.Table;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * Writes the customers matching a {@link Criteria} to a CSV or JSON Lines file, as the calling user
 * may see them. Every export goes through {@link ProtectedCrm#export}, so the caller needs the
 * EXPORT permission (otherwise {@link AccessDeniedException} before anything is written), values of
 * a category the caller may not read in clear are masked, and the export is recorded in the audit
 * log (one {@code EXPORT} entry with the query's shape and the count).
 *
 * <p>A plain export streams: customers are read a page at a time and each row is written as it
 * is read, so memory stays constant whatever the store's size. An {@linkplain Anonymisation
 * anonymised} export must see every row before it can generalise any, so it holds the anonymised
 * columns of the matching customers (never their direct identifiers) in memory and writes nothing
 * until anonymisation succeeded. CSV cells are neutralised against formula injection ({@link
 * FormulaGuard}).
 *
 * <pre>{@code
 * Exporter exporter = Exporter.of(protectedCrm);
 * try (OutputStream out = Files.newOutputStream(path)) {
 *   exporter.export(Criteria.stageIs(LifecycleStage.ACTIVE), ExportSettings.of(ExportFormat.CSV), out);
 * }
 * }</pre>
 */
public final class Exporter {
  private final ProtectedCrm crm;

  private Exporter(ProtectedCrm crm) {
    this.crm = crm;
  }

  /**
   * An exporter reading through {@code crm}, for whichever caller its {@code CallerContext} names.
   *
   * @throws NullPointerException if {@code crm} is null
   */
  public static Exporter of(ProtectedCrm crm) {
    return new Exporter(Require.notNull(crm, "crm"));
  }

  /** As {@link #export(Criteria, ExportSettings, OutputStream, LongConsumer)} without progress. */
  public ExportResult export(Criteria criteria, ExportSettings settings, OutputStream out) {
    return export(criteria, settings, out, done -> { });
  }

  /**
   * Writes the matching customers, in id order, to {@code out} (flushed, not closed).
   *
   * @param criteria which customers
   * @param settings format, columns, anonymisation
   * @param out where the file goes
   * @param progress told the number of customers read so far, after each
   * @return rows written, the header, and the anonymisation report
   * @throws AccessDeniedException if the caller may not export; nothing is written
   * @throws Anonymiser.NoSolutionException if no generalisation reaches k (and l) within the
   *     suppression limit; nothing is written
   * @throws IllegalArgumentException if the sensitive column is not one of the anonymised columns
   * @throws UncheckedIOException if {@code out} cannot be written
   */
  public ExportResult export(Criteria criteria, ExportSettings settings, OutputStream out, LongConsumer progress) {
    Require.notNull(criteria, "criteria");
    Require.notNull(settings, "settings");
    Require.notNull(out, "out");
    Require.notNull(progress, "progress");
    try {
      if (settings.anonymisation().isPresent()) {
        return anonymised(criteria, settings, settings.anonymisation().get(), out, progress);
      }
      return plain(criteria, settings, out, progress);
    } catch (IOException e) {
      throw new UncheckedIOException("the export cannot be written", e);
    }
  }

  private ExportResult plain(Criteria criteria, ExportSettings settings, OutputStream out, LongConsumer progress)
      throws IOException {
    ExportColumns columns = settings.columns();
    long rows = 0;
    try (Stream<Customer> customers = crm.export(criteria);
        RowWriter writer = RowWriter.open(settings.format(), columns.header(), out)) {
      Iterator<Customer> each = customers.iterator();
      while (each.hasNext()) {
        writer.write(columns.cells(each.next()));
        progress.accept(++rows);
      }
    }
    return new ExportResult(rows, columns.header(), Optional.empty());
  }

  private ExportResult anonymised(Criteria criteria, ExportSettings settings, Anonymisation anonymisation,
      OutputStream out, LongConsumer progress) throws IOException {
    List<String> header = anonymisation.header(settings.columns());
    List<List<String>> rows = new ArrayList<>();
    try (Stream<Customer> customers = crm.export(criteria)) {
      Iterator<Customer> each = customers.iterator();
      while (each.hasNext()) {
        rows.add(anonymisation.row(each.next(), settings.columns()));
        progress.accept(rows.size());
      }
    }
    if (rows.isEmpty()) {
      RowWriter.open(settings.format(), header, out).close();
      return new ExportResult(0, header, Optional.of(new Anonymiser.Report(Map.of(), 0, 0, 0, 0, 0, 0, 0)));
    }
    Anonymiser.Result result = Anonymiser.anonymise(new Table(header, rows), anonymisation.settings());
    try (RowWriter writer = RowWriter.open(settings.format(), header, out)) {
      for (List<String> row : result.table().rows()) {
        writer.write(row);
      }
    }
    return new ExportResult(result.table().size(), header, Optional.of(result.report()));
  }
}
