package io.crmkit.core.imports;

import io.crmkit.core.common.CrmStorageException;
import io.crmkit.core.common.CrmValidator;
import io.crmkit.core.common.DuplicateKeyException;
import io.crmkit.core.common.IdGenerator;
import io.crmkit.core.common.Rejection;
import io.crmkit.core.common.Require;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerBatches;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.store.CrmStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Imports many customers at once, from an ERP export, a migration or a nightly sync, with the same
 * results on every store. Get one from {@code crm.importer()} (wired with the facade's store,
 * validator, clock and ids) or {@link #on(CrmStore)}.
 *
 * <pre>{@code
 * CustomerImporter.Report report = crm.importer().upsertByExternalReference("erp", records);
 * report.rejected().forEach(rejection -> log.warn("not imported: {}", rejection));
 * }</pre>
 *
 * <ul>
 *   <li>Every row is validated as the {@code Crm} facade validates it (constraints and domain
 *       rules; on several cores for larger batches) and checked against what the store can hold.
 *       A bad row is reported in the {@link Report} with its row number and every reason,
 *       never thrown, and the good rows are written. A bad row never keeps a later good row with
 *       the same keys out.
 *   <li>Each call is one unit of work of the store (joining the caller's transaction, if one is
 *       in progress): the good rows are written together or, if the storage fails, not at all, so
 *       the call can simply be run again.
 *   <li>Imports that overlap on the same new customers all complete, each customer stored once:
 *       the store runs a unit of work again when a concurrent import took a key it had checked.
 *   <li>An import never moves a stored customer's lifecycle stage: that belongs to the lifecycle
 *       engine, which records every move.
 *   <li>No events are published unless {@link #publishingEvents(boolean)} asks for them.
 * </ul>
 *
 * <p>The writes go through the store's {@link CustomerBatches} port: batches of JDBC statements,
 * or {@code COPY} on PostgreSQL. Immutable and thread-safe; the settings methods return a new
 * importer.
 */
public final class CustomerImporter {
  private final CrmStore store;
  private final CrmValidator validator;
  private final boolean trustingRows;
  private final boolean publishing;
  private final Clock clock;
  private final IdGenerator ids;

  private CustomerImporter(CrmStore store, CrmValidator validator, boolean trustingRows, boolean publishing,
      Clock clock, IdGenerator ids) {
    this.store = store;
    this.validator = validator;
    this.trustingRows = trustingRows;
    this.publishing = publishing;
    this.clock = clock;
    this.ids = ids;
  }

  /**
   * An importer into {@code store} with English validation messages, the system UTC clock,
   * time-ordered ids and no events.
   *
   * @throws NullPointerException if {@code store} is null
   */
  public static CustomerImporter on(CrmStore store) {
    return new CustomerImporter(Objects.requireNonNull(store, "store"), null, false, false, Clock.systemUTC(),
        IdGenerator.timeOrdered());
  }

  /**
   * An importer that also publishes a {@code CustomerRegistered} or {@code CustomerUpdated} event
   * through the store's events for every customer it writes, in the same unit of work (on a
   * database, into the outbox with the change).
   */
  public CustomerImporter publishingEvents(boolean publish) {
    return new CustomerImporter(store, validator, trustingRows, publish, clock, ids);
  }

  /**
   * An importer that validates rows with {@code validator} (for localised messages, or time
   * constraints on your clock), also after {@link #trustingValidatedRows()}.
   *
   * @throws NullPointerException if {@code validator} is null
   */
  public CustomerImporter validatingWith(CrmValidator validator) {
    return new CustomerImporter(store, Objects.requireNonNull(validator, "validator"), false, publishing, clock,
        ids);
  }

  /**
   * An importer for rows that were already validated (exported from another crmkit store, or
   * checked by the caller): it skips the constraint and domain-rule validation, which dominates the
   * cost of a large import, and keeps the checks of what the store can hold (on a database: NUL
   * characters, column sizes, year ranges), so a bad row is still reported, never a storage error.
   */
  public CustomerImporter trustingValidatedRows() {
    return new CustomerImporter(store, validator, true, publishing, clock, ids);
  }

  /**
   * An importer that stamps new and changed customers with {@code clock}'s time.
   *
   * @throws NullPointerException if {@code clock} is null
   */
  public CustomerImporter withClock(Clock clock) {
    return new CustomerImporter(store, validator, trustingRows, publishing, Objects.requireNonNull(clock, "clock"),
        ids);
  }

  /**
   * An importer that takes the ids of new customers and of events from {@code ids}.
   *
   * @throws NullPointerException if {@code ids} is null
   */
  public CustomerImporter withIds(IdGenerator ids) {
    return new CustomerImporter(store, validator, trustingRows, publishing, clock, Objects.requireNonNull(ids, "ids"));
  }

  /**
   * Inserts new customers: each must have version 0 (as built for a first save) and is stored
   * with version 1. A row is rejected if it is invalid, repeats an id or external reference of an
   * earlier good row, or clashes with a stored customer's id or reference, also one that a
   * concurrent import stored while this one ran. Rejections name the row's customer id.
   *
   * @throws NullPointerException if {@code customers} or one of its rows is null
   * @throws DuplicateKeyException if concurrent writers kept taking the keys this import checked,
   *     so that running it again did not help; nothing is written
   * @throws CrmStorageException if the storage fails; nothing is written
   */
  public Report insertAll(Collection<Customer> customers) {
    Objects.requireNonNull(customers, "customers");
    CustomerBatches batches = store.customerBatches();
    RowScreen.Screened<Customer> screened = screen(batches).newCustomers(new ArrayList<>(customers));
    if (screened.accepted().isEmpty()) {
      return new Report(0, 0, 0, screened.rejected().inRowOrder());
    }
    InsertWrite write = new InsertWrite(batches, announcer());
    return batches.atomically(() -> write.run(screened));
  }

  /**
   * Imports records idempotently, matching each to a stored customer by its one external
   * reference in {@code system} (the other system's customer number, say): a match is updated
   * when some detail differs and left alone otherwise, and an unmatched record becomes a new
   * customer with a fresh id. Re-running the same import changes nothing and creates no duplicate,
   * also when two imports of the same records overlap. A match takes every detail from the record
   * but its lifecycle stage, which belongs to the lifecycle engine: an import never moves a
   * customer (a new customer starts in the record's stage). Rejections name the row's reference in
   * {@code system} ({@code erp:C-1}), or {@code row N} if it has none or several.
   *
   * @param system the system whose references identify customers, for example {@code "erp"}
   * @throws NullPointerException if an argument or a record is null
   * @throws IllegalArgumentException if {@code system} is blank
   * @throws DuplicateKeyException if concurrent writers kept taking the keys this import checked,
   *     so that running it again did not help; nothing is written
   * @throws CrmStorageException if the storage fails; nothing is written
   */
  public Report upsertByExternalReference(String system, Collection<NewCustomer> records) {
    Require.notBlank(system, "system");
    Objects.requireNonNull(records, "records");
    CustomerBatches batches = store.customerBatches();
    RowScreen.Screened<NewCustomer> screened =
        screen(batches).records(system, new ArrayList<>(records), clock.instant());
    if (screened.accepted().isEmpty()) {
      return new Report(0, 0, 0, screened.rejected().inRowOrder());
    }
    UpsertWrite write = new UpsertWrite(system, batches, clock, ids, announcer());
    return batches.atomically(() -> write.run(screened));
  }

  private RowScreen screen(CustomerBatches batches) {
    if (trustingRows) {
      return new RowScreen(null, batches);
    }
    return new RowScreen(validator != null ? validator : DefaultValidator.INSTANCE, batches);
  }

  private Announcer announcer() {
    return new Announcer(store.events(), ids, publishing);
  }

  @Override
  public String toString() {
    return "CustomerImporter[" + store + (trustingRows ? ", trusting validated rows" : "")
        + (publishing ? ", publishing events" : "") + "]";
  }

  /** The validator used unless the caller gives one: built on first use and shared, since building one is costly. */
  private static final class DefaultValidator {
    static final CrmValidator INSTANCE = CrmValidator.create();
  }

  /**
   * What an import did. Bad rows never fail the import: they are listed in {@link #rejected()} with
   * their row number and every reason, and every good row is written (all good rows together or, if
   * the storage itself fails, none).
   *
   * @param inserted new customers written
   * @param updated stored customers changed (upsert only)
   * @param unchanged rows that matched a stored customer with exactly the same details (upsert only)
   * @param rejected rows not written, in row order: position the 1-based row number, subject the
   *     row's external reference (upsert), the customer id (insert), or {@code row N}
   */
  public record Report(int inserted, int updated, int unchanged, List<Rejection> rejected) {

    /** @throws IllegalArgumentException if a count is negative */
    public Report {
      rejected = List.copyOf(rejected);
      Require.atLeast(inserted, 0, "inserted");
      Require.atLeast(updated, 0, "updated");
      Require.atLeast(unchanged, 0, "unchanged");
    }

    /** Whether every row was written or already up to date. */
    public boolean allAccepted() {
      return rejected.isEmpty();
    }

    /** How many rows were looked at: written, unchanged or rejected. */
    public int rows() {
      return inserted + updated + unchanged + rejected.size();
    }
  }
}
