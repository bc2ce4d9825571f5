package io.crmkit.testkit.contract;

import io.crmkit.core.activity.ActivityId;
import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.core.activity.Purchase;
import io.crmkit.core.activity.PurchaseSummary;
import io.crmkit.core.activity.Purchases;
import io.crmkit.core.activity.TimeRange;
import io.crmkit.core.common.DuplicateKeyException;
import io.crmkit.core.common.Page;
import io.crmkit.core.common.PageRequest;
import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.Customers;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.core.customer.Sort;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Adapters with one realistic bug each, and contract runs over them. {@link
 * ContractsCatchBrokenAdaptersTest} runs the contracts against them to prove that the contracts
 * fail where they should. The runs are nested classes, so Surefire does not run them itself.
 */
final class BrokenAdapters {
  private BrokenAdapters() {}

  /** Delegates every call to the in-memory adapter; subclasses break one thing. */
  static class ForwardingCustomers implements Customers {
    final Customers delegate = InMemoryCrmStore.create().customers();

    @Override
    public Customer save(Customer customer) {
      return delegate.save(customer);
    }

    @Override
    public Optional<Customer> findById(CustomerId id) {
      return delegate.findById(id);
    }

    @Override
    public Optional<Customer> findByExternalReference(ExternalReference reference) {
      return delegate.findByExternalReference(reference);
    }

    @Override
    public Page<Customer> find(Criteria criteria, Sort sort, PageRequest page) {
      return delegate.find(criteria, sort, page);
    }

    @Override
    public long count(Criteria criteria) {
      return delegate.count(criteria);
    }

    @Override
    public Stream<Customer> stream(Criteria criteria) {
      return delegate.stream(criteria);
    }
  }

  /** Ignores the expected version: the last writer wins. */
  static final class LastWriterWinsCustomers extends ForwardingCustomers {
    @Override
    public synchronized Customer save(Customer customer) {
      long stored = delegate.findById(customer.id()).map(Customer::version).orElse(0L);
      return delegate.save(customer.withVersion(stored));
    }
  }

  /** Streams in signed UUID order, as {@code UUID.compareTo} and some databases do. */
  static final class SignedIdOrderCustomers extends ForwardingCustomers {
    @Override
    public Stream<Customer> stream(Criteria criteria) {
      return delegate.stream(criteria).sorted(Comparator.comparing(customer -> customer.id().value()));
    }
  }

  /** Says there is a next page whenever this page is full. */
  static final class FullPageHasNextCustomers extends ForwardingCustomers {
    @Override
    public Page<Customer> find(Criteria criteria, Sort sort, PageRequest page) {
      Page<Customer> found = delegate.find(criteria, sort, page);
      return new Page<>(found.items(), page, found.items().size() == page.limit());
    }
  }

  /** Never forgets where a reference pointed, even after its customer dropped it. */
  static final class StickyReferencesCustomers extends ForwardingCustomers {
    private final Map<ExternalReference, CustomerId> everHeld = new HashMap<>();

    @Override
    public synchronized Customer save(Customer customer) {
      Customer saved = delegate.save(customer);
      saved.externalReferences().forEach(reference -> everHeld.put(reference, saved.id()));
      return saved;
    }

    @Override
    public synchronized Optional<Customer> findByExternalReference(ExternalReference reference) {
      return Optional.ofNullable(everHeld.get(reference)).flatMap(delegate::findById);
    }
  }

  /** Delegates every call to the in-memory purchase store; subclasses break one thing. */
  static class ForwardingPurchases implements Purchases {
    final Purchases delegate = InMemoryCrmStore.create().purchases();

    @Override
    public void record(Purchase activity) {
      delegate.record(activity);
    }

    @Override
    public void recordAll(Collection<? extends Purchase> activities) {
      delegate.recordAll(activities);
    }

    @Override
    public List<Purchase> forCustomer(CustomerId customerId, TimeRange range) {
      return delegate.forCustomer(customerId, range);
    }

    @Override
    public Stream<Purchase> stream(TimeRange range) {
      return delegate.stream(range);
    }
  }

  /** Treats the end of a range as included. */
  static final class ClosedRangePurchases extends ForwardingPurchases {
    @Override
    public List<Purchase> forCustomer(CustomerId customerId, TimeRange range) {
      Instant end = range.to().equals(Instant.MAX) ? Instant.MAX : range.to().plusNanos(1);
      return delegate.forCustomer(customerId, TimeRange.between(range.from(), end));
    }
  }

  /** Rejects every known id, even with identical content: a retried sync fails. */
  static final class NonIdempotentPurchases extends ForwardingPurchases {
    private final Set<ActivityId> seen = new HashSet<>();

    @Override
    public void record(Purchase activity) {
      recordAll(List.of(activity));
    }

    @Override
    public synchronized void recordAll(Collection<? extends Purchase> activities) {
      for (Purchase purchase : activities) {
        if (seen.contains(purchase.id())) {
          throw new DuplicateKeyException(purchase.id().toString(), "already recorded");
        }
      }
      delegate.recordAll(activities);
      activities.forEach(purchase -> seen.add(purchase.id()));
    }
  }

