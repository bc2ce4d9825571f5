/**
 * k-means clustering of customers on standardised features (usually recency, frequency and
 * monetary value, given as plain per-customer {@code double} vectors, so this package depends on
 * no scoring code): {@link io.crmkit.segmentation.cluster.ZScores} to standardise, {@link
 * io.crmkit.segmentation.cluster.KMeans} (k-means++ seeding, Lloyd's iterations, seeded and
 * reproducible), and {@link io.crmkit.segmentation.cluster.Silhouette} and {@link
 * io.crmkit.segmentation.cluster.ChoosingK} to help choose k.
 */
package io.crmkit.segmentation.cluster;
