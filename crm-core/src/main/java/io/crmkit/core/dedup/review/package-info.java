/**
 * The review queue: pairs a matcher scored between its thresholds wait for a person to decide
 * whether they are the same customer, and every decision is remembered so that the pair is never
 * asked again ({@link io.crmkit.core.dedup.review.ReviewQueue}).
 */
@CrmStyle
package io.crmkit.core.dedup.review;

import io.crmkit.core.common.CrmStyle;
