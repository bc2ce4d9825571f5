package io.crmkit.privacy.memory;

import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.core.store.CrmStore;
import io.crmkit.core.store.StoreExtension;
import io.crmkit.privacy.PrivacyStore;
import io.crmkit.privacy.audit.AuditLog;
import io.crmkit.privacy.consent.Consents;
import io.crmkit.privacy.crypto.ProtectionKeys;
import io.crmkit.privacy.pseudonym.PseudonymKeys;

/**
 * crm-privacy's ports in memory, to {@link CrmStore#attach attach} to an {@link InMemoryCrmStore}:
 *
 * <pre>{@code
 * PrivacyStore privacy = store.attach(InMemoryPrivacy.extension());
 * }</pre>
 */
public final class InMemoryPrivacy {
  private InMemoryPrivacy() {}

  /** The audit log and the other privacy ports in memory, on the store's transactions. */
  public static StoreExtension<PrivacyStore> extension() {
    return new StoreExtension<>() {
      @Override
      public String key() {
        return PrivacyStore.EXTENSION_KEY;
      }

      @Override
      public PrivacyStore create(CrmStore store) {
        if (!(store instanceof InMemoryCrmStore memory)) {
          throw new IllegalArgumentException("the in-memory extension " + key() + " attaches to an InMemoryCrmStore,"
              + " not to " + store + "; use the extension of that store's technology");
        }
        return new Ports(memory, new InMemoryAuditLog(memory.transactions()),
            new InMemoryConsents(memory.transactions()),
            new InMemoryProtectionKeys(memory.transactions()),
            new InMemoryPseudonymKeys(memory.transactions()));
      }

      @Override
      public String toString() {
        return "InMemoryPrivacy.extension()";
      }
    };
  }

  private record Ports(CrmStore base, AuditLog auditLog, Consents consents, ProtectionKeys protectionKeys,
      PseudonymKeys pseudonymKeys) implements PrivacyStore {}
}
