/**
 * The tamper-evident audit log: {@link io.crmkit.privacy.audit.AuditEntry} (who, what, which
 * customer, when, why; never personal data values), the {@link io.crmkit.privacy.audit.AuditLog}
 * port, and {@link io.crmkit.privacy.audit.AuditChain}, the SHA-256 hash chain every adapter writes
 * and verifies the same way.
 */
package io.crmkit.privacy.audit;
