/**
 * Field-level access: who may read (masked or clear), write, export and erase which category of a
 * customer's personal data, and the {@link io.crmkit.privacy.access.ProtectedCrm} facade that
 * enforces it on every call and audits every clear-text read, change, export and merge.
 *
 * <p>The host answers who is calling through {@link io.crmkit.privacy.access.CallerContext}, so one
 * {@code Crm} serves many users; {@link io.crmkit.privacy.access.AccessPolicy} decides per
 * {@link io.crmkit.privacy.access.FieldAction} and {@link io.crmkit.privacy.access.FieldScope}
 * (a category of the catalogue, or the non-personal parts); {@link
 * io.crmkit.privacy.access.RoleBasedAccessPolicy} is the configurable default role model.
 *
 * <p>Depends on crm-core ({@code Crm}, {@code customer}, {@code activity}, {@code dedup.merge}) and on
 * crm-privacy's {@code catalog}, {@code mask}, {@code audit} and {@code PrivacyStore}.
 */
package io.crmkit.privacy.access;
