/**
 * Named segments: a {@link io.crmkit.segmentation.segment.Segment} is a name and crm-core {@code
 * Criteria} (metric criteria included), stored through the {@link
 * io.crmkit.segmentation.segment.SegmentDefinitions} port of the {@link
 * io.crmkit.segmentation.segment.SegmentationStore} extension; {@link
 * io.crmkit.segmentation.segment.SegmentMembership} reads members, sizes and pairwise overlaps
 * through the store's customers.
 */
package io.crmkit.segmentation.segment;
