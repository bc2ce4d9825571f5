package io.crmkit.io.imports;

import io.crmkit.core.common.Require;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.dedup.match.MatchModel;
import io.crmkit.core.imports.CustomerImporter;
import io.crmkit.io.CrmStores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Imports a CSV or JSON Lines file into a store, row by row in batches and in constant memory:
 * each row is read (strictly, in its declared encoding), mapped ({@link ColumnMapping}),
 * standardised, given its dimension codes (region, customer type), validated and upserted by its
 * external reference with crm-core's {@link CustomerImporter}, and, when a match model is given,
 * matched against the stored customers and the earlier rows of the file with crm-core's
 * incremental matcher: a match above the model's threshold is merged into the stored customer
 * (kept in the lineage, undoable), a probable one is queued for review, the rest are new.
 *
 * <pre>{@code
 * FileImport fileImport = FileImport.builder().stores(stores).imports(importStore)
 *     .mapping(ColumnMapping.read(Path.of("mapping.yaml"))).system("erp").build();
 * ImportReport report = fileImport.run(ImportSource.csv(Path.of("customers.csv")));
 * }</pre>
 *
 * <ul>
 *   <li>A bad row never stops the file: it is reported (row, line, column, rule, message, never
 *       the value) and every good row is written.
 *   <li>Each batch, with the import's {@link ImportCheckpoint}, is one transaction of the store:
 *       an import interrupted at any point resumes after its last committed batch with no row lost
 *       and none repeated, and running a finished import again changes nothing.
 *       {@link Builder#restart} forgets the checkpoint and reads the file from the start (the
 *       upsert by reference still writes no duplicate).
 * </ul>
 *
 * <p>Immutable and thread-safe; run different files at once, not the same import twice.
 */
public final class FileImport {
  private final CrmStores stores;
  private final ImportStore imports;
  private final ColumnMapping mapping;
  private final String system;
  private final int batchSize;
  private final MatchModel model;
  private final boolean restart;
  private final Listener listener;
  private final Path reportCsv;
  private final Path reportJson;
  private final Clock clock;
  private final String actor;

  private FileImport(Builder b) {
    this.stores = Require.notNull(b.stores, "stores");
    this.imports = Require.notNull(b.imports, "imports");
    Require.argument(imports.base() == stores.base(), "the import store must be attached to the same base store");
    this.mapping = Require.notNull(b.mapping, "mapping");
    this.system = b.system;
    this.batchSize = b.batchSize;
    this.model = b.model;
    this.restart = b.restart;
    this.listener = b.listener;
    this.reportCsv = b.reportCsv;
    this.reportJson = b.reportJson;
    this.clock = b.clock;
    this.actor = b.actor;
  }

  /** A builder: stores, import store and mapping are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Imports {@code source}, resuming after its checkpoint if it has one. The import is the file's
   * content read with these settings (encoding, delimiter, header, mapping, system): the same file
   * read with a changed setting is a new import, from row 1.
   *
   * @throws NullPointerException if {@code source} is null
   * @throws ImportSettingsException if the mapping names columns the file lacks, or the import
   *     id's checkpoint was written for another file
   * @throws UnreadableFileException if the header repeats a name or cannot be decoded
   * @throws UncheckedIOException if the file cannot be read or the report not written
   * @throws io.crmkit.core.common.CrmStorageException if the store fails; the batches committed
   *     before stay, and a new run resumes after them
   */
  public ImportReport run(ImportSource source) {
    Require.notNull(source, "source");
    SourceIdentity identity = SourceIdentity.of(source, mapping, system);
    ImportCheckpoints checkpoints = imports.checkpoints();
    if (restart) {
      stores.base().transactions().inTransaction(() -> checkpoints.remove(identity.importId()));
    }
    Optional<ImportCheckpoint> previous = checkpoints.find(identity.importId());
    if (previous.isPresent() && !previous.get().source().equals(identity.description())) {
      throw new ImportSettingsException(String.format("import %s was begun on another file or with other"
          + " settings (%s), not %s; restart it, or give another import id", identity.importId(), previous.get().source(),
          identity.description()));
    }
    long resumeAfter = previous.map(ImportCheckpoint::lastRow).orElse(0L);
    ImportTotals before = previous.map(ImportCheckpoint::totals).orElse(ImportTotals.NONE);
    if (previous.filter(ImportCheckpoint::finished).isPresent()) {
      return new ImportReport(identity.importId(), resumeAfter, before, List.of(), 0, true, true);
    }
    ProblemLog log = reportCsv == null ? ProblemLog.inMemory()
        : ProblemLog.toFiles(reportCsv, reportJson, identity.importId(), resumeAfter);
    try (log; RowReader reader = RowReader.open(source)) {
      RowAssembler assembler = new RowAssembler(mapping, system, identity.contentTag());
      BatchWriter writer = new BatchWriter(stores, checkpoints, system, model, clock, actor);
      ImportTotals totals = before;
      List<Assembled> batch = new ArrayList<>(batchSize);
      boolean columnsChecked = false;
      long lastRow = resumeAfter;
      while (reader.hasNext()) {
        SourceRow row = reader.next();
        if (!columnsChecked && source.format() == ImportSource.Format.CSV) {
          assembler.checkColumns(source, reader.columns());
          reportUnknownColumns(assembler, reader.columns(), resumeAfter, log);
          columnsChecked = true;
        }
        if (row.row() <= resumeAfter) {
          continue;
        }
        batch.add(assemble(assembler, row));
        lastRow = row.row();
        if (batch.size() >= batchSize) {
          totals = commit(writer, identity, batch, lastRow, false, totals, log);
        }
      }
      if (source.format() == ImportSource.Format.JSON_LINES) {
        // A JSON object's members are known only once read: the unmapped ones of the whole file.
        reportUnknownColumns(assembler, reader.columns(), resumeAfter, log);
      }
      reader.fileProblems().forEach(log::add);
      totals = commit(writer, identity, batch, lastRow, true, totals, log);
      log.finish(totals, true);
      return new ImportReport(identity.importId(), resumeAfter, totals, log.kept(), log.count(), true, false);
    } catch (IOException e) {
      throw new UncheckedIOException("closing " + source.file() + " failed: " + e.getMessage(), e);
    }
  }

