package io.crmkit.privacy.crypto;

import com.google.crypto.tink.KeysetHandle;
import io.crmkit.core.protection.ProtectedField;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The primitive of the keyset a provider last gave for each field: building one parses the keyset,
 * so it is rebuilt only when the provider hands out another keyset instance (after a rotation).
 */
final class PrimitiveCache<P> {
  /** How to make the primitive of a keyset. */
  @FunctionalInterface
  interface Factory<P> {
    P create(KeysetHandle keyset) throws GeneralSecurityException;
  }

  private record Cached<P>(KeysetHandle keyset, P primitive) {}

  private final Factory<P> factory;
  private final Map<ProtectedField, Cached<P>> cache = new ConcurrentHashMap<>();

  PrimitiveCache(Factory<P> factory) {
    this.factory = factory;
  }

  P get(ProtectedField field, KeysetHandle keyset) throws GeneralSecurityException {
    Cached<P> cached = cache.get(field);
    if (cached != null && cached.keyset() == keyset) {
      return cached.primitive();
    }
    P primitive = factory.create(keyset);
    cache.put(field, new Cached<>(keyset, primitive));
    return primitive;
  }
}
