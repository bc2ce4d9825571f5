/**
 * The consent ledger: append-only {@link io.crmkit.privacy.consent.ConsentEntry consent decisions}
 * per customer and {@link io.crmkit.privacy.consent.Purpose purpose} (granted or withdrawn, with
 * source, evidence reference, time and actor) in the {@link io.crmkit.privacy.consent.Consents}
 * port; the {@link io.crmkit.privacy.consent.ConsentState state} derived from it (no record: no
 * consent); and {@link io.crmkit.privacy.consent.ConsentLedger}, which records decisions with
 * their audit entry and event and answers {@code mayContact}, channel-aware through {@link
 * io.crmkit.privacy.consent.ContactRules}, with the record that decided.
 */
package io.crmkit.privacy.consent;
