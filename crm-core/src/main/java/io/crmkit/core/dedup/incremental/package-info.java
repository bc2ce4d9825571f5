/**
 * Incremental matching: the import-time question "do we already know this customer?", answered
 * with the batch run's own blocking rules, comparisons and fitted model against the blocking keys
 * persisted in the {@link io.crmkit.core.dedup.BlockingKeyIndex}, and the review queue fed with
 * the pairs between the thresholds. {@link io.crmkit.core.dedup.incremental.IncrementalMatcher}
 * is the entry point.
 */
@CrmStyle
package io.crmkit.core.dedup.incremental;

import io.crmkit.core.common.CrmStyle;
