package io.crmkit.privacy.audit;

import io.crmkit.core.activity.TimeRange;
import io.crmkit.core.customer.CustomerId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Port: the tamper-evident audit log, one hash chain per store (see {@link AuditChain}). Appends
 * from any number of threads and transactions form that one chain: an adapter serialises them on
 * the chain's head, and an append joins the caller's transaction, so a rolled-back transaction
 * leaves no entry and no gap. Adapters must pass {@code AuditLogContract} from crm-testkit. Every
 * method may also throw {@code CrmStorageException}.
 */
public interface AuditLog {

  /**
   * Appends {@code entry} after the current head of the chain.
   *
   * @return the record as stored: its sequence and hashes
   * @throws NullPointerException if {@code entry} is null
   */
  AuditRecord append(AuditEntry entry);

  /**
   * The newest record, if any. Its hash covers the whole chain: kept outside the log's reach, it
   * lets a later check find entries cut from the end or a rewritten chain.
   */
  Optional<AuditRecord> head();

  /** The records about {@code customer} whose act occurred within {@code range}, in chain order. */
  List<AuditRecord> forCustomer(CustomerId customer, TimeRange range);

  /** The records whose act occurred within {@code range}, in chain order. */
  List<AuditRecord> inRange(TimeRange range);

  /**
   * Every record in chain order, read a page at a time where the adapter can, so that memory stays
   * constant however long the log is: what a backup copies. Close the stream. The default reads
   * {@link #inRange} of all time at once; crmkit's JDBC adapter pages.
   */
  default Stream<AuditRecord> stream() {
    return inRange(TimeRange.all()).stream();
  }

  /** Reads the whole chain in order and reports its first break, if any. */
  AuditVerification verify();
}