  private void reportUnknownColumns(RowAssembler assembler, List<String> columns, long resumeAfter, ProblemLog log) {
    if (mapping.unknownColumns() == ColumnMapping.UnknownColumns.REPORT && resumeAfter == 0) {
      for (String column : assembler.unknownColumns(columns)) {
        log.add(new RowProblem(0, 0, column, ImportReport.UNMAPPED_COLUMN,
            "the mapping does not name this column; its values were not imported", RowProblem.Outcome.FILE));
      }
    }
  }

  private static Assembled assemble(RowAssembler assembler, SourceRow row) {
    if (!row.readable()) {
      return new Assembled(row, Optional.empty(), row.problems());
    }
    RowAssembler.Assembled assembled = assembler.assemble(row);
    return new Assembled(row, assembled.customer(), assembled.problems());
  }

  private ImportTotals commit(BatchWriter writer, SourceIdentity identity, List<Assembled> batch, long lastRow,
      boolean finished, ImportTotals totals, ProblemLog log) {
    ImportTotals after = writer.write(identity, batch, lastRow, finished, totals, problems -> {
      problems.forEach(log::add);
      log.flush();
    });
    batch.clear();
    listener.committed(lastRow, after);
    return after;
  }

  /** One row on its way to the store: as read, the customer it became (if it could), its problems so far. */
  record Assembled(SourceRow row, Optional<NewCustomer> customer, List<RowProblem> problems) {}

  /** Told after each committed batch: for progress bars. */
  @FunctionalInterface
  public interface Listener {
    /**
     * A batch is committed.
     *
     * @param lastRow the last row of the batch
     * @param totals the counts so far, earlier runs included
     */
    void committed(long lastRow, ImportTotals totals);
  }

  /** Configures a {@link FileImport}. Not thread-safe. */
  public static final class Builder {
    private CrmStores stores;
    private ImportStore imports;
    private ColumnMapping mapping;
    private String system = "import";
    private int batchSize = 1_000;
    private MatchModel model;
    private boolean restart;
    private Listener listener = (row, totals) -> { };
    private Path reportCsv;
    private Path reportJson;
    private Clock clock = Clock.systemUTC();
    private String actor = "crmkit-import";

    private Builder() {}

    /** The store to import into, with every capability attached (required). */
    public Builder stores(CrmStores value) {
      this.stores = Require.notNull(value, "stores");
      return this;
    }

    /** The import's ports attached to the same base store (required): where checkpoints go. */
    public Builder imports(ImportStore value) {
      this.imports = Require.notNull(value, "imports");
      return this;
    }

    /** Which column feeds which field (required). */
    public Builder mapping(ColumnMapping value) {
      this.mapping = Require.notNull(value, "mapping");
      return this;
    }

    /**
     * The system whose references the {@code id} column holds (default {@code import}).
     *
     * @throws IllegalArgumentException if blank
     */
    public Builder system(String value) {
      this.system = Require.notBlank(value, "system");
      return this;
    }

    /**
     * Rows per transaction (default 1,000): larger is faster, smaller loses less work to a crash.
     *
     * @throws IllegalArgumentException if not between 1 and 100,000
     */
    public Builder batchSize(int value) {
      Require.inRange(value, 1, 100_000, "batchSize");
      this.batchSize = value;
      return this;
    }

    /**
     * Matches new customers against the stored ones and the file's earlier rows with this model
     * (see {@code Deduplicator.model}); without one nothing is matched, the fastest bulk load.
     */
    public Builder matching(MatchModel value) {
      this.model = Require.notNull(value, "model");
      return this;
    }

    /** Forgets the import's checkpoint first, so that every row is read again. */
    public Builder restart(boolean value) {
      this.restart = value;
      return this;
    }

    /** Told after each committed batch. */
    public Builder listener(Listener value) {
      this.listener = Require.notNull(value, "listener");
      return this;
    }

    /** Writes every problem of a run to these files as well, CSV and JSON (replaced if present). */
    public Builder reportFiles(Path csv, Path json) {
      this.reportCsv = Require.notNull(csv, "csv");
      this.reportJson = Require.notNull(json, "json");
      return this;
    }

    /** The clock of written customers, checkpoints and queued reviews (default UTC system clock). */
    public Builder clock(Clock value) {
      this.clock = Require.notNull(value, "clock");
      return this;
    }

    /** Who merges are recorded as made by (default {@code crmkit-import}). */
    public Builder actor(String value) {
      this.actor = Require.notBlank(value, "actor");
      return this;
    }

    /**
     * The import.
     *
     * @throws NullPointerException if stores, import store or mapping is missing
     * @throws IllegalArgumentException if the import store is attached to another base store
     */
    public FileImport build() {
      return new FileImport(this);
    }
  }
}
