package io.crmkit.jdbc;

import io.crmkit.core.common.CrmStorageException;
import io.crmkit.core.common.CrmValidator;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.jdbc.internal.BulkWrites;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Loads many customers at once, for imports and syncs from the host's other systems. Get one from
 * {@link JdbcCrmStore#bulk()}.
 *
 * <ul>
 *   <li>Every row is validated as the {@code Crm} facade would (constraints and domain rules) and
 *       checked against what the database can store. A bad row is reported in the
 *       {@link BulkReport} with its row number and reasons, never thrown, and the good rows are
 *       written.
 *   <li>Each call is one transaction: the good rows are written together or, if the database
 *       fails (a broken connection, say), not at all, so the call can simply be retried.
 *   <li>On PostgreSQL large loads stream through {@code COPY}; elsewhere JDBC batches.
 *   <li>Bulk writes publish no events unless {@link #publishingEvents(boolean)} asks for them
 *       (a million-row migration rarely wants a million events).
 * </ul>
 *
 * <p>Immutable and thread-safe; the settings methods return a new loader.
 */
public final class JdbcBulkLoader {
  private final BulkWrites writes;
  private final boolean events;
  private final CrmValidator validator;
  private final boolean domainValidation;

  JdbcBulkLoader(BulkWrites writes, boolean events) {
    this(writes, events, null, true);
  }

  private JdbcBulkLoader(BulkWrites writes, boolean events, CrmValidator validator, boolean domainValidation) {
    this.writes = writes;
    this.events = events;
    this.validator = validator;
    this.domainValidation = domainValidation;
  }

  /**
   * A loader that also writes a {@code CustomerRegistered} or {@code CustomerUpdated} event to the
   * outbox for every customer it writes, in the same transaction.
   */
  public JdbcBulkLoader publishingEvents(boolean publish) {
    return new JdbcBulkLoader(writes, publish, validator, domainValidation);
  }

  /** A loader that validates rows with {@code validator} (for localised messages, say). */
  public JdbcBulkLoader validatingWith(CrmValidator validator) {
    return new JdbcBulkLoader(writes, events, Objects.requireNonNull(validator, "validator"), true);
  }

  /**
   * A loader for rows that were already validated (exported from another crmkit store, or checked
   * by the caller): it skips the constraint and domain-rule validation, which dominates the cost
   * of a large load, and keeps only the checks of what the database can store (NUL characters,
   * column sizes, year ranges), so a bad row is still reported, never a SQL error.
   */
  public JdbcBulkLoader trustingValidatedRows() {
    return new JdbcBulkLoader(writes, events, validator, false);
  }

  /**
   * Inserts new customers: each must have version 0 (as built for a first save) and is stored
   * with version 1. A row is rejected if it is invalid, repeats an id or external reference of an
   * earlier accepted row, or clashes with a stored customer's id or reference, also one that a
   * concurrent import stored while this one ran.
   *
   * @throws NullPointerException if {@code customers} or one of its rows is null
   * @throws CrmStorageException if the database fails; nothing is written
   */
  public BulkReport insertAll(Collection<Customer> customers) {
    Objects.requireNonNull(customers, "customers");
    return report(writes.insertAll(customers, validator(), events));
  }

  /**
   * Imports records idempotently, matching each to a stored customer by its one external reference
   * in {@code system} (the other system's customer number, say): a match is updated when some
   * detail differs and left alone otherwise, and an unmatched record becomes a new customer with a
   * fresh id. Re-running the same import changes nothing and creates no duplicate, also when two
   * imports of the same records overlap. A match takes every detail from the record but its
   * lifecycle stage, which belongs to the lifecycle engine: an import never moves a customer
   * (a new customer starts in the record's stage).
   *
   * @param system the system whose references identify customers, for example {@code "erp"}
   * @throws NullPointerException if an argument or a record is null
   * @throws IllegalArgumentException if {@code system} is blank
   * @throws CrmStorageException if the database fails; nothing is written
   */
  public BulkReport upsertByExternalReference(String system, Collection<NewCustomer> records) {
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(records, "records");
    if (system.isBlank()) {
      throw new IllegalArgumentException("system must not be blank");
    }
    return report(writes.upsertByExternalReference(system, records, validator(), events));
  }

  private CrmValidator validator() {
    if (!domainValidation) {
      return null;
    }
    return validator != null ? validator : BulkWrites.defaultValidator();
  }

  private static BulkReport report(BulkWrites.Outcome outcome) {
    List<RejectedRow> rejected = new ArrayList<>();
    outcome.rejected().forEach((row, violations) -> rejected.add(RejectedRow.of(row, violations)));
    return new BulkReport(outcome.inserted(), outcome.updated(), outcome.unchanged(), rejected);
  }
}
