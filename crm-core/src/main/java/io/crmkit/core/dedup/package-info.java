/**
 * Record linkage: standardise customer records, block, compare, score (Fellegi-Sunter with
 * parameters estimated without labels), cluster, and merge duplicates into a golden record that
 * can be undone. The batch steps are pure functions over plain values so that a distributed
 * engine can run them.
 */
@CrmStyle
package io.crmkit.core.dedup;

import io.crmkit.core.common.CrmStyle;
