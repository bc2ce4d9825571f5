package io.crmkit.privacy;

import io.crmkit.core.store.CrmStore;
import io.crmkit.privacy.audit.AuditLog;
import io.crmkit.privacy.consent.Consents;
import io.crmkit.privacy.crypto.ProtectionKeys;
import io.crmkit.privacy.pseudonym.PseudonymKeys;

/**
 * crm-privacy's ports attached to a base {@link CrmStore}, sharing its transactions, so that an
 * audit entry commits or rolls back with the change it records. Get it from {@code
 * store.attach(InMemoryPrivacy.extension())} or {@code store.attach(JdbcPrivacy.extension())}.
 */
public interface PrivacyStore {

  /** The key privacy extensions attach under, whatever their technology. */
  String EXTENSION_KEY = "crmkit.privacy";

  /** The store these ports are attached to. */
  CrmStore base();

  /** The hash-chained audit log. */
  AuditLog auditLog();

  /** The consent ledger's records (use them through {@code ConsentLedger}). */
  Consents consents();
  /** The named pseudonymisation keys, their material wrapped by the host (see {@code PseudonymKeyring}). */
  PseudonymKeys pseudonymKeys();
  /** The metadata of the keys that encrypt and blind-index protected fields (never their material). */
  ProtectionKeys protectionKeys();
}
