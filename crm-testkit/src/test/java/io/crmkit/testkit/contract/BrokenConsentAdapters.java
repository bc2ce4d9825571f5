package io.crmkit.testkit.contract;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.privacy.PrivacyStore;
import io.crmkit.privacy.consent.ConsentEntry;
import io.crmkit.privacy.consent.ConsentRecord;
import io.crmkit.privacy.consent.Consents;
import io.crmkit.privacy.consent.Purpose;
import io.crmkit.privacy.memory.InMemoryPrivacy;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Consent ledgers with one realistic bug each, which {@link ConsentsContract} must catch. */
final class BrokenConsentAdapters {
  private BrokenConsentAdapters() {}

  /**
   * The in-memory privacy store with its consents replaced, every other port forwarded (through a
   * proxy, so ports that other parts of crm-privacy add need nothing here).
   */
  private static PrivacyStore withConsents(Function<Consents, Consents> breaker) {
    PrivacyStore real = InMemoryCrmStore.create().attach(InMemoryPrivacy.extension());
    Consents broken = breaker.apply(real.consents());
    return (PrivacyStore) Proxy.newProxyInstance(PrivacyStore.class.getClassLoader(),
        new Class<?>[] {PrivacyStore.class}, (proxy, method, args) -> {
          if (method.getName().equals("consents")) {
            return broken;
          }
          try {
            return method.invoke(real, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  /** Decides by append order (an {@code ORDER BY entry_seq DESC}), ignoring when the customer decided. */
  static final class AppendOrderRun extends ConsentsContract {
    @Override
    protected PrivacyStore newStore() {
      return withConsents(real -> new Consents() {
        @Override
        public ConsentRecord append(ConsentEntry entry) {
          return real.append(entry);
        }

        @Override
        public List<ConsentRecord> history(CustomerId customer) {
          return real.history(customer);
        }

        @Override
        public Map<CustomerId, ConsentRecord> deciding(Collection<CustomerId> customers, Purpose purpose, Instant at) {
          Map<CustomerId, ConsentRecord> found = new HashMap<>();
          for (CustomerId customer : customers) {
            real.history(customer).stream()
                .filter(r -> r.entry().purpose().equals(purpose) && !r.entry().occurredAt().isAfter(at))
                .max(Comparator.comparingLong(ConsentRecord::sequence))
                .ifPresent(r -> found.put(customer, r));
          }
          return found;
        }
      });
    }
  }

  /** Keeps instants to the microsecond only, as a timestamp column without the nanoseconds would. */
  static final class MicrosecondsRun extends ConsentsContract {
    @Override
    protected PrivacyStore newStore() {
      return withConsents(real -> new Consents() {
        @Override
        public ConsentRecord append(ConsentEntry entry) {
          return real.append(new ConsentEntry(entry.customer(), entry.purpose(), entry.status(), entry.source(),
              entry.evidence(), entry.occurredAt().truncatedTo(ChronoUnit.MICROS), entry.actor()));
        }

        @Override
        public List<ConsentRecord> history(CustomerId customer) {
          return real.history(customer);
        }

        @Override
        public Map<CustomerId, ConsentRecord> deciding(Collection<CustomerId> customers, Purpose purpose, Instant at) {
          return real.deciding(customers, purpose, at);
        }
      });
    }
  }
}
