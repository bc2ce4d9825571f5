package io.crmkit.core.memory;

import io.crmkit.core.activity.Interaction;
import io.crmkit.core.activity.Interactions;

/** {@link Interactions} in memory. */
public final class InMemoryInteractions extends InMemoryActivityLog<Interaction> implements Interactions {
  public InMemoryInteractions() {
    super("Interaction");
  }
}
