package io.crmkit.privacy.consent;

/**
 * What a ledger entry says about a purpose. The names are persistent (stored and sent in events):
 * never renamed.
 */
public enum ConsentStatus {
  /** The customer agreed to the purpose. */
  GRANTED,
  /** The customer took their agreement back (or refused it). */
  WITHDRAWN
}
