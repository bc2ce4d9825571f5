package io.crmkit.core.memory;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.lifecycle.ChurnSignal;
import io.crmkit.core.lifecycle.ChurnSignals;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** {@link ChurnSignals} in memory: each customer's signals sorted by measurement time. */
final class InMemoryChurnSignals implements ChurnSignals {
  private final Map<CustomerId, NavigableMap<Instant, ChurnSignal>> byCustomer = new ConcurrentHashMap<>();
  private final InMemoryTransactions transactions;

  InMemoryChurnSignals(InMemoryTransactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public void record(ChurnSignal signal) {
    recordAll(List.of(Objects.requireNonNull(signal, "signal")));
  }

  @Override
  public void recordAll(Collection<ChurnSignal> signals) {
    Objects.requireNonNull(signals, "signals");
    List<ChurnSignal> checked = List.copyOf(signals);
    transactions.inTransaction(() -> {
      for (ChurnSignal signal : checked) {
        ChurnSignal replaced = put(signal);
        transactions.onRollback(() -> {
          NavigableMap<Instant, ChurnSignal> signalsOfCustomer = byCustomer.get(signal.customerId());
          if (replaced == null) {
            signalsOfCustomer.remove(signal.measuredAt());
          } else {
            signalsOfCustomer.put(signal.measuredAt(), replaced);
          }
        });
      }
      return null;
    });
  }

  private synchronized ChurnSignal put(ChurnSignal signal) {
    return byCustomer.computeIfAbsent(signal.customerId(), id -> new ConcurrentSkipListMap<>())
        .put(signal.measuredAt(), signal);
  }

  @Override
  public Optional<ChurnSignal> latest(CustomerId customerId, Instant asOf) {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(asOf, "asOf");
    NavigableMap<Instant, ChurnSignal> signals = byCustomer.get(customerId);
    return Optional.ofNullable(signals == null ? null : signals.lowerEntry(asOf)).map(Map.Entry::getValue);
  }

  @Override
  public Map<CustomerId, ChurnSignal> latest(Collection<CustomerId> customerIds, Instant asOf) {
    Objects.requireNonNull(customerIds, "customerIds");
    Objects.requireNonNull(asOf, "asOf");
    Map<CustomerId, ChurnSignal> found = new HashMap<>();
    for (CustomerId id : customerIds) {
      latest(id, asOf).ifPresent(signal -> found.put(id, signal));
    }
    return found;
  }

  @Override
  public List<ChurnSignal> all() {
    return byCustomer.values().stream().flatMap(signals -> signals.values().stream()).toList();
  }
}
