/**
 * Building blocks every crmkit feature shares: the exception family, the validator that turns
 * Jakarta constraints and domain rules into one {@link io.crmkit.core.common.CrmValidationException},
 * and the small ports for identity and transactions.
 *
 * <p>This package depends on no other crmkit package, so every feature can use it without cycles.
 */
package io.crmkit.core.common;