  /** Records a batch one by one, keeping what came before a clash. */
  static final class PiecemealPurchases extends ForwardingPurchases {
    @Override
    public void recordAll(Collection<? extends Purchase> activities) {
      activities.forEach(delegate::record);
    }
  }

  /** Forgets the product category. */
  static final class CategoryDroppingPurchases extends ForwardingPurchases {
    @Override
    public void record(Purchase activity) {
      recordAll(List.of(activity));
    }

    @Override
    public void recordAll(Collection<? extends Purchase> activities) {
      delegate.recordAll(activities.stream()
          .map(p -> new Purchase.Builder().from(p).category(Optional.empty()).build()).toList());
    }
  }

  /** Leaves out the customers without purchases instead of giving them an empty summary. */
  static final class OnlyBuyersPurchases extends ForwardingPurchases {
    @Override
    public Map<CustomerId, PurchaseSummary> summaries(Collection<CustomerId> customerIds, Instant asOf) {
      Map<CustomerId, PurchaseSummary> summaries = new HashMap<>(delegate.summaries(customerIds, asOf));
      summaries.values().removeIf(summary -> summary.purchaseCount() + summary.refundCount() == 0);
      return summaries;
    }
  }

  /**
   * Takes purchase occasions as calendar days in UTC+8, as a SQL cast to date does in a session in
   * Shanghai; every instant it reports is right.
   */
  static final class ShanghaiDayPurchases extends ForwardingPurchases {
    private static final Duration OFFSET = Duration.ofHours(8);

    @Override
    public Map<CustomerId, PurchaseSummary> summaries(Collection<CustomerId> customerIds, Instant asOf) {
      Map<CustomerId, PurchaseSummary> summaries = new HashMap<>();
      Instant shiftedAsOf = asOf.isAfter(Instant.MAX.minus(OFFSET)) ? Instant.MAX : asOf.plus(OFFSET);
      for (CustomerId id : customerIds) {
        List<Purchase> shifted = delegate.forCustomer(id, TimeRange.all()).stream()
            .map(p -> new Purchase.Builder().from(p).occurredAt(p.occurredAt().plus(OFFSET)).build()).toList();
        PurchaseSummary local = PurchaseSummary.of(id, shifted, shiftedAsOf);
        summaries.put(id, new PurchaseSummary.Builder().from(local).asOf(asOf)
            .firstPurchaseAt(local.firstPurchaseAt().map(at -> at.minus(OFFSET)))
            .lastPurchaseAt(local.lastPurchaseAt().map(at -> at.minus(OFFSET)))
            .lastOccasionAt(local.lastOccasionAt().map(at -> at.minus(OFFSET)))
            .build());
      }
      return summaries;
    }
  }

  /** The summaries contract run over {@link OnlyBuyersPurchases}. */
  static class OnlyBuyersRun extends PurchaseSummariesContract {
    @Override
    protected Purchases newPurchases() {
      return new OnlyBuyersPurchases();
    }
  }

  /** The summaries contract run over {@link ShanghaiDayPurchases}. */
  static class ShanghaiDayRun extends PurchaseSummariesContract {
    @Override
    protected Purchases newPurchases() {
      return new ShanghaiDayPurchases();
    }
  }

  /** The contract run over {@link LastWriterWinsCustomers}. */
  static class LastWriterWinsRun extends CustomersContract {
    @Override
    protected Customers newCustomers() {
      return new LastWriterWinsCustomers();
    }
  }

  /** The contract run over {@link SignedIdOrderCustomers}. */
  static class SignedIdOrderRun extends CustomersContract {
    @Override
    protected Customers newCustomers() {
      return new SignedIdOrderCustomers();
    }
  }

  /** The contract run over {@link FullPageHasNextCustomers}. */
  static class FullPageHasNextRun extends CustomersContract {
    @Override
    protected Customers newCustomers() {
      return new FullPageHasNextCustomers();
    }
  }

  /** The contract run over {@link StickyReferencesCustomers}. */
  static class StickyReferencesRun extends CustomersContract {
    @Override
    protected Customers newCustomers() {
      return new StickyReferencesCustomers();
    }
  }

  /** The contract run over {@link ClosedRangePurchases}. */
  static class ClosedRangeRun extends PurchasesContract {
    @Override
    protected Purchases newPurchases() {
      return new ClosedRangePurchases();
    }
  }

  /** The contract run over {@link NonIdempotentPurchases}. */
  static class NonIdempotentRun extends PurchasesContract {
    @Override
    protected Purchases newPurchases() {
      return new NonIdempotentPurchases();
    }
  }

  /** The contract run over {@link PiecemealPurchases}. */
  static class PiecemealRun extends PurchasesContract {
    @Override
    protected Purchases newPurchases() {
      return new PiecemealPurchases();
    }
  }

  /** The contract run over {@link CategoryDroppingPurchases}. */
  static class CategoryDroppingRun extends PurchasesContract {
    @Override
    protected Purchases newPurchases() {
      return new CategoryDroppingPurchases();
    }
  }

}
