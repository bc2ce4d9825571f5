package io.crmkit.privacy.consent;

import io.crmkit.core.customer.CustomerId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Port: the consent ledger's storage, append-only. Appends join the caller's transaction, so a
 * rolled-back transaction leaves no record. Record changes through {@link ConsentLedger}, which
 * also audits them and publishes their events in the same transaction; read through it too, where
 * the state is derived. Adapters must pass {@code ConsentsContract} from crm-testkit. Every method
 * may also throw {@code CrmStorageException}.
 */
public interface Consents {

  /**
   * Appends {@code entry} to the ledger.
   *
   * @return the record as stored, with a sequence above every earlier record's of this store
   * @throws NullPointerException if {@code entry} is null
   */
  ConsentRecord append(ConsentEntry entry);

  /** Every record of {@code customer}, in append (sequence) order; empty if there is none. */
  List<ConsentRecord> history(CustomerId customer);

  /**
   * For each of {@code customers} with a record of {@code purpose} at or before {@code at}, the one
   * that decides it (the last in {@link ConsentRecord#EFFECT_ORDER}); customers without such a
   * record are absent. Meant for campaigns: adapters read a large collection in a few queries, not
   * one per customer.
   *
   * @throws NullPointerException if an argument or customer id is null
   */
  Map<CustomerId, ConsentRecord> deciding(Collection<CustomerId> customers, Purpose purpose, Instant at);
}
