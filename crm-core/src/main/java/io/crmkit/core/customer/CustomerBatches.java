package io.crmkit.core.customer;

import io.crmkit.core.common.ConcurrentUpdateException;
import io.crmkit.core.common.CrmStorageException;
import io.crmkit.core.common.DuplicateKeyException;
import io.crmkit.core.common.Violation;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Port: customer writes a set at a time, for imports and syncs of many customers at once. It holds
 * only what depends on the storage technology; what an import means (which rows are good, what is
 * inserted, updated or left alone, which events are announced) is the core's {@code
 * CustomerImporter}, the same on every store. Every store provides one beside its {@link
 * Customers}, sharing its transactions; adapters must pass {@code CustomerImportContract} from
 * crm-testkit.
 *
 * <p>The importer checks keys first and writes second. Where units of work may interleave (a
 * database), a concurrent writer can take a key between the check and the write; the adapter then
 * undoes the unit of work's writes and runs it again, so that the check sees the other writer's
 * rows ({@link #atomically}). Where units of work are serialised (in memory), nothing can come
 * between them.
 *
 * <p>Adapters must be thread-safe. The lookups and writes take part in the unit of work in
 * progress (the store's transaction, or one of {@link #atomically}); outside one each is atomic on
 * its own. Every method may throw {@link CrmStorageException} when the storage itself fails.
 */
public interface CustomerBatches {

  /**
   * Runs {@code work} as one unit of work of the store, joining the transaction in progress if
   * there is one: everything it writes through this store commits together or not at all. If the
   * work throws {@link DuplicateKeyException} because a concurrent writer committed a key after
   * the work checked it, the adapter may undo the work's writes and run it again (a few times at
   * most); the work must therefore start from scratch each time and keep its results to itself
   * until it returns.
   *
   * @throws DuplicateKeyException if concurrent writers kept taking the keys the work checked
   * @throws NullPointerException if {@code work} is null
   */
  <T> T atomically(Supplier<T> work);

  /** Which of {@code ids} belong to stored customers. */
  Set<CustomerId> existingIds(Collection<CustomerId> ids);

  /** The stored customer holding each of {@code references} that is held; absent ones are left out. */
  Map<ExternalReference, CustomerId> holders(Collection<ExternalReference> references);

  /** The stored customers with {@code ids}; ids of no stored customer are left out. */
  Map<CustomerId, Customer> load(Collection<CustomerId> ids);

  /**
   * Inserts new customers, each at version 0 (as built for a first save) and stored with version
   * 1, all or none. The caller has checked their keys and {@link #storageViolations}.
   *
   * @throws DuplicateKeyException if an id or an external reference is taken (by a concurrent
   *     writer, say); nothing of the batch is written
   * @throws IllegalArgumentException if a customer's version is not 0
   */
  void insertAll(List<Customer> customers);

  /**
   * Replaces stored customers with changed copies, each carrying the version it was read at and
   * stored one version higher, like {@link Customers#save}, but reporting instead of throwing: a
   * customer whose stored version is no longer the one given (a concurrent update, see {@link
   * ConcurrentUpdateException}) is left as it is and missing from the result. A customer may come
   * several times at consecutive versions (a chain of changes, such as lifecycle moves made one
   * after the other): the chain is checked against the version its first copy was read at and the
   * customer ends as its last copy, stored one version above it; if the stored version is another,
   * nothing of the chain is written and the customer is missing from the result.
   *
   * <p>External references are checked against the batch's end state: a customer may take a
   * reference that another customer of the batch gives up, whatever their order.
   *
   * @return the ids of the customers written
   * @throws DuplicateKeyException if an external reference would end with two customers (one that
   *     a customer of the batch gives up counts as kept if that customer's write is missed, its
   *     stored version being another); run alone, nothing of the batch is written, and inside a
   *     caller's transaction the caller rolls back
   * @throws IllegalArgumentException if a customer's version is below 1, or copies of one customer
   *     are not at consecutive versions
   */
  Set<CustomerId> updateAll(List<Customer> customers);

  /**
   * What keeps {@code customer} from being stored by this storage (text a database cannot hold,
   * sizes of its columns, years out of its range), beyond the model's own validation; empty where
   * the storage takes anything the model allows. Called for many customers at once from several
   * threads.
   */
  List<Violation> storageViolations(Customer customer);
}
