/**
 * Merging duplicate customers into a golden record by survivorship rules, and undoing a merge
 * exactly: {@link io.crmkit.core.dedup.merge.Merger}, its rules ({@link
 * io.crmkit.core.dedup.merge.SurvivorshipRules}), the record of what each merge did ({@link
 * io.crmkit.core.dedup.merge.Merge}, kept by the {@link io.crmkit.core.dedup.merge.MergeLineage}
 * port) and the writes a merge needs beyond the base ports ({@link
 * io.crmkit.core.dedup.merge.MergeWrites}).
 */
@CrmStyle
package io.crmkit.core.dedup.merge;

import io.crmkit.core.common.CrmStyle;
