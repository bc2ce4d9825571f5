/**
 * Classification of customers by dimension codes: {@link
 * io.crmkit.core.dimension.classify.ClassificationRule}s derive a code from a customer's data
 * (region from the address or the USCC, type from kind and identifiers, industry from an
 * attribute), a {@link io.crmkit.core.dimension.classify.Classifier} applies them in bulk and
 * reports who could not be classified and why, and a {@link
 * io.crmkit.core.dimension.classify.Recoder} moves customers off retired codes when a scheme
 * changes, listing those without a single successor.
 *
 * <p>Both return {@link io.crmkit.core.dimension.classify.CodeUpdate}s, plain results; {@link
 * io.crmkit.core.dimension.classify.CodeUpdates} applies them with optimistic-version saves and
 * reports every conflict per customer. Every report lists what it set aside as {@link
 * io.crmkit.core.common.Rejection}s ({@code rejections()}), one per customer, with violations
 * whose path is the dimension code ({@code dimensionCodes[region]}).
 */
@CrmStyle
package io.crmkit.core.dimension.classify;

import io.crmkit.core.common.CrmStyle;
