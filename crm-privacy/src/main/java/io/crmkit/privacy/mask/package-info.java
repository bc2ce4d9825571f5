/**
 * Masking: personal values shown with most of their characters replaced by {@code *}, so that a
 * person who may not read them in clear can still recognise and use a record ({@code 138****5678},
 * {@code j***@example.com}, {@code 110105********1234}, {@code 张*}, {@code J*** Smith}).
 *
 * <p>{@link io.crmkit.privacy.mask.MaskingPolicy} masks one value by its
 * {@link io.crmkit.privacy.catalog.ValueKind}; {@link io.crmkit.privacy.mask.Masker} masks a whole
 * customer by the {@link io.crmkit.privacy.catalog.PersonalDataCatalogue}. Every mask is
 * deterministic, idempotent (masking a masked value changes nothing), reveals no more than its
 * configured characters, and accepts any text (malformed numbers, surrogate pairs) without
 * throwing.
 *
 * <p>Depends on crm-core's {@code customer} and {@code common} packages and on the catalogue.
 */
package io.crmkit.privacy.mask;
