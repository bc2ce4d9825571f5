package io.crmkit.io.imports;

import io.crmkit.core.common.Require;
import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.dedup.MatchRecord;
import io.crmkit.core.dedup.match.Deduplicator;
import io.crmkit.core.dedup.match.MatchModel;
import io.crmkit.core.dedup.standardise.MatchInputs;
import io.crmkit.core.dedup.standardise.Standardiser;
import io.crmkit.io.CrmStores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Fits the match model an import matches with when the caller has none: a batch run of crm-core's
 * {@link Deduplicator} (default rules) over a sample of the stored customers and of the file's
 * first rows, read exactly as the import reads them. The sample keeps the fit's cost bounded
 * whatever the sizes of store and file; the model's term frequencies are the sample's.
 */
public final class ImportMatching {
  private ImportMatching() {}

  /**
   * A model fitted on up to {@code sampleSize} stored customers and up to {@code sampleSize}
   * readable rows of {@code source}.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code sampleSize} is below 2
   * @throws UncheckedIOException if the file cannot be read
   */
  public static MatchModel fit(CrmStores stores, ImportSource source, ColumnMapping mapping, String system,
      int sampleSize) {
    Require.notNull(stores, "stores");
    Require.notNull(source, "source");
    Require.notNull(mapping, "mapping");
    Require.notBlank(system, "system");
    Require.atLeast(sampleSize, 2, "sampleSize");
    Standardiser standardiser = Standardiser.withDefaultRegion(mapping.phoneRegion());
    List<MatchRecord> records = new ArrayList<>();
    try (Stream<Customer> stored = stores.base().customers().stream(Criteria.all())) {
      stored.limit(sampleSize).forEach(c -> records.add(standardiser.standardise(MatchInputs.of(c))));
    }
    RowAssembler assembler = new RowAssembler(mapping, system, SourceIdentity.contentTag(source));
    int rows = 0;
    try (RowReader reader = RowReader.open(source)) {
      while (rows < sampleSize && reader.hasNext()) {
        SourceRow row = reader.next();
        if (!row.readable()) {
          continue;
        }
        var assembled = assembler.assemble(row);
        if (assembled.customer().isPresent()) {
          Customer customer = new Customer.Builder().from(assembled.customer().get())
              .id(CustomerId.of(new UUID(0, row.row()))).version(0).createdAt(Instant.EPOCH)
              .updatedAt(Instant.EPOCH).build();
          records.add(standardiser.standardise(MatchInputs.of(customer)));
          rows++;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(source.file() + " cannot be read: " + e.getMessage(), e);
    }
    Deduplicator dedup = Deduplicator.withDefaults();
    return dedup.model(dedup.run(records).parameters(), records);
  }
}
