package io.crmkit.privacy.audit;

/**
 * What an audited actor did. The names are persistent (they are hashed into the chain and stored
 * as text), so a constant is never renamed; new kinds of action are added at the end.
 */
public enum AuditAction {
  /** A change of a customer's data (registration, update, lifecycle move, ...). */
  CHANGE,
  /** A read of personal data in clear text, where the actor could have read it masked. */
  CLEAR_TEXT_READ,
  /** An export of customer data out of crmkit (a file, a portability document, a report). */
  EXPORT,
  /** A merge (or unmerge) of duplicate customers. */
  MERGE,
  /** An erasure or irreversible anonymisation of a customer's personal data. */
  ERASURE,
  /** A change of a customer's consent (granted or withdrawn). */
  CONSENT_CHANGE,
  /** A change of who may do what: roles, permissions, keys. */
  ACCESS_CHANGE
}
