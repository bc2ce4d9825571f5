package io.crmkit.jdbc;

import io.crmkit.core.store.CrmStore;
import io.crmkit.core.store.StoreExtension;
import io.crmkit.privacy.PrivacyStore;
import io.crmkit.privacy.audit.AuditLog;
import io.crmkit.privacy.crypto.ProtectionKeys;

/**
 * crm-privacy's ports in the database: the hash-chained audit log in {@code <prefix>audit_log},
 * its head in {@code <prefix>audit_chain_head}; the protection keys' metadata in {@code
 * <prefix>protection_key}. Needs crm-privacy on the class path (an optional
 * dependency of crm-jdbc-adapter).
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
        new Ports(base, adapters.auditLog(), adapters.protectionKeys()));
  }

  private record Ports(CrmStore base, AuditLog auditLog, ProtectionKeys protectionKeys) implements PrivacyStore {}
}
