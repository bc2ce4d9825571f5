package io.crmkit.jdbc;

import io.crmkit.core.store.CrmStore;
import io.crmkit.core.store.StoreExtension;
import io.crmkit.privacy.PrivacyStore;
import io.crmkit.privacy.audit.AuditLog;
import io.crmkit.privacy.consent.Consents;
import io.crmkit.privacy.crypto.ProtectionKeys;
import io.crmkit.privacy.pseudonym.PseudonymKeys;

/**
 * crm-privacy's ports in the database: the hash-chained audit log in {@code <prefix>audit_log},
 * its head in {@code <prefix>audit_chain_head}; the consent ledger in {@code <prefix>consent_entry};
 * the protection keys' metadata in {@code <prefix>protection_key}, whose writers lock the one row
 * of {@code <prefix>protection_key_lock} (so the database user needs UPDATE rights on it for
 * {@code SELECT ... FOR UPDATE}); the wrapped pseudonymisation keys in {@code
 * <prefix>pseudonym_key}. Needs crm-privacy on the class path (an optional
 * dependency of crm-jdbc-adapter). Recording consent publishes {@code PrivacyEvent}s: create the
 * store with {@code JdbcOptions.builder().eventFamilies(PrivacyEvent.FAMILY)}, or every consent
 * change rolls back.
 *
 * <pre>{@code
 * PrivacyStore privacy = jdbcStore.attach(JdbcPrivacy.extension());
 * }</pre>
 */
public final class JdbcPrivacy {
  private JdbcPrivacy() {}

  /** The extension to {@link JdbcCrmStore#attach attach}; its migrations run on first attach. */
  public static StoreExtension<PrivacyStore> extension() {
    return new JdbcExtension<>(PrivacyStore.EXTENSION_KEY, "privacy", (base, adapters) ->
        new Ports(base, adapters.auditLog(), adapters.consents(), adapters.protectionKeys(),
            adapters.pseudonymKeys()));
  }

  private record Ports(CrmStore base, AuditLog auditLog, Consents consents, ProtectionKeys protectionKeys,
      PseudonymKeys pseudonymKeys) implements PrivacyStore {}
}
