/**
 * crm-segmentation: which customers matter most, which are slipping away, and what they are worth.
 * The features live in sub-packages ({@code rfm}, {@code tier}, {@code churn}, ...); this package
 * holds what they share: the module's event family {@link io.crmkit.segmentation.SegmentationEvent}.
 */
package io.crmkit.segmentation;
