package io.crmkit.core.customer;

import io.crmkit.core.common.ConcurrentUpdateException;
import io.crmkit.core.common.CrmStorageException;
import io.crmkit.core.common.DuplicateKeyException;
import io.crmkit.core.common.Page;
import io.crmkit.core.common.PageRequest;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Port: the customer repository. Adapters (in memory, JDBC, or a user's own over ERP tables)
 * must pass {@code CustomersContract} from crm-testkit.
 *
 * <p>Adapters must be thread-safe. They store what they are given; input validation happens
 * before, in the {@code Crm} facade. Every method may also throw {@link CrmStorageException} when
 * the storage itself fails.
 */
public interface Customers {

  /**
   * Stores a customer with an optimistic version check and returns the stored copy, whose version
   * is one higher.
   *
   * <ul>
   *   <li>Version 0 inserts: the id must not exist yet.
   *   <li>Version n &gt; 0 updates: the stored customer must still have version n.
   * </ul>
   *
   * @throws ConcurrentUpdateException if the stored version is not the one expected (including an
   *     insert of an existing id, or an update of a missing one); nothing is written
   * @throws DuplicateKeyException if one of the customer's external references belongs to another
   *     customer; nothing is written
   */
  Customer save(Customer customer);

  Optional<Customer> findById(CustomerId id);

  /** The customer that holds {@code reference}, if any (at most one can). */
  Optional<Customer> findByExternalReference(ExternalReference reference);

  /**
   * One page of the customers matching {@code criteria}, in {@code sort} order (ties broken by
   * id).
   */
  Page<Customer> find(Criteria criteria, Sort sort, PageRequest page);

  /** How many customers match {@code criteria}. */
  long count(Criteria criteria);

  /**
   * Every customer matching {@code criteria}, in id order, read lazily so that millions of
   * customers stream in constant memory. Close the stream (try-with-resources): a database adapter
   * holds a connection until then.
   */
  Stream<Customer> stream(Criteria criteria);

  /**
   * The ids of the customers {@link #stream} would give, in the same order, for work that goes
   * customer by customer through other ports and needs no customer read. Close the stream. The
   * default reads the customers; crmkit's JDBC adapter reads the ids alone.
   */
  default Stream<CustomerId> streamIds(Criteria criteria) {
    return stream(criteria).map(Customer::id);
  }
}
