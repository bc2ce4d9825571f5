package io.crmkit.testkit.memory;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.common.DuplicateKeyException;
import io.crmkit.core.common.Violation;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerBatches;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.core.store.CrmStore;
import io.crmkit.testkit.contract.CustomerImportContract;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The import contract fails for a store whose {@link CustomerBatches} breaks the port's promises,
 * and still passes what the bug does not touch.
 */
class ImportContractCatchesBrokenBatchesTest {

  @Test
  void updatesReportedAsWrittenButLostAreCaught() {
    CustomerImportContract contract = over(batches -> new ForwardingBatches(batches) {
      @Override
      public Set<CustomerId> updateAll(List<Customer> customers) {
        Set<CustomerId> claimed = new HashSet<>();
        customers.forEach(customer -> claimed.add(customer.id()));
        return claimed;
      }
    });

    assertThatThrownBy(contract::aChangedRecordUpdatesItsCustomerAndKeepsItsIdAndCreationTime)
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(contract::anUpsertNeverMovesAStoredCustomersStage).isInstanceOf(AssertionError.class);
    assertThatCode(contract::everyRejectedRowComesBackWithItsRowNumberAndEachReason).doesNotThrowAnyException();
  }

  @Test
  void referencesOfStoredCustomersThatTheLookupDoesNotSeeAreCaught() {
    CustomerImportContract contract = over(batches -> new ForwardingBatches(batches) {
      @Override
      public Map<ExternalReference, CustomerId> holders(Collection<ExternalReference> references) {
        return Map.of();
      }
    });

    assertThatThrownBy(contract::reRunningTheSameUpsertChangesNothing).isInstanceOf(DuplicateKeyException.class);
    assertThatThrownBy(contract::aKeyHeldByAnotherStoredCustomerIsRejected).isInstanceOf(DuplicateKeyException.class);
    assertThatCode(contract::insertAllOfACustomerWhoseVersionIsNotZeroIsRejected).doesNotThrowAnyException();
  }

  @Test
  void idsOfStoredCustomersThatTheLookupDoesNotSeeAreCaught() {
    CustomerImportContract contract = over(batches -> new ForwardingBatches(batches) {
      @Override
      public Set<CustomerId> existingIds(Collection<CustomerId> ids) {
        return Set.of();
      }
    });

    assertThatThrownBy(contract::aKeyHeldByAnotherStoredCustomerIsRejected).isInstanceOf(DuplicateKeyException.class);
    assertThatCode(contract::reRunningTheSameUpsertChangesNothing).doesNotThrowAnyException();
  }

  /** The contract over in-memory stores whose customer batches {@code breaking} wraps. */
  private static CustomerImportContract over(Function<CustomerBatches, CustomerBatches> breaking) {
    return new CustomerImportContract() {
      @Override
      protected CrmStore newStore() {
        return new BrokenStore(InMemoryCrmStore.create(), breaking);
      }
    };
  }

  /** An in-memory store with broken customer batches. */
  private static final class BrokenStore extends ForwardingStore {
    private final CustomerBatches batches;

    BrokenStore(InMemoryCrmStore delegate, Function<CustomerBatches, CustomerBatches> breaking) {
      super(delegate);
      this.batches = breaking.apply(delegate.customerBatches());
    }

    @Override
    public CustomerBatches customerBatches() {
      return batches;
    }
  }

  /** Delegates every call; subclasses break one. */
  private static class ForwardingBatches implements CustomerBatches {
    private final CustomerBatches delegate;

    ForwardingBatches(CustomerBatches delegate) {
      this.delegate = delegate;
    }

    @Override
    public <T> T atomically(Supplier<T> work) {
      return delegate.atomically(work);
    }

    @Override
    public Set<CustomerId> existingIds(Collection<CustomerId> ids) {
      return delegate.existingIds(ids);
    }

    @Override
    public Map<ExternalReference, CustomerId> holders(Collection<ExternalReference> references) {
      return delegate.holders(references);
    }

    @Override
    public Map<CustomerId, Customer> load(Collection<CustomerId> ids) {
      return delegate.load(ids);
    }

    @Override
    public void insertAll(List<Customer> customers) {
      delegate.insertAll(customers);
    }

    @Override
    public Set<CustomerId> updateAll(List<Customer> customers) {
      return delegate.updateAll(customers);
    }

    @Override
    public List<Violation> storageViolations(Customer customer) {
      return delegate.storageViolations(customer);
    }
  }
}
