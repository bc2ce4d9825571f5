package io.crmkit.core.store;

import io.crmkit.core.common.Require;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The extensions attached to one store, for implementers of {@link CrmStore#attach}: creates each
 * key's ports once, also when threads attach at the same time, and hands out the same instance
 * after that. An extension may attach others while it is created (its monitor is reentrant).
 */
public final class Attachments {
  private final Map<String, Object> byKey = new HashMap<>();

  /**
   * The ports of {@code extension} on {@code store}, created on first use.
   *
   * @throws IllegalArgumentException if {@code extension} is for another technology, or its key
   *     is blank
   */
  public synchronized <P> P attach(StoreExtension<P> extension, CrmStore store) {
    Objects.requireNonNull(extension, "extension");
    String key = Objects.requireNonNull(extension.key(), "extension.key()");
    Require.argument(!key.isBlank(), "an extension needs a key, %s has a blank one", extension);
    Object ports = byKey.get(key);
    if (ports == null) {
      ports = Objects.requireNonNull(extension.create(store), () -> "extension " + key + " created no ports");
      byKey.put(key, ports);
    }
    @SuppressWarnings("unchecked")
    P typed = (P) ports;
    return typed;
  }
}
