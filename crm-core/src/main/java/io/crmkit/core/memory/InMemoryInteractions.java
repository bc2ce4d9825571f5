package io.crmkit.core.memory;

import io.crmkit.core.activity.Interaction;
import io.crmkit.core.activity.Interactions;

/** {@link Interactions} in memory. */
final class InMemoryInteractions extends InMemoryActivityLog<Interaction> implements Interactions {
  InMemoryInteractions(InMemoryTransactions transactions) {
    super("Interaction", transactions);
  }
}
