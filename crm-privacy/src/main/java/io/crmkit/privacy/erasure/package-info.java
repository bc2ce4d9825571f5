/**
 * The right to erasure and retention: {@link io.crmkit.privacy.erasure.Eraser} anonymises one
 * customer's personal data in every port of a store in one transaction, audited and announced by
 * {@link io.crmkit.privacy.CustomerErased}, with every granted consent withdrawn through the
 * ledger so that nobody may contact the person afterwards; {@link io.crmkit.privacy.erasure.Retention} erases in
 * batches the customers its {@link io.crmkit.privacy.erasure.RetentionRule rules} make due.
 */
package io.crmkit.privacy.erasure;
