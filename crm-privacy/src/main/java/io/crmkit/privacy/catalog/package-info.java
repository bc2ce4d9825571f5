/**
 * The personal-data catalogue: which parts of a customer record are personal data, and of what
 * category ({@link io.crmkit.privacy.catalog.PersonalDataCategory}) and kind of value
 * ({@link io.crmkit.privacy.catalog.ValueKind}). Masking, access control, encryption, erasure and
 * export all ask the catalogue, so a host that adds a personal custom attribute, or judges a field
 * differently, says so once ({@link io.crmkit.privacy.catalog.PersonalDataCatalogue#toBuilder()}).
 *
 * <p>Depends on crm-core's {@code customer} and {@code common} packages only.
 */
package io.crmkit.privacy.catalog;
